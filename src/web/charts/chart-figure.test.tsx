import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChartFigure, formatChartCell } from './chart-figure.js';
import { loadChartRuntime } from './chart-runtime.js';

await loadChartRuntime(); // what a page does before it renders (server/portal-pages.ts)

const figure = (
  <ChartFigure
    id="budget"
    caption="事業費見込額"
    description="2020年度から2022年度までの事業費見込額"
    unit="千円"
    categories={['2020年度', '2021年度', '2022年度']}
    series={[{ name: '事業費', values: [41888, null, null], marks: [null, 'dash', 'blank'] }]}
    note="計 41,888千円"
  />
);

function cells(html: string, tag: 'th' | 'td'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1] ?? '');
}

test('a captioned figure: the SVG chart first, then its data table in a named scroll region', () => {
  const html = figure.toString();
  assert.match(html, /^<figure class="chart-figure" id="budget"><figcaption>事業費見込額<\/figcaption>/);
  const svgAt = html.indexOf('<svg role="img" aria-labelledby="budget-title budget-desc"');
  const tableAt = html.indexOf('<table>');
  assert.ok(svgAt > 0 && tableAt > svgAt, 'chart before table');
  assert.match(html, /<div class="table-scroll" role="region" tabindex="0" aria-label="事業費見込額（表）"><table>/);
  assert.match(html, /<caption class="visually-hidden">事業費見込額（単位：千円）<\/caption>/);
  assert.match(html, /<p class="table-unit">単位：千円<\/p>/);
});

test('the table: categories as column headers, series as row headers, amounts and marks as printed', () => {
  const html = figure.toString();
  assert.equal((html.match(/<th scope="col"/g) ?? []).length, 4);
  assert.deepEqual(cells(html, 'th'), ['区分', '2020年度', '2021年度', '2022年度', '事業費']);
  assert.match(html, /<th scope="row">事業費<\/th>/);
  assert.deepEqual(cells(html, 'td'), ['41,888', '—', '記載なし']);
  assert.match(html, /<p class="chart-note">計 41,888千円<\/p>/);
});

test('a chart with no amount at all: a sentence instead of an empty frame, the table keeps the marks', () => {
  const html = (
    <ChartFigure
      id="none"
      caption="事業費見込額"
      description="説明"
      unit="千円"
      categories={['2020年度', '2021年度']}
      series={[{ name: '事業費', values: [null, null], marks: ['blank', 'dash'] }]}
    />
  ).toString();
  assert.doesNotMatch(html, /<svg/);
  assert.match(html, /<p class="chart-empty">どの年度にも金額の記載がありません/);
  assert.deepEqual(cells(html, 'td'), ['記載なし', '—']);
});

test('several series give one row each; a series with fewer values than categories gets empty cells', () => {
  const html = (
    <ChartFigure
      id="towns"
      caption="市町村別"
      description="説明"
      unit="千円"
      categories={['2020年度', '2021年度']}
      series={[
        { name: '青森市', values: [1000, 2000] },
        { name: '平内町', values: [3] },
      ]}
    />
  ).toString();
  assert.deepEqual(cells(html, 'td'), ['1,000', '2,000', '3', '']);
  assert.match(html, /<th scope="row">平内町<\/th>/);
});

test('cell text: separators, — for dash, empty for blank or no mark, other marks as printed', () => {
  assert.equal(formatChartCell(1234567, null), '1,234,567');
  assert.equal(formatChartCell(0, 'dash'), '0');
  assert.equal(formatChartCell(null, 'dash'), '—');
  assert.equal(formatChartCell(null, 'blank'), '記載なし');
  assert.equal(formatChartCell(null, null), '');
  assert.equal(formatChartCell(null, '※'), '※');
});
