import { RESULT_STATE_LABELS } from '../../domain/result-state.js';
import type { ProjectReview } from '../../service/results/read-year-review.js';
import { CsrfField } from '../components/form-fields.js';
import { SharesTable } from '../components/shares-table.js';
import { StaffLayout, type StaffViewer } from '../staff-layout.js';
import { NoticeBox, type ReviewNotice } from './results-review-page.js';

/**
 * /staff/review/projects/N: what the central city enters for one project and fiscal year — the whole project's
 * actual and comments, each KPI's actual, how the cost is shared, and the central city's own part.
 */
export function ProjectReviewPage(props: {
  viewer: StaffViewer;
  review: ProjectReview;
  notice?: ReviewNotice | undefined;
}) {
  const { review, viewer } = props;
  const { project, result, status } = review;
  const action = `/staff/review/projects/${project.number}`;
  const hidden = (version: number) => (
    <>
      <CsrfField token={viewer.csrf} />
      <input type="hidden" name="area" value={review.area.slug} />
      <input type="hidden" name="fy" value={String(review.fiscalYear)} />
      <input type="hidden" name="version" value={String(version)} />
    </>
  );
  const central = status.parts.find(
    (p) => status.spending.parties.find((m) => m.isCentralCity)?.name === p.municipalityName,
  );
  return (
    <StaffLayout
      title={`事業 ${project.number} の実績（${review.fiscalYear}年度）`}
      viewer={viewer}
      crumbs={[
        {
          label: '実績の確認と公表',
          href: `/staff/review?area=${encodeURIComponent(review.area.slug)}&fy=${review.fiscalYear}`,
        },
      ]}
    >
      <p class="lead">{project.name}</p>
      <NoticeBox notice={props.notice} />
      <h2 id="result">事業全体の実績</h2>
      <form method="post" action={`${action}/result`} class="filter-form">
        {hidden(result.version)}
        <div class="form-field">
          <label for="actualTotal">決算額（事業全体、千円）</label>
          <p class="form-hint" id="actualTotal-hint">
            計画額 {status.spending.plan === null ? 'なし' : `${status.spending.plan.toLocaleString('ja-JP')}千円`}
          </p>
          <input
            id="actualTotal"
            name="actualTotal"
            type="text"
            inputmode="numeric"
            aria-describedby="actualTotal-hint"
            value={result.actualTotal === null ? '' : String(result.actualTotal)}
          />
        </div>
        <TextArea name="progress" label="取組状況" value={result.progress} />
        <TextArea name="nextSteps" label="課題・今後の方向性" value={result.nextSteps} />
        <TextArea name="selfEvaluation" label="中心市の自己評価" value={result.selfEvaluation} />
        <div class="filter-form__actions">
          <button type="submit">事業全体の実績を保存</button>
        </div>
      </form>
      <h2 id="kpis">成果指標の実績値</h2>
      {project.kpis.length === 0 ? <p>この事業には成果指標がありません。</p> : null}
      {project.kpis.map((kpi, i) => {
        const current = review.kpiResults[i];
        const assessed = status.kpis[i];
        const id = `kpi${i + 1}`;
        return (
          <section class="result-row" aria-labelledby={`${id}-heading`}>
            <h3 id={`${id}-heading`}>
              {i + 1}. {kpi.indicator}
            </h3>
            <p>
              現状値 {kpi.baseline.text || '－'}／目標値 {kpi.target.text || '－'}／判定{' '}
              {assessed?.status ?? '判定なし'}
            </p>
            {kpi.target.kind === 'merged_into' ? (
              <p>この指標は NO.{kpi.target.mergedInto} に統合されています。実績は統合先に入力します。</p>
            ) : (
              <form method="post" action={`${action}/kpis/${i + 1}`} class="filter-form">
                {hidden(current?.version ?? 0)}
                <div class="form-field">
                  <label for={`${id}-actual`}>
                    {review.fiscalYear}年度の実績値{kpi.target.unit ? `（${kpi.target.unit}）` : ''}
                  </label>
                  <input
                    id={`${id}-actual`}
                    name="actual"
                    type="text"
                    inputmode="decimal"
                    value={current?.actual === null || current?.actual === undefined ? '' : String(current.actual)}
                  />
                </div>
                <div class="form-field">
                  <label for={`${id}-reason`}>未集計の理由（実績値がないとき）</label>
                  <input
                    id={`${id}-reason`}
                    name="notCountedReason"
                    type="text"
                    maxlength={500}
                    value={current?.notCountedReason ?? ''}
                  />
                </div>
                <div class="filter-form__actions">
                  <button type="submit">成果指標 {i + 1} を保存</button>
                </div>
              </form>
            )}
            <KpiSettingsForm review={review} index={i} hidden={hidden(review.kpiSettings[i]?.version ?? 0)} />
          </section>
        );
      })}
      <h2 id="shares">費用の分担</h2>
      <p>
        決め方: {status.spending.rule?.description ?? '未設定（設定すると計画額と決算額の負担額を計算します）'}
        {status.spending.ruleProblem ? `（計算できません: ${status.spending.ruleProblem}）` : ''}
      </p>
      <SharesTable spending={status.spending} fiscalYear={review.fiscalYear} />
      <CostShareForm review={review} hidden={hidden(review.costShare.version)} />
      {central ? (
        <>
          <h2 id="central-part">中心市の負担分</h2>
          <p>
            状態: {central.state === 'none' ? '未入力' : RESULT_STATE_LABELS[central.state]}
            。市町村の負担分と同じく、入力・提出のあと承認します（
            <a
              href={`/staff/results?area=${encodeURIComponent(review.area.slug)}&municipality=${central.municipalityCode}&fy=${review.fiscalYear}#p${project.number}-heading`}
            >
              中心市の入力ページ
            </a>
            ）。
          </p>
        </>
      ) : null}
    </StaffLayout>
  );
}

function TextArea(props: { name: string; label: string; value: string }) {
  return (
    <div class="form-field">
      <label for={props.name}>{props.label}</label>
      <textarea id={props.name} name={props.name} rows={3} maxlength={4000}>
        {props.value}
      </textarea>
    </div>
  );
}

const RULE_CHOICES = [
  ['central_city_alone', '中心市が全額負担'],
  ['equal', '均等割'],
  ['population', '人口割'],
  ['mix', '均等割と人口割の組み合わせ'],
  ['fixed', '固定割合'],
] as const;

function CostShareForm(props: { review: ProjectReview; hidden: unknown }) {
  const { review } = props;
  const rule = review.costShare.rule;
  const equalPercent = rule?.kind === 'mix' ? (rule.parts.find((p) => p.basis === 'equal')?.percent ?? 0) : 30;
  const weightOf = (code: string) =>
    rule?.kind === 'fixed' ? (rule.weights.find((w) => w.municipalityCode === code)?.weight ?? 0) : '';
  return (
    <form method="post" action={`/staff/review/projects/${review.project.number}/cost-share`} class="filter-form">
      {props.hidden}
      <fieldset>
        <legend>分担の決め方</legend>
        {RULE_CHOICES.map(([value, label]) => (
          <div>
            <label class="radio">
              <input type="radio" name="kind" value={value} checked={rule?.kind === value} required />
              {label}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="form-field">
        <label for="equalPercent">組み合わせのときの均等割の割合（％、残りが人口割）</label>
        <input id="equalPercent" name="equalPercent" type="text" inputmode="numeric" value={String(equalPercent)} />
      </div>
      <fieldset>
        <legend>固定割合のときの各市町村の割合（合計が 100 でなくても比で分けます）</legend>
        {review.status.spending.parties.map((m) => (
          <div class="form-field">
            <label for={`weight-${m.code ?? m.name}`}>{m.name}</label>
            <input
              id={`weight-${m.code ?? m.name}`}
              name={`weight-${m.code ?? m.name}`}
              type="text"
              inputmode="decimal"
              value={String(weightOf(m.code ?? m.name))}
            />
          </div>
        ))}
      </fieldset>
      <p class="form-hint">
        負担額は千円単位で、合計が事業費にちょうど一致するよう最大剰余法で配分します（端数が同じときは文書の順で先の市町村へ）。人口割は各市町村の最新の人口（日付と出典つき）を使います。
      </p>
      <div class="filter-form__actions">
        <button type="submit">分担の決め方を保存</button>
      </div>
    </form>
  );
}

const DIRECTIONS = [
  ['higher', '大きいほどよい'],
  ['lower', '小さいほどよい（例: 待機児童数）'],
] as const;

const CUMULATIVE = [
  ['none', '累計ではない'],
  ['sum_of_years', '各年度の実績を足し上げる（現状値＋各年度の実績）'],
  ['reported', '入力する実績がすでに累計'],
] as const;

/** How one KPI is read: its direction and, for a （累計） indicator, how its actuals are counted. */
function KpiSettingsForm(props: { review: ProjectReview; index: number; hidden: unknown }) {
  const settings = props.review.kpiSettings[props.index];
  const id = `kpi${props.index + 1}-settings`;
  const select = (name: string, label: string, choices: readonly (readonly [string, string])[], value?: string) => (
    <div class="form-field">
      <label for={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} name={name}>
        {choices.map(([v, text]) => (
          <option value={v} selected={v === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      method="post"
      action={`/staff/review/projects/${props.review.project.number}/kpis/${props.index + 1}/settings`}
      class="filter-form"
    >
      {props.hidden}
      {select('direction', '指標の向き', DIRECTIONS, settings?.direction)}
      {select('cumulative', '累計の数え方', CUMULATIVE, settings?.cumulative)}
      <div class="filter-form__actions">
        <button type="submit" class="button-secondary">
          成果指標 {props.index + 1} の読み方を保存
        </button>
      </div>
    </form>
  );
}
