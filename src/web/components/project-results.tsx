import type { Project, Vision } from '../../domain/vision.js';
import type { ProjectStatus } from '../../service/results/assemble-year-status.js';
import { ChartFigure } from '../charts/chart-figure.js';
import { formatAmount, formatShortFiscalYear } from '../format.js';
import { formatRatio, resultsMessages as t } from '../results-messages.js';
import { KpiActualsFigure } from './kpi-actuals-figure.js';
import { SharesTable } from './shares-table.js';

type ProjectResultsProps = {
  project: Project;
  vision: Vision;
  /** the project's status in each published fiscal year, oldest first; empty before any publication */
  years: { fiscalYear: number; project: ProjectStatus }[];
};

/**
 * The project page's 「実績」: plan against actual spending per fiscal year, each KPI's actuals against its target
 * line, the latest published year's grade, comments and each municipality's share. Only published results reach it.
 */
export function ProjectResults(props: ProjectResultsProps) {
  const { project, vision, years } = props;
  const latest = years[years.length - 1];
  return (
    <section aria-labelledby="results-heading" class="project-results">
      <h2 id="results-heading">{t.section}</h2>
      {latest === undefined ? (
        <p>{t.projectNonePublished}</p>
      ) : (
        <>
          <p>
            {t.publishedYears(years.map((y) => formatShortFiscalYear(y.fiscalYear)).join('、'))}
            {t.grade(latest.fiscalYear, latest.project.grade)}
            {latest.project.score === null ? '' : `（成果指標の達成度の平均 ${formatRatio(latest.project.score)}）`}。
          </p>
          <SpendingFigure project={project} vision={vision} years={years} />
          <KpiResults project={project} vision={vision} years={years} />
          <YearComments fiscalYear={latest.fiscalYear} status={latest.project} />
          <Shares fiscalYear={latest.fiscalYear} status={latest.project} />
        </>
      )}
    </section>
  );
}

function SpendingFigure(props: ProjectResultsProps) {
  const { project, years } = props;
  const planYears = props.vision.plan.fiscalYears;
  const plan = planYears.map((fy) => project.budget.years.find((y) => y.fiscalYear === fy)?.amount ?? null);
  const planMarks = planYears.map((fy) => project.budget.years.find((y) => y.fiscalYear === fy)?.mark ?? 'blank');
  const actualOf = (fy: number) => years.find((y) => y.fiscalYear === fy);
  const actual = planYears.map((fy) => actualOf(fy)?.project.spending.actual ?? null);
  const actualMarks = planYears.map((fy) => (actualOf(fy) ? '－' : t.notPublished));
  const described = planYears.map(
    (fy, i) =>
      `${formatShortFiscalYear(fy)} 計画 ${plan[i] === null ? 'なし' : `${formatAmount(plan[i] ?? 0)}千円`}・実績 ${
        actual[i] === null ? (actualOf(fy) ? 'なし' : t.notPublished) : `${formatAmount(actual[i] ?? 0)}千円`
      }`,
  );
  return (
    <section aria-labelledby="results-spending-heading">
      <h3 id="results-spending-heading">{t.spendingHeading}</h3>
      <ChartFigure
        id={`results-spending-${project.number}`}
        caption={t.spendingChart(project.number)}
        description={`${described.join('、')}。`}
        unit="千円"
        categories={planYears.map(formatShortFiscalYear)}
        series={[
          { name: t.planSeries, values: plan, marks: planMarks },
          { name: t.actualSeries, values: actual, marks: actualMarks },
        ]}
        note={t.planNote}
      />
    </section>
  );
}

function KpiResults(props: ProjectResultsProps) {
  const { project, vision, years } = props;
  if (project.kpis.length === 0) return null;
  return (
    <section aria-labelledby="results-kpi-heading">
      <h3 id="results-kpi-heading">{t.kpiHeading}</h3>
      {project.kpis.map((kpi, i) => {
        const perYear = years.flatMap((y) => {
          const status = y.project.kpis[i];
          return status ? [{ fiscalYear: y.fiscalYear, kpi: status }] : [];
        });
        const last = perYear[perYear.length - 1];
        return (
          <div class="kpi-result">
            <h4>
              指標{i + 1} {kpi.indicator}
            </h4>
            {last ? <p>{t.kpiStatus(last.fiscalYear, last.kpi.status, formatRatio(last.kpi.attainment))}</p> : null}
            <KpiActualsFigure
              id={`kpi-${project.number}-${i + 1}`}
              kpi={kpi}
              years={perYear}
              planFiscalYears={vision.plan.fiscalYears}
              targetFiscalYear={vision.plan.targetFiscalYear}
            />
          </div>
        );
      })}
    </section>
  );
}

function YearComments(props: { fiscalYear: number; status: ProjectStatus }) {
  const { comments } = props.status;
  const entries = comments
    ? [
        [t.progress, comments.progress],
        [t.nextSteps, comments.nextSteps],
        [t.selfEvaluation, comments.selfEvaluation],
      ].filter(([, text]) => text !== '')
    : [];
  return (
    <section aria-labelledby="results-comments-heading">
      <h3 id="results-comments-heading">{t.commentsHeading(props.fiscalYear)}</h3>
      {entries.length === 0 ? (
        <p>{t.noComments}</p>
      ) : (
        <dl class="sheet">
          {entries.map(([label, text]) => (
            <div class="sheet-row">
              <dt class="sheet-label">{label}</dt>
              <dd class="sheet-body">{text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function Shares(props: { fiscalYear: number; status: ProjectStatus }) {
  const { spending } = props.status;
  return (
    <section aria-labelledby="results-shares-heading">
      <h3 id="results-shares-heading">{t.sharesHeading(props.fiscalYear)}</h3>
      <p>{spending.rule ? t.rule(spending.rule.description) : t.noRule}</p>
      <SharesTable spending={spending} fiscalYear={props.fiscalYear} />
      <p class="note">{t.roundingNote}</p>
    </section>
  );
}
