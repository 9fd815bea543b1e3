import type { BudgetCell, Project } from '../domain/vision.js';
import { type AreaRecord, areaColumns, warekiLabel } from './open-data-context.js';
import type { TableSpec } from './open-data-table.js';

/** One printed budget cell: a fiscal year's, or the total (計) when fiscalYear is null. */
export type BudgetRow = { project: Project; fiscalYear: number | null; cell: BudgetCell };

/** Each project's fiscal years in order, then its total: the document's 計 as printed, not a sum. */
export function listBudgetRows(projects: readonly Project[]): BudgetRow[] {
  return projects.flatMap((project) => [
    ...project.budget.years.map((year) => ({
      project,
      fiscalYear: year.fiscalYear,
      cell: year.amount === null ? { amount: null, mark: year.mark } : { amount: year.amount, mark: null },
    })),
    { project, fiscalYear: null, cell: project.budget.total },
  ]);
}

/**
 * budgets.csv: 事業費見込額 in long format, one row per project and fiscal year plus one total row per project.
 * Amounts are integers in thousand yen without separators; a cell that held no amount keeps its mark.
 */
export const budgetsTableSpec: TableSpec<AreaRecord<BudgetRow>> = {
  id: 'budgets',
  fileName: 'budgets.csv',
  title: '事業費見込額',
  description:
    '事業ごと・年度ごとの事業費見込額（千円）。事業ごとに文書の「計」の行（is_total が true）が続く。年度の合計を求めるときは is_total が false の行だけを足す。',
  columns: [
    ...areaColumns<AreaRecord<BudgetRow>>(),
    {
      name: 'project_number',
      label: '事業番号',
      type: 'integer',
      unit: null,
      description: 'ビジョンに印刷された事業の番号。',
      value: (r) => r.item.project.number,
    },
    {
      name: 'project_name',
      label: '事業名',
      type: 'string',
      unit: null,
      description: '事業シートに印刷された事業名。',
      value: (r) => r.item.project.name,
    },
    {
      name: 'role',
      label: '役割番号',
      type: 'integer',
      unit: null,
      description: '事業の属する役割の番号（見出しは projects.csv の role_title）。',
      value: (r) => r.item.project.role,
    },
    {
      name: 'policy_area',
      label: '連携施策番号',
      type: 'integer',
      unit: null,
      description: '事業の属する連携施策の番号（見出しは projects.csv の policy_area_title）。',
      value: (r) => r.item.project.policyArea,
    },
    {
      name: 'sub_field',
      label: '分野番号',
      type: 'integer',
      unit: null,
      description: '事業の属する分野の番号。分野のない連携施策では空欄。',
      value: (r) => r.item.project.subField,
    },
    {
      name: 'is_total',
      label: '計の行',
      type: 'boolean',
      unit: null,
      description:
        '文書の「計」欄の行なら true（fiscal_year は空欄）。文書の計は年度の和と異なることがある（findings.csv の budget_total_mismatch）。',
      value: (r) => r.item.fiscalYear === null,
    },
    {
      name: 'fiscal_year',
      label: '年度（西暦）',
      type: 'year',
      unit: null,
      description: '西暦の年度（2022 は 2022年4月〜2023年3月）。計の行では空欄。',
      value: (r) => r.item.fiscalYear,
    },
    {
      name: 'fiscal_year_wareki',
      label: '年度（和暦）',
      type: 'string',
      unit: null,
      description: '年度の和暦表記（例: 令和4年度）。計の行では空欄。',
      value: (r) => warekiLabel(r.item.fiscalYear),
    },
    {
      name: 'amount_thousand_yen',
      label: '事業費見込額',
      type: 'integer',
      unit: '千円',
      description: '千円単位の整数（桁区切りなし）。欄に金額がないときは空欄で、その区別は mark。',
      value: (r) => r.item.cell.amount,
    },
    {
      name: 'mark',
      label: '金額欄の記号',
      type: 'string',
      unit: null,
      description:
        '金額のない欄の状態: blank（空欄のまま）または dash（－ などの記号）。意味が異なるので区別する。金額があるときは空欄。',
      value: (r) => r.item.cell.mark,
    },
  ],
};
