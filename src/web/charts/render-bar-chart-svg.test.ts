import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import * as echarts from 'echarts/core';
import { loadChartRuntime } from './chart-runtime.js';
import {
  type BarChartOptions,
  CHART_AXIS_COLOR,
  CHART_SERIES_COLORS,
  CHART_TEXT_COLOR,
  renderBarChartSvg,
} from './render-bar-chart-svg.js';

await loadChartRuntime(); // what a page does before it renders (server/portal-pages.ts)

const budgetChart: BarChartOptions = {
  id: 'budget-3',
  title: '事業費見込額 <No.3> & 計',
  description: '2020年度から2024年度までの事業費見込額。2022年度は空欄。',
  categories: ['2020年度', '2021年度', '2022年度', '2023年度', '2024年度'],
  series: [{ name: '事業費', values: [408, 41888, null, 0, 1234567] }],
  unit: '千円',
};

function countBars(svg: string, seriesIndex: number): number {
  const bar = new RegExp(`ecmeta_series_index="${seriesIndex}"[^>]*ecmeta_ssr_type="chart"`, 'g');
  return svg.match(bar)?.length ?? 0;
}

test('an SVG image named by its own <title> and <desc>, which come first', () => {
  const svg = renderBarChartSvg(budgetChart);
  assert.match(svg, /^<svg role="img" aria-labelledby="budget-3-title budget-3-desc" focusable="false" [^>]*viewBox=/);
  assert.match(
    svg,
    /^<svg [^>]*><title id="budget-3-title">事業費見込額 &lt;No\.3&gt; &amp; 計<\/title><desc id="budget-3-desc">2020年度から2024年度までの事業費見込額。2022年度は空欄。<\/desc><rect /,
  );
  assert.match(svg, /<\/svg>$/);
  assert.equal(svg.match(/<svg /g)?.length, 1);
});

test('one bar per value, none for a missing value; values and axis with separators, unit in Japanese', () => {
  const svg = renderBarChartSvg(budgetChart);
  assert.equal(countBars(svg, 0), 4);
  for (const label of ['41,888', '1,234,567', '単位：千円', '2024年度']) assert.ok(svg.includes(`>${label}<`), label);
  assert.ok(!svg.includes('>1234567<'));
});

test('several series: each bar counted, later series patterned, legend shown, ids prefixed by the caller', () => {
  const svg = renderBarChartSvg({
    ...budgetChart,
    id: 'towns',
    series: [
      { name: '青森市', values: [1, 2, 3, 4, 5] },
      { name: '平内町', values: [1, null, 3, null, 5] },
    ],
  });
  assert.equal(countBars(svg, 0), 5);
  assert.equal(countBars(svg, 1), 3);
  assert.match(svg, /<pattern [^>]*id="towns-p0"/);
  assert.match(svg, /fill="url\(#towns-p0\)"/);
  assert.ok(svg.includes('>平内町<'));
  assert.doesNotMatch(svg, /zr\d+-|<style/);
});

test('no inline style (the CSP refuses it): text sizes and fonts are presentation attributes', () => {
  const svg = renderBarChartSvg(budgetChart);
  assert.doesNotMatch(svg, / style="/);
  const texts = [...svg.matchAll(/<text [^>]*>/g)].map((m) => m[0]);
  assert.ok(texts.length > 0);
  for (const text of texts) {
    assert.match(text, / font-size="\d+px"/);
    assert.match(text, / font-family="'Noto Sans JP', [^"]+"/, 'the font list stays whole inside its attribute');
  }
});

test('an id that cannot prefix SVG ids is refused', () => {
  assert.throws(() => renderBarChartSvg({ ...budgetChart, id: '1 bad"id' }), RangeError);
});

test('every chart instance is disposed, however many are rendered', () => {
  const idNumber = (chart: echarts.ECharts) => Number(chart.getId().replace(/^ec_/, ''));
  const before = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 10, height: 10 });
  const first = idNumber(before) + 1;
  before.dispose();

  const count = 200;
  for (let i = 0; i < count; i++) renderBarChartSvg({ ...budgetChart, id: `c${i}` });

  const after = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 10, height: 10 });
  assert.equal(idNumber(after), first + count, 'each render made exactly one instance');
  after.dispose();
  for (let n = first; n < first + count; n++) assert.equal(echarts.getInstanceById(`ec_${n}`), undefined);
});

test('chart colours are design-token colours with enough contrast on white', () => {
  const tokensCss = readFileSync(
    createRequire(import.meta.url).resolve('@digital-go-jp/design-tokens/dist/tokens.css'),
    'utf8',
  ).toLowerCase();
  for (const color of [...CHART_SERIES_COLORS, CHART_TEXT_COLOR, CHART_AXIS_COLOR]) {
    assert.ok(tokensCss.includes(`: ${color};`), `${color} is a token value`);
    // text needs 4.5:1; the series colours meet it too, though bars need only 3:1
    assert.ok(contrastWithWhite(color) >= 4.5, `${color} has ${contrastWithWhite(color).toFixed(2)}:1`);
  }
});

function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}
