import { formatFiscalYear } from '../../domain/fiscal-year.js';
import type { ReportProject } from './build-council-report.js';
import { PlanActualTable } from './plan-actual-table.js';
import { formatRatio, formatValue } from './report-format.js';

/** One project's page(s): placement, participants, plan vs actual, KPIs, comments, opinion and response. */
export function ProjectArticle(props: { project: ReportProject }) {
  const p = props.project;
  return (
    <article class="project" id={`project-${p.number}`}>
      <h2>
        事業{p.number} {p.name}
      </h2>
      <dl class="meta">
        <dt>位置づけ</dt>
        <dd>{p.placement}</dd>
        <dt>参加市町村</dt>
        <dd>{p.participants.length > 0 ? p.participants.join('、') : '－'}</dd>
        <dt>評価</dt>
        <dd>{p.grade ?? '未評価'}</dd>
      </dl>
      <h3>事業費（千円）</h3>
      <PlanActualTable
        header="年度"
        rows={p.years.map((y) => ({
          label: formatFiscalYear(y.fiscalYear),
          plan: y.plan,
          actual: y.actual,
          reestimates: y.reestimates,
        }))}
      />
      {p.shares.length > 0 && (
        <PlanActualTable
          header="市町村の負担（千円）"
          rows={p.shares.map((s) => ({ label: s.municipalityName, plan: s.plan, actual: s.actual }))}
        />
      )}
      <h3>成果指標</h3>
      <KpiTable project={p} />
      <h3>取組状況</h3>
      <p class="text">{p.comments.progress || '（記載なし）'}</p>
      <h3>課題・今後の方向性</h3>
      <p class="text">{p.comments.nextSteps || '（記載なし）'}</p>
      <h3>自己評価</h3>
      <p class="text">{p.comments.selfEvaluation || '（記載なし）'}</p>
      <h3>ビジョン懇談会の所見</h3>
      <p class="text">{p.opinion || '（なし）'}</p>
      <h3>対応方針</h3>
      <p class="text">{p.response || '（なし）'}</p>
    </article>
  );
}

function KpiTable(props: { project: ReportProject }) {
  if (props.project.kpis.length === 0) return <p class="text">（成果指標なし）</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">指標</th>
          <th scope="col">現状値</th>
          <th scope="col">目標値</th>
          <th scope="col" class="n">
            実績値
          </th>
          <th scope="col" class="n">
            達成率
          </th>
          <th scope="col">状況</th>
        </tr>
      </thead>
      <tbody>
        {props.project.kpis.map((k) => (
          <tr>
            <th scope="row">{k.indicator}</th>
            <td>{k.baseline}</td>
            <td>{k.target}</td>
            <td class="n">{k.notCountedReason ? `未集計（${k.notCountedReason}）` : formatValue(k.actual)}</td>
            <td class="n">{formatRatio(k.attainment)}</td>
            <td class={`status-${k.status}`}>{k.status}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
