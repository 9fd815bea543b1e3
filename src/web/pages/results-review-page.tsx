import { RESULT_STATE_LABELS } from '../../domain/result-state.js';
import type { YearReview } from '../../service/results/read-year-review.js';
import { CsrfField } from '../components/form-fields.js';
import { WorkbookPanel } from '../components/workbook-panel.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';

export type ReviewNotice = { kind: 'done' | 'problem'; message: string };

const PART_LABEL = { ...RESULT_STATE_LABELS, none: '未入力' } as const;

/**
 * /staff/review: the central city's overview of a fiscal year — who still has to submit what, the parts waiting
 * for approval (approve, or return with a reason), each project's state, and publishing the year.
 */
export function ResultsReviewPage(props: {
  viewer: StaffViewer;
  status: YearReview;
  notice?: ReviewNotice | undefined;
}) {
  const { status, viewer } = props;
  const query = `area=${encodeURIComponent(status.area.slug)}&fy=${status.fiscalYear}`;
  const back = `/staff/review?${query}`;
  const parts = status.projects.flatMap((p) => p.parts.map((part) => ({ project: p, part })));
  const waiting = parts.filter(({ part }) => part.state === 'submitted');
  const municipalities = [...new Set(parts.map(({ part }) => part.municipalityName))];
  // every project's parties start with the central city: its workbook holds the totals, comments and KPI actuals
  const central = status.projects[0]?.parts[0];
  return (
    <StaffLayout title={`実績の確認と公表（${status.area.name}・${status.fiscalYear}年度）`} viewer={viewer}>
      <nav aria-label="年度" class="pagination">
        {status.fiscalYears.map((fy) =>
          fy === status.fiscalYear ? (
            <span aria-current="page">{fy}年度</span>
          ) : (
            <a href={`/staff/review?area=${encodeURIComponent(status.area.slug)}&fy=${fy}`}>{fy}年度</a>
          ),
        )}
      </nav>
      <NoticeBox notice={props.notice} />
      {central?.municipalityCode ? (
        <WorkbookPanel
          target={{
            areaSlug: status.area.slug,
            municipalityCode: central.municipalityCode,
            municipalityName: central.municipalityName,
            fiscalYear: status.fiscalYear,
          }}
          csrf={viewer.csrf}
        />
      ) : null}
      <h2>提出の状況</h2>
      <figure>
        <figcaption>市町村ごとの件数（参加する事業ごとに 1 件）</figcaption>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">市町村</th>
                {(['none', 'draft', 'returned', 'submitted', 'approved'] as const).map((state) => (
                  <th scope="col">{PART_LABEL[state]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {municipalities.map((name) => (
                <tr>
                  <th scope="row">{name}</th>
                  {(['none', 'draft', 'returned', 'submitted', 'approved'] as const).map((state) => (
                    <td class="number">
                      {parts.filter(({ part }) => part.municipalityName === name && part.state === state).length}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <h2>確認待ち（{waiting.length}件）</h2>
      {waiting.length === 0 ? <p>確認を待っている実績はありません。</p> : null}
      {waiting.map(({ project, part }) => {
        const id = `w${project.number}-${part.municipalityCode}`;
        const hidden = (
          <>
            <CsrfField token={viewer.csrf} />
            <input type="hidden" name="area" value={status.area.slug} />
            <input type="hidden" name="fy" value={String(status.fiscalYear)} />
            <input type="hidden" name="project" value={String(project.number)} />
            <input type="hidden" name="municipality" value={part.municipalityCode ?? ''} />
            <input type="hidden" name="version" value={String(part.version)} />
            <input type="hidden" name="back" value={back} />
          </>
        );
        return (
          <section class="result-row" aria-labelledby={`${id}-heading`}>
            <h3 id={`${id}-heading`}>
              {project.number}. {project.name}（{part.municipalityName}）
            </h3>
            <p>
              決算額 {part.amount === null ? '未入力' : `${part.amount.toLocaleString('ja-JP')}千円`}
              {part.comment ? `、コメント「${part.comment}」` : ''}
            </p>
            <form method="post" action="/staff/results/state" class="inline-form">
              {hidden}
              <input type="hidden" name="transition" value="approve" />
              <button type="submit">承認する</button>
            </form>
            <form method="post" action="/staff/results/state" class="filter-form">
              {hidden}
              <input type="hidden" name="transition" value="return" />
              <div class="form-field">
                <label for={`${id}-reason`}>差し戻す理由</label>
                <input id={`${id}-reason`} name="reason" type="text" maxlength={500} />
              </div>
              <div class="filter-form__actions">
                <button type="submit" class="button-secondary">
                  差し戻す
                </button>
              </div>
            </form>
          </section>
        );
      })}
      <h2>事業ごとの状況</h2>
      <figure>
        <figcaption>各事業の市町村ごとの実績の状態（事業名から中心市の入力へ）</figcaption>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">事業</th>
                <th scope="col">決算額（千円）</th>
                {municipalities.map((name) => (
                  <th scope="col">{name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.projects.map((p) => (
                <tr>
                  <th scope="row">
                    <a href={`/staff/review/projects/${p.number}?${query}`}>
                      {p.number}. {p.name}
                    </a>
                  </th>
                  <td class="number">{p.spending.actual?.toLocaleString('ja-JP') ?? '未入力'}</td>
                  {municipalities.map((name) => {
                    const part = p.parts.find((x) => x.municipalityName === name);
                    return <td>{part ? PART_LABEL[part.state] : '参加なし'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
      <ThresholdsForm status={status} csrf={viewer.csrf} />
      <h2>公表</h2>
      <p>
        {status.published
          ? `${status.fiscalYear}年度の実績は公表済みです（${status.published.at.slice(0, 10)}、${status.published.by}）。公表後に承認した実績も公開されます。`
          : `${status.fiscalYear}年度の実績はまだ公表していません。公表すると、中心市の入力と承認済みの市町村の実績が公開されます。`}
      </p>
      <form method="post" action="/staff/review/publish" class="inline-form">
        <CsrfField token={viewer.csrf} />
        <input type="hidden" name="area" value={status.area.slug} />
        <input type="hidden" name="fy" value={String(status.fiscalYear)} />
        <button type="submit">{status.fiscalYear}年度の実績を公表する</button>
      </form>
    </StaffLayout>
  );
}

/** What the last step did, or why it was refused. */
export function NoticeBox(props: { notice: ReviewNotice | undefined }) {
  const { notice } = props;
  if (!notice) return null;
  return (
    <div class={notice.kind === 'done' ? 'notice' : 'warning'} role={notice.kind === 'done' ? 'status' : 'alert'}>
      <p>{notice.message}</p>
    </div>
  );
}

const percent = (ratio: number) => String(Math.round(ratio * 1000) / 10);

/** The area's thresholds of the KPI levels and the project grades (docs/achievement.md), in percent. */
function ThresholdsForm(props: { status: YearReview; csrf: string }) {
  const { achievement, grades, version } = props.status.thresholds;
  const field = (name: string, label: string, value: number) => (
    <div class="form-field">
      <label for={name}>{label}</label>
      <input id={name} name={name} type="text" inputmode="decimal" value={percent(value)} />
    </div>
  );
  return (
    <>
      <h2>判定の基準</h2>
      <form method="post" action="/staff/review/thresholds" class="filter-form">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="area" value={props.status.area.slug} />
        <input type="hidden" name="fy" value={String(props.status.fiscalYear)} />
        <input type="hidden" name="version" value={String(version)} />
        {field('achieved', '達成とする達成率（％）', achievement.achievedAttainment)}
        {field('onTrack', '概ね順調とする、見込みの進み具合に対する割合（％）', achievement.onTrackRatio)}
        {field('gradeA', '評価 A とする点数（％以上）', grades.a)}
        {field('gradeB', '評価 B とする点数（％以上）', grades.b)}
        {field('gradeC', '評価 C とする点数（％以上、未満は D）', grades.c)}
        <div class="filter-form__actions">
          <button type="submit" class="button-secondary">
            判定の基準を保存
          </button>
        </div>
      </form>
    </>
  );
}
