import { parseFiscalYearLabel } from '../domain/fiscal-year.js';

/**
 * Reads a fiscal-year column or target header as printed, also when the 和暦 follows in brackets. A budget table is
 * by 年度, so a column printed `2020年` (the 度 lost or left out) is that fiscal year.
 * @example readFiscalYearLabel('2020年度（R2）') // 2020
 */
export function readFiscalYearLabel(text: string): number | null {
  const bare = text.replace(/\s*[（(].*$/, '').trim();
  return parseFiscalYearLabel(text) ?? parseFiscalYearLabel(bare) ?? parseFiscalYearLabel(bare.replace(/年$/, '年度'));
}
