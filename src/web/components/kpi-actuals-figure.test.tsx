import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKpi } from '../../../test/helpers/build-kpi.js';
import type { Kpi } from '../../domain/vision.js';
import type { KpiStatus } from '../../service/results/assemble-year-status.js';
import { loadChartRuntime } from '../charts/chart-runtime.js';
import { KpiActualsFigure } from './kpi-actuals-figure.js';

await loadChartRuntime(); // what a page does before it renders (server/portal-pages.ts)

const PLAN = [2020, 2021, 2022, 2023, 2024];

function render(kpi: Kpi, years: { fiscalYear: number; actual: number | null; status: KpiStatus['status'] }[]) {
  const statuses = years.map((y) => ({
    fiscalYear: y.fiscalYear,
    kpi: { actual: y.actual, status: y.status, notCountedReason: null } as KpiStatus,
  }));
  return (
    <KpiActualsFigure id="kpi-1-1" kpi={kpi} years={statuses} planFiscalYears={PLAN} targetFiscalYear={2024} />
  ).toString();
}

/** The data cells of the table's row headed `name`. */
function row(html: string, name: string): string[] {
  const tr = html.match(new RegExp(`<tr><th scope="row">${name}</th>([\\s\\S]*?)</tr>`))?.[1] ?? '';
  return [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
}

test('an absolute target: the straight line from the baseline year to the target year, the actuals beside it', () => {
  const html = render(buildKpi(), [{ fiscalYear: 2022, actual: 140, status: '概ね順調' }]);
  assert.match(html, /<svg role="img" aria-labelledby="kpi-1-1-title kpi-1-1-desc"/);
  assert.deepEqual(row(html, '現状値から目標値への直線'), ['120', '127.5', '135', '142.5', '150']);
  assert.deepEqual(row(html, '実績値'), ['', '', '140', '', '']);
  assert.deepEqual(row(html, '達成状況'), ['', '', '概ね順調', '', '']);
});

test('no baseline: the line starts at 0 the year before the plan', () => {
  const kpi = buildKpi({ baseline: { text: '—', value: null, unit: null, asOf: null } });
  const html = render(kpi, [{ fiscalYear: 2020, actual: 50, status: '達成' }]);
  assert.deepEqual(row(html, '現状値から目標値への直線'), ['0', '30', '60', '90', '120', '150']);
});

test('「1回以上/年度」: the level to reach each year of the plan', () => {
  const kpi = buildKpi({
    target: {
      text: '1回以上/年度',
      kind: 'per_year_at_least',
      value: 1,
      unit: '回',
      per: '年度',
      mergedInto: null,
      fiscalYear: null,
    },
  });
  const html = render(kpi, [{ fiscalYear: 2021, actual: 0, status: '遅れ' }]);
  assert.deepEqual(row(html, '現状値から目標値への直線'), ['1', '1', '1', '1', '1']);
});

test('a target of 「—」: no line and no chart, a sentence and the actuals in the table', () => {
  const kpi = buildKpi({
    target: { text: '—', kind: 'none', value: null, unit: null, per: null, mergedInto: null, fiscalYear: null },
  });
  const html = render(kpi, [{ fiscalYear: 2022, actual: 3, status: null }]);
  assert.doesNotMatch(html, /<svg/);
  assert.match(html, /目標への直線は描けません/);
  assert.deepEqual(row(html, '実績値'), ['3']);
});
