import type { BudgetCellHistory } from '../../domain/budget-history.js';
import { formatBudgetCell, formatDateJa, formatShortFiscalYear } from '../format.js';
import { TableFigure } from './table-figure.js';

/**
 * The history of each budget cell of a project: every estimate of each fiscal year, oldest first, with the revision
 * that made it and its publication date (public: published revisions only).
 */
export function BudgetHistorySection(props: { projectNumber: number; history: readonly BudgetCellHistory[] }) {
  const reestimated = props.history.filter((h) => h.estimates.length > 1).length;
  if (props.history.length === 0) return null;
  const caption = `事業${props.projectNumber}の事業費見込額の見直しの履歴`;
  return (
    <section aria-labelledby="budget-history-heading">
      <h2 id="budget-history-heading">事業費見込額の見直しの履歴</h2>
      <p>
        {reestimated === 0
          ? '公開した版のあいだで見込額の見直しはありません。'
          : `${reestimated}年度分の見込額が見直されています。`}
      </p>
      <TableFigure caption={caption} columns={['年度', '見込額（千円）と版']}>
        {props.history.map((h) => (
          <tr>
            <th scope="row">{formatShortFiscalYear(h.fiscalYear)}</th>
            <td data-label="見込額（千円）と版">
              <ol class="inline-list">
                {h.estimates.map((e, index) => (
                  <li>
                    {index > 0 ? '→ ' : ''}
                    {formatBudgetCell(e.cell)}（第{e.seq}版{e.label ? `・${e.label}` : ''}、
                    {formatDateJa(e.publishedAt)}）
                  </li>
                ))}
              </ol>
            </td>
          </tr>
        ))}
      </TableFigure>
    </section>
  );
}
