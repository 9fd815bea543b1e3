import { parseFiscalYearLabel } from '../domain/fiscal-year.js';

/**
 * Reads a fiscal-year column or target header as printed, also when the 和暦 follows in brackets.
 * @example readFiscalYearLabel('2020年度（R2）') // 2020
 */
export function readFiscalYearLabel(text: string): number | null {
  return parseFiscalYearLabel(text) ?? parseFiscalYearLabel(text.replace(/\s*[（(].*$/, '').trim());
}

/**
 * Reads a column header of the budget table. The table is by 年度, so a column printed `2020年` (the 度 lost or left
 * out) is that fiscal year; elsewhere (a target year, a survey time) `年` may mean a calendar year.
 * @example readBudgetYearLabel('2020年') // 2020
 */
export function readBudgetYearLabel(text: string): number | null {
  const bare = text.replace(/\s*[（(].*$/, '').trim();
  return readFiscalYearLabel(text) ?? readFiscalYearLabel(bare.replace(/年$/, '年度'));
}
