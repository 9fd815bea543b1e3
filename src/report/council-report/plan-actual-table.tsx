import { formatThousandYen } from './report-format.js';

export type PlanActualRow = {
  label: string;
  plan: number | null;
  actual: number | null;
  count?: number;
  /** how the plan was re-estimated across the published revisions, when it was */
  reestimates?: string | null;
};

/**
 * A table of amounts in 千円, plan beside actual, one row per year or municipality (with, when `countHeader` is
 * given, a count before the amounts, e.g. the projects a municipality takes part in; and, when a plan was
 * re-estimated, every estimate after them).
 */
export function PlanActualTable(props: { header: string; rows: readonly PlanActualRow[]; countHeader?: string }) {
  const withReestimates = props.rows.some((row) => row.reestimates);
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{props.header}</th>
          {props.countHeader && (
            <th scope="col" class="n">
              {props.countHeader}
            </th>
          )}
          <AmountHeaders />
          {withReestimates && <th scope="col">計画の見直し</th>}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            <th scope="row">{row.label}</th>
            {props.countHeader && <td class="n">{row.count ?? 0}</td>}
            <td class="n">{formatThousandYen(row.plan)}</td>
            <td class="n">{formatThousandYen(row.actual)}</td>
            {withReestimates && <td>{row.reestimates ?? '－'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The two amount columns' headers: 計画 and 実績. */
export function AmountHeaders() {
  return (
    <>
      <th scope="col" class="n">
        計画
      </th>
      <th scope="col" class="n">
        実績
      </th>
    </>
  );
}
