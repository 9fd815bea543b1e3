import type { Insertable } from 'kysely';
import type { Kpi, Project } from '../domain/vision.js';
import type { BudgetCellTable, KpiTable, ProjectVersionTable } from './database.js';

/** Explicit domain → row mappers for saving a revision (the reverse of rows-to-vision.ts). */

export function toProjectVersionRow(
  project: Project,
  ids: { revisionId: number; projectKeyId: number; position: number },
): Insertable<ProjectVersionTable> {
  return {
    revision_id: ids.revisionId,
    project_key_id: ids.projectKeyId,
    position: ids.position,
    number: project.number,
    name: project.name,
    name_in_matrix: project.nameInMatrix,
    is_new: project.isNew,
    role: project.role,
    policy_area: project.policyArea,
    sub_field: project.subField,
    related_municipalities: project.relatedMunicipalities,
    participants: JSON.stringify(project.participants),
    content: JSON.stringify(project.content),
    effect: project.effect,
    roles: JSON.stringify(project.roles),
    notes: JSON.stringify(project.notes),
    source_first_line: project.source.lines[0],
    source_last_line: project.source.lines[1],
  };
}

/** One row per fiscal year, plus the total with fiscal_year null. */
export function toBudgetCellRows(project: Project, projectVersionId: number): Insertable<BudgetCellTable>[] {
  const { years, total } = project.budget;
  return [
    ...years.map((cell) => ({
      project_version_id: projectVersionId,
      fiscal_year: cell.fiscalYear,
      amount: cell.amount,
      mark: cell.mark,
    })),
    { project_version_id: projectVersionId, fiscal_year: null, amount: total.amount, mark: total.mark },
  ];
}

export function toKpiRow(
  kpi: Kpi,
  ids: { projectVersionId: number; kpiKeyId: number; position: number },
): Insertable<KpiTable> {
  const { baseline, target } = kpi;
  return {
    project_version_id: ids.projectVersionId,
    kpi_key_id: ids.kpiKeyId,
    position: ids.position,
    indicator: kpi.indicator,
    note: kpi.note,
    baseline_text: baseline.text,
    baseline_value: baseline.value,
    baseline_unit: baseline.unit,
    baseline_as_of: baseline.asOf,
    target_text: target.text,
    target_kind: target.kind,
    target_value: target.value,
    target_unit: target.unit,
    target_per: target.per,
    target_merged_into: target.mergedInto,
    target_fiscal_year: target.fiscalYear,
  };
}
