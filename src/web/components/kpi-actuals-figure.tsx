import { raw } from 'hono/html';
import { baselineFiscalYear } from '../../domain/achievement.js';
import type { Kpi } from '../../domain/vision.js';
import type { KpiStatus } from '../../service/results/assemble-year-status.js';
import { renderLineChartSvg } from '../charts/render-line-chart-svg.js';
import { formatShortFiscalYear } from '../format.js';
import { messages } from '../messages.js';
import { formatValue, resultsMessages as t } from '../results-messages.js';
import { DataTableScroll } from './data-table-scroll.js';

type KpiFigureProps = {
  /** unique in the page */
  id: string;
  kpi: Kpi;
  /** the KPI's status in each published fiscal year, oldest first */
  years: { fiscalYear: number; kpi: KpiStatus }[];
  planFiscalYears: readonly number[];
  targetFiscalYear: number | null;
};

/**
 * One KPI's actuals against its target line: the straight line from the baseline (現状値, at its survey year) to
 * the target (目標値, at the target year), or the level to reach every year for 「n回以上/年度」, with the value
 * compared each published year (the running total for （累計） KPIs). The SVG is followed by the same figures as a
 * table; a KPI without numeric baseline and target gets the table alone.
 */
export function KpiActualsFigure(props: KpiFigureProps) {
  const { kpi, years } = props;
  const line = targetLine(props);
  const yearsShown = categoryYears(props, line);
  const actualOf = (fy: number) => years.find((y) => y.fiscalYear === fy)?.kpi ?? null;
  const lineValues = yearsShown.map((fy) => (line ? line.valueAt(fy) : null));
  const actualValues = yearsShown.map((fy) => actualOf(fy)?.actual ?? null);
  const unit = kpi.target.unit ?? kpi.baseline.unit ?? '';
  const caption = t.kpiChart(kpi.indicator);
  const described = years.map((y) => `${formatShortFiscalYear(y.fiscalYear)} ${formatValue(y.kpi.actual)}${unit}`);
  const svg =
    line && actualValues.some((v) => v !== null)
      ? renderLineChartSvg({
          id: props.id,
          title: caption,
          description: `目標値 ${kpi.target.text}、現状値 ${kpi.baseline.text}。実績値: ${described.join('、')}。`,
          categories: yearsShown.map(formatShortFiscalYear),
          series: [
            { name: t.lineSeries, values: line.chartValues(yearsShown), dashed: true },
            { name: t.actualPoints, values: actualValues },
          ],
          unit: unit || '値',
        })
      : null;
  const cell = (fy: number) => {
    const status = actualOf(fy);
    if (!status) return '';
    if (status.actual === null && status.notCountedReason) return t.notCounted(status.notCountedReason);
    return formatValue(status.actual);
  };
  return (
    <figure class="chart-figure" id={props.id}>
      <figcaption>{caption}</figcaption>
      {svg === null ? <p class="chart-note">{t.noTargetLine}</p> : <div class="chart">{raw(svg)}</div>}
      {unit ? <p class="table-unit">{messages.unitLabel(unit)}</p> : null}
      <DataTableScroll label={messages.chart.tableLabel(caption)}>
        <table>
          <caption class="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.chart.seriesHeader}</th>
              {yearsShown.map((fy) => (
                <th scope="col" class="num">
                  {formatShortFiscalYear(fy)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {line ? (
              <tr>
                <th scope="row">{t.lineSeries}</th>
                {lineValues.map((v) => (
                  <td class="num">{v === null ? '' : formatValue(v)}</td>
                ))}
              </tr>
            ) : null}
            <tr>
              <th scope="row">{t.actualPoints}</th>
              {yearsShown.map((fy) => (
                <td class="num">{cell(fy)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">達成状況</th>
              {yearsShown.map((fy) => (
                <td>{actualOf(fy)?.status ?? ''}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </DataTableScroll>
    </figure>
  );
}

type TargetLine = {
  start: number;
  end: number;
  /** the line's value in a year between start and end, else null */
  valueAt(fy: number): number | null;
  /** what the chart draws: the two ends (a straight line), or every year for a level */
  chartValues(years: readonly number[]): (number | null)[];
};

/** The line the actuals are read against, as docs/achievement.md defines it; null when it cannot be drawn. */
function targetLine(props: KpiFigureProps): TargetLine | null {
  const { kpi } = props;
  const target = kpi.target.value;
  const end = kpi.target.fiscalYear ?? props.targetFiscalYear;
  if (target === null || end === null) return null;
  const planStart = props.planFiscalYears.length > 0 ? Math.min(...props.planFiscalYears) : end;
  if (kpi.target.kind === 'per_year_at_least') {
    const level = (fy: number) => (fy >= planStart && fy <= end ? target : null);
    return { start: planStart, end, valueAt: level, chartValues: (years) => years.map(level) };
  }
  if (kpi.target.kind !== 'absolute' && kpi.target.kind !== 'percentage') return null;
  // a missing baseline counts from 0 at the end of the year before the plan starts
  const start = baselineFiscalYear(kpi.baseline) ?? planStart - 1;
  const baseline = kpi.baseline.value ?? 0;
  if (start >= end) return null;
  const valueAt = (fy: number) =>
    fy < start || fy > end ? null : baseline + ((target - baseline) * (fy - start)) / (end - start);
  return {
    start,
    end,
    valueAt,
    chartValues: (years) => years.map((fy) => (fy === start ? baseline : fy === end ? target : null)),
  };
}

/** From the line's start (or the first published year) to its end (or the last published year), every year. */
function categoryYears(props: KpiFigureProps, line: TargetLine | null): number[] {
  const published = props.years.map((y) => y.fiscalYear);
  const from = Math.min(...published, line?.start ?? Number.POSITIVE_INFINITY);
  const to = Math.max(...published, line?.end ?? Number.NEGATIVE_INFINITY);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
