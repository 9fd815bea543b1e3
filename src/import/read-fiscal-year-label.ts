import { parseFiscalYearLabel } from '../domain/fiscal-year.js';

/**
 * Reads a fiscal-year column or target header as printed, also when the 和暦 follows in brackets.
 * @example readFiscalYearLabel('2020年度（R2）') // 2020
 */
export function readFiscalYearLabel(text: string): number | null {
  return parseFiscalYearLabel(text) ?? parseFiscalYearLabel(text.replace(/\s*[（(].*$/, ''));
}
