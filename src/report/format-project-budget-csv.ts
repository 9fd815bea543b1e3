import { stringify } from 'csv-stringify/sync';
import type { Project } from '../domain/vision.js';

/** Columns of the budget CSV: one row per project and fiscal year, nothing specific to one area. */
export const projectBudgetCsvColumns = [
  'project_number',
  'project_name',
  'role',
  'policy_area',
  'sub_field',
  'fiscal_year',
  /** 和暦 label of the fiscal year (令和4年度); left empty until the fiscal-year helpers exist */
  'fiscal_year_wareki',
  /** thousand yen (千円), digits only; empty when the cell holds a mark */
  'amount_thousand_yen',
  /** 'blank' or 'dash' when the printed cell had no amount (they mean different things) */
  'mark',
] as const;

/**
 * The budgets of projects as open-data CSV (long format): UTF-8 with BOM and CRLF so that Excel opens it as
 * Japanese text, one value per cell, amounts without separators or units. The total (計) is not a row: it is
 * the sum of the years, and the document's own total stays in the JSON export.
 *
 * @example formatProjectBudgetCsv(vision.projects).startsWith('\uFEFFproject_number,') // → true
 */
export function formatProjectBudgetCsv(projects: readonly Project[]): string {
  const records = projects.flatMap((project) =>
    project.budget.years.map((cell) => [
      project.number,
      project.name,
      project.role,
      project.policyArea,
      project.subField ?? '',
      cell.fiscalYear,
      '',
      cell.amount ?? '',
      cell.mark ?? '',
    ]),
  );
  return stringify(records, {
    header: true,
    columns: [...projectBudgetCsvColumns],
    bom: true,
    record_delimiter: 'windows',
  });
}
