import type { AreaKind, TargetKind } from '../../domain/vision.js';
import { type AreaComparison, type AreaComparisonResult, TARGET_KINDS } from '../../service/area-comparison.js';
import { areaBase, areaHref, sitePaths } from '../area-paths.js';
import { ChartFigure, type ChartFigureSeries } from '../charts/chart-figure.js';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { formatAmount, formatShortFiscalYear } from '../format.js';
import { targetKindLabels } from '../labels.js';
import { Layout } from '../layout.js';
import { formatIsoDateJa, messages } from '../messages.js';
import { areaKindLabel, formatPlanPeriod } from './areas-page.js';

/** Above this many areas the chart shows one series per kind of area, not one per area (6 colours). */
const MAX_AREA_SERIES = 6;
const UNKNOWN_POPULATION = '人口不明';

function AreaName(props: { area: AreaComparison }) {
  return <a href={areaHref(areaBase(props.area.slug), '/')}>{props.area.name}</a>;
}

/** Yen per resident per fiscal year: the plan's total per resident spread evenly over its years. */
export function costPerCapitaPerYear(area: Pick<AreaComparison, 'population' | 'totalCost' | 'fiscalYears'>) {
  if (!area.population.known || area.population.value <= 0 || area.fiscalYears.length === 0) return null;
  return Math.round((area.totalCost * 1000) / area.population.value / area.fiscalYears.length);
}

function PopulationCells(props: { area: AreaComparison }) {
  const { population, costPerCapitaYen } = props.area;
  if (!population.known) {
    return (
      <>
        <td>{UNKNOWN_POPULATION}</td>
        <td>{UNKNOWN_POPULATION}</td>
        <td>{UNKNOWN_POPULATION}</td>
      </>
    );
  }
  const perYear = costPerCapitaPerYear(props.area);
  return (
    <>
      <td class="num">{formatAmount(population.value)}</td>
      <td class="num">{costPerCapitaYen === null ? UNKNOWN_POPULATION : formatAmount(costPerCapitaYen)}</td>
      <td class="num">{perYear === null ? UNKNOWN_POPULATION : formatAmount(perYear)}</td>
    </>
  );
}

/** Where each known population comes from, and why the others are not known. */
function PopulationNotes(props: { areas: AreaComparison[] }) {
  return (
    <ul class="notes">
      {props.areas.map((area) => {
        const { population } = area;
        return population.known ? (
          <li>
            {messages.compare.populationNote(
              area.name,
              `${population.asOf.map(formatIsoDateJa).join('・')}時点の${population.bases.join('・')}`,
            )}
          </li>
        ) : (
          <li>
            ※{area.name}: {population.unknownMunicipalities.length}
            市町村の人口がこのポータルに登録されていないため、人口と1人あたりの事業費は示しません
          </li>
        );
      })}
    </ul>
  );
}

function OverviewTable(props: { areas: AreaComparison[] }) {
  return (
    <DataTableScroll label="圏域の概要の表">
      <table>
        <caption>{messages.compare.overviewCaption}</caption>
        <thead>
          <tr>
            <th scope="col">圏域</th>
            <th scope="col">種別</th>
            <th scope="col" class="num">
              構成市町村
            </th>
            <th scope="col" class="num">
              事業数
            </th>
            <th scope="col">計画期間</th>
            <th scope="col" class="num">
              {messages.compare.totalHeader}
            </th>
            <th scope="col" class="num">
              {messages.compare.populationHeader}
            </th>
            <th scope="col" class="num">
              {messages.compare.perCapitaHeader}
            </th>
            <th scope="col" class="num">
              {messages.compare.perCapitaPerYearHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.areas.map((area) => (
            <tr>
              <th scope="row">
                <AreaName area={area} />
              </th>
              <td>{areaKindLabel(area.kind)}</td>
              <td class="num">{area.municipalityCount}</td>
              <td class="num">{area.projectCount}</td>
              <td class="nowrap">{formatPlanPeriod(area.fiscalYears)}</td>
              <td class="num">{formatAmount(area.totalCost)}</td>
              <PopulationCells area={area} />
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

function CostByYearTable(props: { result: AreaComparisonResult; areas: AreaComparison[] }) {
  const years = props.result.fiscalYears;
  return (
    <DataTableScroll label="圏域別・年度別の事業費見込額の表">
      <table>
        <caption>圏域別・年度別の事業費見込額（単位：千円。「—」は計画期間外）</caption>
        <thead>
          <tr>
            <th scope="col">圏域</th>
            {years.map((fy) => (
              <th scope="col" class="num">
                {formatShortFiscalYear(fy)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.areas.map((area) => (
            <tr>
              <th scope="row">
                <AreaName area={area} />
              </th>
              {area.costByFiscalYear.map((amount) =>
                amount === null ? (
                  <td class="num">
                    <span aria-hidden="true">—</span>
                    <span class="visually-hidden">計画期間外</span>
                  </td>
                ) : (
                  <td class="num">{formatAmount(amount)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

function TargetKindTable(props: { areas: AreaComparison[] }) {
  return (
    <DataTableScroll label="圏域別の成果指標の目標値の種類の表">
      <table>
        <caption>圏域別の成果指標の数（目標値の種類ごと）</caption>
        <thead>
          <tr>
            <th scope="col">圏域</th>
            {TARGET_KINDS.map((kind) => (
              <th scope="col" class="num">
                {targetKindLabels[kind]}
              </th>
            ))}
            <th scope="col" class="num">
              計
            </th>
          </tr>
        </thead>
        <tbody>
          {props.areas.map((area) => (
            <tr>
              <th scope="row">
                <AreaName area={area} />
              </th>
              {TARGET_KINDS.map((kind: TargetKind) => (
                <td class="num">{area.targetKinds[kind]}</td>
              ))}
              <td class="num">{area.kpiCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </DataTableScroll>
  );
}

/** Series of the cost chart: one per area while they fit the palette, else one per kind of area. */
function costSeries(
  result: AreaComparisonResult,
  areas: AreaComparison[],
): { series: ChartFigureSeries[]; byKind: boolean } {
  if (areas.length <= MAX_AREA_SERIES) {
    return { series: areas.map((a) => ({ name: a.name, values: a.costByFiscalYear })), byKind: false };
  }
  const kinds = [...new Set(areas.map((a) => a.kind))] as AreaKind[];
  return {
    byKind: true,
    series: kinds.map((kind) => ({
      name: `${areaKindLabel(kind)}（${areas.filter((a) => a.kind === kind).length}圏域）の合計`,
      values: result.fiscalYears.map((_, i) =>
        areas.filter((a) => a.kind === kind).reduce((sum, a) => sum + (a.costByFiscalYear[i] ?? 0), 0),
      ),
    })),
  };
}

function SelectAreas(props: { all: AreaComparison[]; selected: ReadonlySet<string> }) {
  return (
    <details class="filter-form">
      <summary>比較する圏域を選ぶ</summary>
      <form method="get" action={sitePaths.compare}>
        <fieldset>
          <legend>圏域（選ばなければすべて）</legend>
          {props.all.map((area, index) => (
            <div>
              <label class="checkbox" for={`area-${index}`}>
                <input
                  id={`area-${index}`}
                  type="checkbox"
                  name="area"
                  value={area.slug}
                  checked={props.selected.has(area.slug)}
                />
                {area.name}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="filter-form__actions">
          <button type="submit">比較する</button>
          <a href={sitePaths.compare} class="button button--secondary">
            すべての圏域
          </a>
        </div>
      </form>
    </details>
  );
}

/** /areas/compare: every area (or those chosen) side by side, as tables and a chart. */
export function AreaComparePage(props: { result: AreaComparisonResult; selected: readonly string[] }) {
  const { result } = props;
  const selected = new Set(props.selected);
  const areas = selected.size === 0 ? result.areas : result.areas.filter((a) => selected.has(a.slug));
  const { series, byKind } = costSeries(result, areas);
  const years = result.fiscalYears;
  return (
    <Layout
      title="圏域の比較"
      areaName=""
      breadcrumbs={[
        { label: 'ホーム', href: '/' },
        { label: '圏域一覧', href: sitePaths.areas },
        { label: '圏域の比較' },
      ]}
      areasLink
    >
      <h1>圏域の比較</h1>
      <p class="lead">{messages.compare.lead(areas.length, UNKNOWN_POPULATION)}</p>
      <SelectAreas all={result.areas} selected={selected} />
      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading">概要と1人あたりの事業費</h2>
        <OverviewTable areas={areas} />
        <PopulationNotes areas={areas} />
      </section>
      <section aria-labelledby="cost-heading">
        <h2 id="cost-heading">年度別の事業費見込額</h2>
        {years.length > 0 && areas.length > 0 ? (
          <ChartFigure
            id="compare-cost-by-year"
            caption={byKind ? '種別ごとの年度別事業費見込額' : '圏域ごとの年度別事業費見込額'}
            description={series
              .map(
                (s) =>
                  `${s.name}: ${years.map((fy, i) => `${formatShortFiscalYear(fy)} ${s.values[i] === null ? '計画期間外' : `${formatAmount(s.values[i] ?? 0)}千円`}`).join('、')}`,
              )
              .join('。')}
            unit="千円"
            categories={years.map(formatShortFiscalYear)}
            series={series.map((s) => ({ ...s, marks: s.values.map((v) => (v === null ? 'dash' : null)) }))}
          />
        ) : null}
        {/* with one series per area, the chart's own table already lists every area's years */}
        {byKind || years.length === 0 ? <CostByYearTable result={result} areas={areas} /> : null}
        <p class="note">「—」は、その年度が圏域の計画期間に入っていないことを示します。</p>
      </section>
      <section aria-labelledby="kpi-heading">
        <h2 id="kpi-heading">成果指標の目標値の種類</h2>
        <TargetKindTable areas={areas} />
      </section>
    </Layout>
  );
}
