import { DASH, formatAmount, NOT_GIVEN } from '../format.js';
import { messages } from '../messages.js';

/** A budget amount or the mark printed instead: 「—」 stays 「—」, a blank cell says 「記載なし」; never 0. */
export type AmountOrMark = { amount: number | null; mark: 'blank' | 'dash' | null };

/**
 * A budget figure as text in a cell or a sentence: separators for an amount, 「—」 (read aloud as "no amount")
 * for a dash, 「記載なし」 for a blank.
 */
export function BudgetAmount(props: { cell: AmountOrMark }) {
  const { cell } = props;
  if (cell.amount !== null) return <>{formatAmount(cell.amount)}</>;
  if (cell.mark === 'dash') {
    return (
      <>
        <span aria-hidden="true">{DASH}</span>
        <span class="visually-hidden">{messages.figures.dashSpoken}</span>
      </>
    );
  }
  return <span class="not-given">{NOT_GIVEN}</span>;
}

/**
 * The total of a project's budget as the list and municipality pages show it: the printed total; else the sum of
 * the years that hold an amount; else the mark the document printed for the total (never 0).
 */
export function projectTotalCell(budget: { years: readonly AmountOrMark[]; total: AmountOrMark }): AmountOrMark {
  if (budget.total.amount !== null) return budget.total;
  const amounts = budget.years.flatMap((y) => (y.amount === null ? [] : [y.amount]));
  if (amounts.length > 0) return { amount: amounts.reduce((sum, a) => sum + a, 0), mark: null };
  return { amount: null, mark: budget.total.mark ?? 'blank' };
}
