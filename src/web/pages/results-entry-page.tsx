import {
  isEditable,
  RESULT_STATE_LABELS,
  RESULT_TRANSITION_LABELS,
  type ResultTransition,
} from '../../domain/result-state.js';
import type { MunicipalityWorklist, WorklistItem } from '../../service/results/municipality-results.js';
import { FormAlert } from '../components/form-alert.js';
import { CsrfField } from '../components/form-fields.js';
import { WorkbookPanel } from '../components/workbook-panel.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

/** What went wrong with one row's last submission, and what the user typed (kept, never lost). */
export type RowProblem = {
  projectNumber: number;
  message: string;
  /** what the user typed into the row's form, when it was that form that failed */
  typed?: { amount: string; comment: string } | undefined;
  /** set when someone else changed the row first: what is stored now */
  current?: { amount: number | null; comment: string; updatedBy: string | null } | undefined;
};

/**
 * /staff/results: a municipality's part of each project it takes part in, for one fiscal year. One form per
 * project, each carrying the version it was read at, so a change made meanwhile by someone else is never
 * overwritten: that row comes back with both values.
 */
export function ResultsEntryPage(props: {
  viewer: StaffViewer;
  worklist: MunicipalityWorklist;
  problem?: RowProblem | undefined;
  saved?: number | undefined;
  /** a step just taken on a row (the state route redirects back here with it) */
  done?: ResultTransition | undefined;
  /** how many rows a confirmed workbook import just stored */
  imported?: number | undefined;
}) {
  const { worklist, problem, viewer } = props;
  const base = `/staff/results?area=${encodeURIComponent(worklist.area.slug)}&municipality=${worklist.municipality.code}`;
  return (
    <StaffLayout title={`実績の入力（${worklist.municipality.name}・${worklist.fiscalYear}年度）`} viewer={viewer}>
      <p class="lead">
        {worklist.area.name}で{worklist.municipality.name}が参加する事業ごとに、{worklist.fiscalYear}
        年度に負担した決算額（千円）を入力し、確かめてから提出します。金額は千円単位の整数です。提出した実績は中心市が確認し、
        承認するか、理由を添えて差し戻します。差し戻された実績は直して、もう一度提出します。
      </p>
      <nav aria-label="年度" class="pagination">
        {worklist.fiscalYears.map((fy) =>
          fy === worklist.fiscalYear ? (
            <span aria-current="page">{fy}年度</span>
          ) : (
            <a href={`${base}&fy=${fy}`}>{fy}年度</a>
          ),
        )}
      </nav>
      {props.saved !== undefined ? (
        <p class="notice" role="status">
          事業 {props.saved} の実績を保存しました。
        </p>
      ) : null}
      <p>
        {worklist.fiscalYear}年度の負担額の合計（各事業の分担の決め方による計算値）: 計画{' '}
        {formatThousandYen(worklist.totals.plan)}、実績 {formatThousandYen(worklist.totals.actual)}
        。負担額は千円単位で、合計が事業費と一致するよう最大剰余法で配分しています（端数が同じときは文書の順で先の市町村へ）。
      </p>
      {props.imported !== undefined ? (
        <p class="notice" role="status">
          記入用ブックから {props.imported} 件の変更を保存しました。
        </p>
      ) : null}
      <WorkbookPanel
        target={{
          areaSlug: worklist.area.slug,
          municipalityCode: worklist.municipality.code,
          municipalityName: worklist.municipality.name,
          fiscalYear: worklist.fiscalYear,
        }}
        csrf={viewer.csrf}
      />
      {props.done ? (
        <p class="notice" role="status">
          {RESULT_TRANSITION_LABELS[props.done]}しました。
        </p>
      ) : null}
      {worklist.items.map((item) => {
        const rowProblem = problem?.projectNumber === item.projectNumber ? problem : undefined;
        const typed = rowProblem?.typed;
        const id = `p${item.projectNumber}`;
        const editable = isEditable(item.state);
        return (
          <section aria-labelledby={`${id}-heading`} class="result-row">
            <h2 id={`${id}-heading`}>
              {item.projectNumber}. {item.projectName}
            </h2>
            <FormAlert message={rowProblem?.message}>
              {rowProblem?.current ? (
                <p>
                  いま保存されている内容: 決算額 {rowProblem.current.amount ?? '未入力'}
                  {rowProblem.current.amount === null ? '' : '千円'}、コメント「{rowProblem.current.comment}」 （
                  {rowProblem.current.updatedBy ?? '不明'} が入力）。あなたの入力は下に残しています。
                </p>
              ) : null}
            </FormAlert>
            <p>
              {worklist.municipality.name}の負担額: 計画 {formatThousandYen(item.planShare)}、実績{' '}
              {formatThousandYen(item.actualShare)}（{item.rule ?? '分担の決め方は未設定'}）
            </p>
            <p>
              状態: <strong>{RESULT_STATE_LABELS[item.state]}</strong>
              {item.state === 'returned' ? `（差し戻しの理由: ${item.returnReason ?? ''}）` : ''}
            </p>
            {editable ? (
              <form method="post" action="/staff/results" class="filter-form">
                <RowFields csrf={viewer.csrf} worklist={worklist} item={item} />
                <div class="form-field">
                  <label for={`${id}-amount`}>決算額（千円）</label>
                  <input
                    id={`${id}-amount`}
                    name="amount"
                    type="text"
                    inputmode="numeric"
                    value={typed ? typed.amount : item.amount === null ? '' : String(item.amount)}
                    aria-invalid={typed && !rowProblem?.current ? 'true' : undefined}
                  />
                </div>
                <div class="form-field">
                  <label for={`${id}-comment`}>コメント</label>
                  <textarea id={`${id}-comment`} name="comment" rows={2}>
                    {typed ? typed.comment : item.comment}
                  </textarea>
                </div>
                <p class="form-hint">
                  {item.version === 0 ? '未入力' : `第${item.version}版（${item.updatedBy ?? ''} が入力）`}
                </p>
                <div class="filter-form__actions">
                  <button type="submit">事業 {item.projectNumber} を保存</button>
                </div>
              </form>
            ) : (
              <p>
                決算額 {item.amount === null ? '未入力' : `${item.amount.toLocaleString('ja-JP')}千円`}
                {item.comment ? `、コメント「${item.comment}」` : ''}
              </p>
            )}
            {editable && item.version > 0 && item.amount !== null ? (
              <form method="post" action="/staff/results/state" class="inline-form">
                <RowFields csrf={viewer.csrf} worklist={worklist} item={item} />
                <input type="hidden" name="transition" value="submit" />
                <button type="submit" class="button-secondary">
                  事業 {item.projectNumber} を提出
                </button>
              </form>
            ) : null}
          </section>
        );
      })}
    </StaffLayout>
  );
}

function formatThousandYen(amount: number | null): string {
  return amount === null ? '不明' : `${amount.toLocaleString('ja-JP')}千円`;
}

/** What identifies a row's part in both of its forms: the area, municipality, year, project and version read. */
function RowFields(props: { csrf: string; worklist: MunicipalityWorklist; item: WorklistItem }) {
  const { worklist, item } = props;
  return (
    <>
      <CsrfField token={props.csrf} />
      <input type="hidden" name="area" value={worklist.area.slug} />
      <input type="hidden" name="municipality" value={worklist.municipality.code} />
      <input type="hidden" name="fy" value={String(worklist.fiscalYear)} />
      <input type="hidden" name="project" value={String(item.projectNumber)} />
      <input type="hidden" name="version" value={String(item.version)} />
    </>
  );
}
