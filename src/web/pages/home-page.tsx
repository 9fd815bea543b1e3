import { findLatestPopulation } from '../../domain/municipality-populations.js';
import { costByFiscalYear } from '../../domain/project-query.js';
import type { PortalSnapshot } from '../../service/read-portal.js';
import type { YearStatus } from '../../service/results/assemble-year-status.js';
import { areaBase, areaHref, downloadsHref, sitePaths } from '../area-paths.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { LatestStatusCounts } from '../components/status-counts.js';
import { formatAmount, formatFiscalYearLabel, formatShortFiscalYear } from '../format.js';
import { Layout, siteProps } from '../layout.js';
import { formatIsoDateJa, messages } from '../messages.js';
import { resultsMessages } from '../results-messages.js';

/** / (the default area) and /areas/{slug}/ : the 圏域 at a glance. */
export function HomePage(props: {
  snapshot: PortalSnapshot;
  base: string;
  /** the latest published fiscal year's results; null before any publication */
  latest?: YearStatus | null;
}) {
  const { vision, revision, areaCount } = props.snapshot;
  const { base } = props;
  const href = (path: string) => areaHref(base, path);
  const years = vision.plan.fiscalYears;
  const costs = costByFiscalYear(vision.projects, years);
  const newProjects = vision.projects.filter((p) => p.isNew);
  return (
    <Layout
      title="ホーム"
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム' }]}
      base={base}
      areasLink={areaCount > 1}
      {...siteProps(props.snapshot)}
    >
      <h1>{vision.plan.title}</h1>
      {base === '' && areaCount > 1 ? (
        <p class="note">
          {messages.home.areasNote(areaCount, vision.area.name)}
          <a href={sitePaths.areas}>{messages.breadcrumbs.areas}</a>
          {messages.home.areasNoteEnd}
        </p>
      ) : null}
      <p class="lead">
        {vision.area.name}（{vision.area.kind === 'other' ? '広域連携' : vision.area.kind}）の連携事業
        {vision.projects.length}事業の内容、事業費見込額、成果指標を掲載しています。
        {revision.label ? `事業費見込額は${revision.label}時点のものです。` : ''}
      </p>
      <LatestStatusCounts latest={props.latest} vision={vision} base={base} />
      <section aria-labelledby="municipalities-heading">
        <h2 id="municipalities-heading">構成市町村</h2>
        <DataTableScroll label="構成市町村の表">
          <table>
            <caption>{messages.home.municipalitiesCaption(populationDates(vision.area.municipalities))}</caption>
            <thead>
              <tr>
                <th scope="col">市町村</th>
                <th scope="col">区分</th>
                <th scope="col">全国地方公共団体コード</th>
                <th scope="col" class="num">
                  人口（人）
                </th>
                <th scope="col">人口の時点・出典</th>
              </tr>
            </thead>
            <tbody>
              {vision.area.municipalities.map((m) => {
                const population = findLatestPopulation(m.code);
                return (
                  <tr>
                    <th scope="row">{m.code ? <a href={href(`/municipalities/${m.code}`)}>{m.name}</a> : m.name}</th>
                    <td>{m.isCentralCity ? '中心市' : '連携町村'}</td>
                    <td>{m.code ?? '（不明）'}</td>
                    <td class="num">{population ? formatAmount(population.value) : '—'}</td>
                    <td>
                      {population
                        ? `${formatIsoDateJa(population.asOf)}時点の${population.basis}（${population.source}）`
                        : '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </DataTableScroll>
      </section>
      <section aria-labelledby="structure-heading">
        <h2 id="structure-heading">役割と連携施策ごとの事業数</h2>
        <ul class="structure">
          {vision.structure.map((r) => (
            <li>
              <a href={href(`/projects?role=${r.role}`)}>
                役割{r.role} {r.title}（{vision.projects.filter((p) => p.role === r.role).length}事業）
              </a>
              <ul>
                {r.policyAreas.map((a) => (
                  <li>
                    <a href={href(`/projects?role=${r.role}&area=${a.no}`)}>
                      ({a.no}) {a.title}（
                      {vision.projects.filter((p) => p.role === r.role && p.policyArea === a.no).length}事業）
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      {years.length > 0 ? (
        <section aria-labelledby="cost-heading">
          <h2 id="cost-heading">年度別の事業費見込額（全事業の合計）</h2>
          <ChartFigure
            id="cost-by-year"
            caption="全事業の年度別事業費見込額"
            description={years
              .map((fy, i) => `${formatFiscalYearLabel(fy)} ${formatAmount(costs[i] ?? 0)}千円`)
              .join('、')}
            unit="千円"
            categories={years.map(formatShortFiscalYear)}
            series={[{ name: '事業費見込額', values: costs }]}
            note={`${messages.home.planTotal(formatAmount(costs.reduce((sum, c) => sum + c, 0)), years.length)}${messages.figures.excludedCells}`}
          />
        </section>
      ) : null}
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">新規事業</h2>
        {newProjects.length === 0 ? (
          <p>新規事業はありません。</p>
        ) : (
          <ul>
            {newProjects.map((p) => (
              <li>
                <a href={href(`/projects/${p.number}`)}>
                  {p.number} {p.name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{messages.home.moreHeading}</h2>
        <ul>
          <li>
            <a href={href('/matrix')}>連携協約項目の一覧表</a>（役割・連携施策と町村の参加）
          </li>
          <li>
            <a href={href('/projects')}>事業一覧</a>（絞り込みと検索）
          </li>
          <li>
            <a href={href('/status')}>{resultsMessages.navLabel}</a>
            {messages.home.statusNote}
          </li>
          <li>
            <a href="/reports">進捗状況報告</a>（ビジョン懇談会への報告書: 印刷用ページ・PDF・Excel）
          </li>
          <li>
            <a href={href('/findings')}>文書の不整合</a>
            {messages.home.findingsNote(vision.findings.length)}
          </li>
          <li>
            <a href={areaHref(areaBase(props.snapshot.area.slug), '/revisions')}>版の履歴と変更点</a>
            （事業費の見直し、事業の追加・統合など）
          </li>
          <li>
            <a href={downloadsHref(base)}>{messages.home.openData}</a>
            {messages.home.openDataNote}
          </li>
          <li>
            <a href="/api/docs">{messages.home.api}</a>
            {messages.home.apiNote}
          </li>
        </ul>
      </section>
    </Layout>
  );
}

/** 「2022年10月1日時点の推計人口」, or each date and kind when the municipalities' figures differ. */
function populationDates(municipalities: readonly { code: string | null }[]): string | null {
  const found = municipalities.flatMap((m) => {
    const p = findLatestPopulation(m.code);
    return p ? [`${formatIsoDateJa(p.asOf)}時点の${p.basis}`] : [];
  });
  const distinct = [...new Set(found)];
  return distinct.length === 0 ? null : distinct.join('・');
}
