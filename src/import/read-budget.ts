import type { BudgetCell, BudgetYear } from '../domain/vision.js';
import { alignBudgetValues, parseBudgetCell } from './parse-budget-row.js';
import type { SheetIssue } from './parse-project-sheet.js';
import { readBudgetYearLabel } from './read-fiscal-year-label.js';
import type { TextLine } from './split-lines.js';

/** A sheet's 事業費見込額: the amounts by fiscal year and the total, in thousand yen, and the line they came from. */
export type SheetBudget = { years: BudgetYear[]; total: BudgetCell; unit: string | null; line: number };

/**
 * The budget of a project sheet from its header row (years, 計, 単位) and the row of values under it. Amounts in
 * yen are converted to thousand yen (with a note); a missing value row or an unreadable cell becomes an issue.
 * @example readBudget(header, values, issues) // { years: [{ fiscalYear: 2022, amount: 408, mark: null }, …], … }
 */
export function readBudget(header: TextLine, values: TextLine | undefined, issues: SheetIssue[]): SheetBudget | null {
  const yearCols = header.cells.flatMap((c, i) => {
    const fy = readBudgetYearLabel(c);
    return fy === null ? [] : [{ fy, i }];
  });
  const unit = /単位\s*[：:]\s*([^）)\s]+)/.exec(header.cells.join(' '))?.[1] ?? null;
  if (!values) {
    issues.push({
      code: 'missing_budget_row',
      line: header.no,
      excerpt: header.text.trim(),
      message: '事業費見込額の金額の行がありません',
    });
    return null;
  }
  const cells = alignBudgetValues(values.cells, yearCols.length + 1);
  const read = cells.map((c) => parseBudgetCell(c));
  read.forEach((r, k) => {
    if (r.unreadable !== null) {
      issues.push({
        code: 'unreadable_cell',
        line: values.no,
        excerpt: r.unreadable,
        message: `事業費の${k < yearCols.length ? `${yearCols[k]?.fy}年度` : '計'}の欄「${r.unreadable}」を金額として読めません`,
      });
    }
  });
  const inYen = unit !== null && /^円$/.test(unit.trim());
  const convert = (cell: BudgetCell): BudgetCell =>
    inYen && cell.amount !== null ? { ...cell, amount: Math.round(cell.amount / 1000) } : cell;
  const years = yearCols.map(({ fy }, k) => ({
    fiscalYear: fy,
    ...convert(read[k]?.cell ?? { amount: null, mark: 'blank' }),
  }));
  const total = convert(read[yearCols.length]?.cell ?? { amount: null, mark: 'blank' });
  if (inYen) {
    const exact = read.every((r) => r.cell.amount === null || r.cell.amount % 1000 === 0);
    issues.push({
      code: 'source_converted',
      line: values.no,
      excerpt: values.text.trim(),
      message: `事業費の単位が円のため、千円に換算しました${exact ? '' : '（千円未満は四捨五入）'}`,
    });
  }
  return { years: years as BudgetYear[], total, unit: inYen ? '千円' : unit, line: values.no };
}

/** True for the header row of the budget table: a fiscal year label and 計 (or 合計). */
export function isBudgetHeader(line: TextLine): boolean {
  return (
    line.cells.filter((c) => readBudgetYearLabel(c) !== null).length >= 1 &&
    line.cells.some((c) => /^計$|^合計$/.test(c.replace(/\s+/g, '')))
  );
}
