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

/** Drops empty cells beyond `expected` from one end first, then from the other. */
function dropSurplusBlanks(values: string[], expected: number, firstEnd: 'leading' | 'trailing'): string[] {
  const out = [...values];
  const dropLeading = () => {
    while (out.length > expected && out[0] === '') out.shift();
  };
  const dropTrailing = () => {
    while (out.length > expected && out[out.length - 1] === '') out.pop();
  };
  if (firstEnd === 'leading') {
    dropLeading();
    dropTrailing();
  } else {
    dropTrailing();
    dropLeading();
  }
  return out;
}

/** True when the last cell is the sum of the others (blank and dash count as 0). */
function totalAddsUp(values: string[]): boolean {
  const amounts = values.map((v) => parseBudgetCell(v).cell.amount ?? 0);
  const total = amounts.pop() ?? 0;
  return amounts.reduce((sum, a) => sum + a, 0) === total;
}

/**
 * Lines up a value row with its header: `expected` columns (the fiscal years and 計). A first cell that is no
 * amount is the label column. Surplus empty cells are the empty label column and trailing tabs; when dropping them
 * from either end gives different rows (the label column's tab was lost, say), the row whose 計 adds up wins, else
 * the leading one goes. A short row is right-aligned because the total is the cell least often lost.
 */
export function alignBudgetValues(cells: string[], expected: number): string[] {
  let values = [...cells];
  if (values.length > expected && !looksLikeBudgetValue(values[0] ?? '')) values = values.slice(1);
  const leadingFirst = dropSurplusBlanks(values, expected, 'leading');
  const trailingFirst = dropSurplusBlanks(values, expected, 'trailing');
  values = !totalAddsUp(leadingFirst) && totalAddsUp(trailingFirst) ? trailingFirst : leadingFirst;
  if (values.length > expected) values = values.slice(values.length - expected);
  while (values.length < expected) values.unshift('');
  return values;
}
