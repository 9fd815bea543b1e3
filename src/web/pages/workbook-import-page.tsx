import type { WorkbookProblem } from '../../domain/entry-workbook.js';
import type { WorkbookImportPlan } from '../../service/results/plan-workbook-import.js';
import { FormAlert } from '../components/form-alert.js';
import { CsrfField } from '../components/form-fields.js';
import { type WorkbookTarget, workbookHref } from '../components/workbook-panel.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

export type WorkbookOutcome =
  | { kind: 'preview'; plan: WorkbookImportPlan; sealed: string }
  | { kind: 'rejected'; message: string; problems: WorkbookProblem[] };

/**
 * The answer to an uploaded entry workbook: the changes it would make (old → new, by sheet and cell) with a button
 * that stores them, or every problem (sheet, cell, expected, found) when nothing can be stored.
 */
export function WorkbookImportPage(props: {
  viewer: StaffViewer;
  target: WorkbookTarget;
  fileName: string;
  outcome: WorkbookOutcome;
}) {
  const { target, outcome } = props;
  const back = `/staff/results?${new URLSearchParams({
    area: target.areaSlug,
    municipality: target.municipalityCode,
    fy: String(target.fiscalYear),
  })}`;
  return (
    <StaffLayout
      title={`記入用ブックの読み込み（${target.municipalityName}・${target.fiscalYear}年度）`}
      viewer={props.viewer}
    >
      {outcome.kind === 'rejected' ? (
        <>
          <FormAlert message={outcome.message}>
            <p>次の箇所を直して、もう一度アップロードしてください。</p>
          </FormAlert>
          <figure>
            <figcaption>
              {props.fileName} の問題（{outcome.problems.length} 件）
            </figcaption>
            <table>
              <thead>
                <tr>
                  <th scope="col">シート</th>
                  <th scope="col">セル</th>
                  <th scope="col">入力すべき内容</th>
                  <th scope="col">入力されていた内容</th>
                </tr>
              </thead>
              <tbody>
                {outcome.problems.map((p) => (
                  <tr>
                    <td>{p.sheet}</td>
                    <td>{p.cell ?? '—'}</td>
                    <td>{p.expected}</td>
                    <td>{p.found}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        </>
      ) : outcome.plan.changes.length === 0 ? (
        <p class="notice" role="status">
          {props.fileName} には変更がありません。何も保存していません。
        </p>
      ) : (
        <ChangesPreview
          fileName={props.fileName}
          plan={outcome.plan}
          sealed={outcome.sealed}
          target={target}
          csrf={props.viewer.csrf}
        />
      )}
      <p>
        <a href={back}>実績の入力に戻る</a>
      </p>
    </StaffLayout>
  );
}

function ChangesPreview(props: {
  fileName: string;
  plan: WorkbookImportPlan;
  sealed: string;
  target: WorkbookTarget;
  csrf: string;
}) {
  const rows = props.plan.changes.flatMap((change) => change.fields.map((field) => ({ change, field })));
  return (
    <>
      <p class="lead">
        {props.fileName} の変更は次の {props.plan.changes.length}{' '}
        件です。まだ保存していません。確かめてから「保存する」を押してください。
      </p>
      <figure>
        <figcaption>変更点（変更前 → 変更後）</figcaption>
        <table>
          <thead>
            <tr>
              <th scope="col">シート・セル</th>
              <th scope="col">事業</th>
              <th scope="col">項目</th>
              <th scope="col">変更前</th>
              <th scope="col">変更後</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ change, field }) => (
              <tr>
                <td>
                  {change.sheet}!{field.cell}
                </td>
                <td>
                  {change.projectNumber}
                  {change.kind === 'kpi' ? `（指標 ${change.kpiNumber}）` : ''}
                </td>
                <th scope="row">{field.label}</th>
                <td>{field.before}</td>
                <td>{field.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figure>
      <form method="post" action={`${workbookHref(props.target)}&step=confirm`} class="filter-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="plan" value={props.sealed} />
        <div class="filter-form__actions">
          <button type="submit">保存する</button>
        </div>
      </form>
    </>
  );
}
