import type { BudgetCell } from './vision.js';

/** One budget cell of a project as one published revision had it. */
export type BudgetCellRecord = {
  seq: number;
  label: string | null;
  /** ISO timestamp of the revision's publication */
  publishedAt: string;
  fiscalYear: number;
  cell: BudgetCell;
};

/** The estimates of one fiscal year of a project: the first, then every re-estimate, oldest first. */
export type BudgetCellHistory = { fiscalYear: number; estimates: BudgetCellRecord[] };

/**
 * Every estimate of each fiscal-year cell of a project across its published revisions (oldest first): a revision
 * appears for a year only when it changed the cell, so the list is the cell's re-estimates.
 * @example summarizeBudgetHistory([r1fy2022 = 401, r2fy2022 = 401, r3fy2022 = 450])[0].estimates.map((e) => e.seq) // [1, 3]
 */
export function summarizeBudgetHistory(records: readonly BudgetCellRecord[]): BudgetCellHistory[] {
  const byYear = new Map<number, BudgetCellRecord[]>();
  for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
    const list = byYear.get(record.fiscalYear) ?? [];
    const last = list.at(-1);
    if (!last || last.cell.amount !== record.cell.amount || last.cell.mark !== record.cell.mark) list.push(record);
    byYear.set(record.fiscalYear, list);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([fiscalYear, estimates]) => ({ fiscalYear, estimates }));
}
