import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartRuntime, loadChartRuntime } from './chart-runtime.js';
import { renderBarChartSvg } from './render-bar-chart-svg.js';

const chart = { id: 'c', title: '事業費', description: '…', categories: ['2024年度'], series: [], unit: '千円' };

test('a chart is refused until ECharts is loaded, then drawn; the load happens once', async () => {
  assert.throws(() => renderBarChartSvg(chart), /ECharts is not loaded/);
  const [first, second] = await Promise.all([loadChartRuntime(), loadChartRuntime()]);
  assert.equal(first, second);
  assert.equal(chartRuntime(), first);
  assert.match(renderBarChartSvg(chart), /^<svg[^>]*role="img"/);
});
