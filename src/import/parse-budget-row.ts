import type { BudgetCell } from '../domain/vision.js';
import { isDash, toHalfWidth } from './normalize-text.js';

// amounts are whole thousand yen (DESIGN.md §7): a decimal is reported, not guessed
const AMOUNT = /^([△▲-])?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$/;

/** A budget cell as read, or the reason it could not be read. */
export type ReadCell = { cell: BudgetCell; unreadable: string | null };

/**
 * Reads one budget cell: `41,888` → 41888; `—` (any dash) → mark dash; empty → mark blank;
 * `△100` → -100 (the 会計 minus sign). Anything else is kept as blank and reported.
 * @example parseBudgetCell('２，０１９') // { cell: { amount: 2019, mark: null }, unreadable: null }
 */
export function parseBudgetCell(raw: string): ReadCell {
  const text = toHalfWidth(raw)
    .replace(/[\s、]/g, '')
    .replace(/，/g, ',');
  if (text === '') return { cell: { amount: null, mark: 'blank' }, unreadable: null };
  if (isDash(text)) return { cell: { amount: null, mark: 'dash' }, unreadable: null };
  const m = AMOUNT.exec(text.replace(/千?円$/, ''));
  if (!m) return { cell: { amount: null, mark: 'blank' }, unreadable: raw };
  const value = Number((m[2] ?? '').replace(/,/g, ''));
  return { cell: { amount: m[1] ? -value : value, mark: null }, unreadable: null };
}

/** True when a cell could be a budget value (so a line of them is the value row). */
export function looksLikeBudgetValue(raw: string): boolean {
  return raw.trim() === '' || parseBudgetCell(raw).unreadable === null;
}

/** Drops surplus empty cells: the empty label column first (one cell), then trailing tabs, then leading cells. */
function dropSurplusBlanks(values: string[], expected: number, labelColumn: boolean): string[] {
  const out = labelColumn && values.length > expected && values[0] === '' ? values.slice(1) : [...values];
  while (out.length > expected && out[out.length - 1] === '') out.pop();
  while (out.length > expected && out[0] === '') out.shift();
  return out;
}

/** True when the last cell is an amount and the sum of the others (blank and dash count as 0). */
function totalAddsUp(values: string[]): boolean {
  const total = parseBudgetCell(values[values.length - 1] ?? '').cell.amount;
  const years = values.slice(0, -1).map((v) => parseBudgetCell(v).cell.amount ?? 0);
  return total !== null && years.reduce((sum, a) => sum + a, 0) === total;
}

/**
 * Lines up a value row with its header: `expected` columns (the fiscal years and 計). A first cell that is no
 * amount, or an empty one, is the label column; trailing empty cells go next. When the label column's tab was lost
 * (the first cell is then a blank first year), only keeping it gives a 計 that adds up, and that reading wins.
 * A short row is right-aligned because the total is the cell least often lost.
 */
export function alignBudgetValues(cells: string[], expected: number): string[] {
  let values = [...cells];
  if (values.length > expected && !looksLikeBudgetValue(values[0] ?? '')) values = values.slice(1);
  const withLabelColumn = dropSurplusBlanks(values, expected, true);
  const withoutLabelColumn = dropSurplusBlanks(values, expected, false);
  values = !totalAddsUp(withLabelColumn) && totalAddsUp(withoutLabelColumn) ? withoutLabelColumn : withLabelColumn;
  if (values.length > expected) values = values.slice(values.length - expected);
  while (values.length < expected) values.unshift('');
  return values;
}
