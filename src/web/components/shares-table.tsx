import type { ProjectSpending } from '../../service/results/project-spending.js';
import { DataTableScroll } from './data-table-scroll.js';

const formatAmount = (amount: number | null) => (amount === null ? '－' : amount.toLocaleString('ja-JP'));

const SOURCE_LABELS = { entered: '入力値', computed: '計算値', none: '' } as const;

/**
 * Each municipality's share of a project's plan and actual for a fiscal year, with the total and, when the entered
 * parts do not add up to the actual, the difference said in words (flagged, never hidden).
 */
export function SharesTable(props: { spending: ProjectSpending; fiscalYear: number }) {
  const { spending } = props;
  const sum = (pick: (s: ProjectSpending['shares'][number]) => number | null) =>
    spending.shares.every((s) => pick(s) !== null)
      ? spending.shares.reduce((total, s) => total + (pick(s) ?? 0), 0)
      : null;
  const caption = `${props.fiscalYear}年度の市町村ごとの負担額（千円）`;
  return (
    <figure>
      <figcaption>{caption}</figcaption>
      <DataTableScroll label={caption}>
        <table>
          <thead>
            <tr>
              <th scope="col">市町村</th>
              <th scope="col">計画</th>
              <th scope="col">実績</th>
              <th scope="col">実績の根拠</th>
            </tr>
          </thead>
          <tbody>
            {spending.shares.map((share) => (
              <tr>
                <th scope="row">{share.municipalityName}</th>
                <td class="number">{formatAmount(share.plan)}</td>
                <td class="number">{formatAmount(share.actual)}</td>
                <td>{SOURCE_LABELS[share.actualSource]}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">事業全体</th>
              <td class="number">{formatAmount(spending.plan ?? sum((s) => s.plan))}</td>
              <td class="number">{formatAmount(spending.actual)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </DataTableScroll>
      {spending.difference !== null && spending.difference !== 0 ? (
        <p class="warning" role="note">
          市町村の負担額の合計が事業全体の決算額と {Math.abs(spending.difference).toLocaleString('ja-JP')}千円
          {spending.difference > 0 ? '多く' : '少なく'}なっています。入力値を確かめてください。
        </p>
      ) : null}
    </figure>
  );
}
