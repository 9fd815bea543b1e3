import { formatFiscalYear } from '../domain/fiscal-year.js';
import { messages } from './messages.js';

// Built once: constructing Intl formatters is far slower than using them.
const amountFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const dateTimeFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** What a budget cell holds: an amount, or the mark printed instead (blank and dash differ). */
export type BudgetCellLike = { amount: number | null; mark: 'blank' | 'dash' | null };

/** The dash printed in a budget cell that holds none. */
export const DASH = '—';

/**
 * An amount (thousand yen, an integer) with separators.
 * @example formatAmount(41888) // '41,888'
 */
export function formatAmount(n: number): string {
  return amountFormat.format(n);
}

/** What a blank budget cell shows: the document gives nothing there, which is not 0. */
export const NOT_GIVEN: string = messages.figures.notGiven;

/**
 * A budget cell as printed: the amount with separators, `—` for a dash, 「記載なし」 for a blank cell.
 * @example formatBudgetCell({ amount: null, mark: 'dash' }) // '—'
 */
export function formatBudgetCell(cell: BudgetCellLike): string {
  if (cell.amount !== null) return formatAmount(cell.amount);
  return cell.mark === 'dash' ? DASH : NOT_GIVEN;
}

/**
 * A 年度 as people read it, western first with 和暦 in brackets.
 * @example formatFiscalYearLabel(2022) // '2022年度（令和4年度）'
 */
export function formatFiscalYearLabel(fy: number): string {
  return formatFiscalYear(fy);
}

/**
 * A 年度 in few characters, for chart axes and narrow table headers.
 * @example formatShortFiscalYear(2022) // '2022年度'
 */
export function formatShortFiscalYear(fy: number): string {
  if (!Number.isInteger(fy)) throw new RangeError(`not a fiscal year: ${fy}`);
  return `${fy}年度`;
}

const dateFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/**
 * The day of an instant in Japanese, in Japan time.
 * @example formatDateJa('2026-11-28T20:05:00Z') // '2026年11月29日'
 */
export function formatDateJa(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${iso}`);
  const parts = dateFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/**
 * An instant in Japanese, in Japan time whatever the server's zone.
 * @example formatDateTimeJa('2026-11-28T05:05:00Z') // '2026年11月28日 14:05'
 */
export function formatDateTimeJa(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date-time: ${iso}`);
  const parts = dateTimeFormat.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}
