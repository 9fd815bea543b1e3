import type { PortalSnapshot } from '../../service/read-portal.js';
import type { YearStatus } from '../../service/results/assemble-year-status.js';
import type { PublishedResults } from '../../service/results/read-published-results.js';
import { GRADES, type StatusGroup, summarizeYearStatus } from '../../service/results/summarize-year-status.js';
import { areaHref } from '../area-paths.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { StatusGroupTable } from '../components/status-counts.js';
import { Layout, siteProps } from '../layout.js';
import { ACHIEVEMENT_LEVELS, resultsMessages as t } from '../results-messages.js';

type StatusPageProps = {
  snapshot: PortalSnapshot;
  base: string;
  published: PublishedResults;
  /** the fiscal year shown (`?fy=`, else the latest published); null before any publication */
  shown: YearStatus | null;
};

/** /status and /areas/{slug}/status: one published fiscal year's KPI statuses and project grades, counted. */
export function StatusPage(props: StatusPageProps) {
  const { snapshot, base, published, shown } = props;
  const { vision } = snapshot;
  return (
    <Layout
      title={shown ? `${t.statusTitle}（${shown.fiscalYear}年度）` : t.statusTitle}
      areaName={vision.area.name}
      breadcrumbs={[{ label: 'ホーム', href: areaHref(base, '/') }, { label: t.statusTitle }]}
      base={base}
      areasLink={snapshot.areaCount > 1}
      {...siteProps(snapshot)}
    >
      <h1>{shown ? `${t.statusTitle}（${shown.fiscalYear}年度）` : t.statusTitle}</h1>
      <p class="lead">{t.statusLead(vision.area.name)}</p>
      {shown === null ? (
        <p>{t.nonePublished}</p>
      ) : (
        <>
          <nav aria-label={t.yearsNav}>
            <p>{t.yearsNav}:</p>
            <ul class="inline-list">
              {published.years.map((y) => (
                <li>
                  <a
                    href={`${areaHref(base, '/status')}?fy=${y.fiscalYear}`}
                    aria-current={y.fiscalYear === shown.fiscalYear ? 'page' : undefined}
                  >
                    {t.yearLink(y.fiscalYear)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p class="note">{t.rulesNote}</p>
          <YearSummary status={shown} snapshot={snapshot} />
        </>
      )}
    </Layout>
  );
}

function YearSummary(props: { status: YearStatus; snapshot: PortalSnapshot }) {
  const summary = summarizeYearStatus(props.status, props.snapshot.vision);
  const fy = summary.fiscalYear;
  const { total } = summary;
  const gradeLabels = [...GRADES.map((g) => `評価${g}`), t.noGrade];
  const gradeValues = [...GRADES.map((g) => total.grades[g]), total.grades.none];
  return (
    <>
      <section aria-labelledby="status-total-heading">
        <h2 id="status-total-heading">全体</h2>
        <StatusGroupTable caption={t.countsCaption(fy)} groups={[total]} />
        <ChartFigure
          id="status-kpis"
          caption={t.kpiCountsChart(fy)}
          description={`${ACHIEVEMENT_LEVELS.map((l) => `${l} ${total.kpis[l]}件`).join('、')}。`}
          unit={t.unitCount}
          categories={[...ACHIEVEMENT_LEVELS]}
          series={[{ name: t.kpiHeader, values: ACHIEVEMENT_LEVELS.map((l) => total.kpis[l]) }]}
        />
        <ChartFigure
          id="status-grades"
          caption={t.gradeCountsChart(fy)}
          description={`${gradeLabels.map((l, i) => `${l} ${gradeValues[i]}件`).join('、')}。`}
          unit={t.unitCount}
          categories={gradeLabels}
          series={[{ name: t.gradeHeader, values: gradeValues }]}
          note={t.noGradeNote}
        />
      </section>
      <GroupSection id="status-by-role" title={t.byRole} fiscalYear={fy} groups={summary.byRole} />
      <GroupSection id="status-by-area" title={t.byPolicyArea} fiscalYear={fy} groups={summary.byPolicyArea} />
      <GroupSection
        id="status-by-municipality"
        title={t.byMunicipality}
        fiscalYear={fy}
        groups={summary.byMunicipality}
        note={t.byMunicipalityNote}
      />
    </>
  );
}

function GroupSection(props: {
  id: string;
  title: string;
  fiscalYear: number;
  groups: readonly StatusGroup[];
  note?: string;
}) {
  const { id, title, fiscalYear, groups } = props;
  const described = groups.map((g) => `${g.label}: ${ACHIEVEMENT_LEVELS.map((l) => `${l} ${g.kpis[l]}件`).join('、')}`);
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {props.note ? <p class="note">{props.note}</p> : null}
      <ChartFigure
        id={`${id}-chart`}
        caption={t.groupChart(fiscalYear, title)}
        description={`${described.join('。')}。`}
        unit={t.unitCount}
        categories={groups.map((g) => (g.short === g.label ? g.label : `${g.short}（${g.label}）`))}
        series={ACHIEVEMENT_LEVELS.map((level) => ({ name: level, values: groups.map((g) => g.kpis[level]) }))}
      />
      <StatusGroupTable caption={t.groupTable(fiscalYear, title)} groups={groups} />
    </section>
  );
}
