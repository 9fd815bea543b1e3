import type { EChartsOption } from 'echarts';
import * as echarts from 'echarts/core';
import { install as LineChart } from 'echarts/lib/chart/line/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as LegendComponent } from 'echarts/lib/component/legend/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
import { formatAmount } from '../format.js';
import { messages } from '../messages.js';
import {
  CHART_AXIS_COLOR,
  CHART_GRID_COLOR,
  CHART_SERIES_COLORS,
  CHART_TEXT_COLOR,
  FONT_FAMILY,
  makeAccessible,
  SVG_ID,
} from './render-bar-chart-svg.js';

echarts.use([LineChart, GridComponent, LegendComponent, SVGRenderer]);

export type LineChartSeries = {
  name: string;
  /** one per category; null draws nothing there (a line joins the values around it) */
  values: (number | null)[];
  /** a dashed line without markers (e.g. the straight line from the baseline to the target) */
  dashed?: boolean;
};

export type LineChartOptions = {
  /** prefix of the ids inside the SVG: unique within the page */
  id: string;
  title: string;
  description: string;
  categories: string[];
  series: LineChartSeries[];
  unit: string;
  width?: number;
  height?: number;
};

/**
 * A line chart as an accessible SVG string, rendered on the server (no client script), with the same text
 * alternative as the bar charts: role="img", <title> and <desc>. Series after the first differ by their dash and
 * marker shape as well as by colour.
 * @example renderLineChartSvg({ id: 'kpi-1', title: '創業件数', description: '…', categories: ['2020年度', '2024年度'],
 *   series: [{ name: '目標への直線', values: [24, 32], dashed: true }, { name: '実績値', values: [null, 30] }], unit: '件' })
 */
export function renderLineChartSvg(options: LineChartOptions): string {
  if (!SVG_ID.test(options.id)) throw new RangeError(`not a usable SVG id prefix: ${options.id}`);
  const width = options.width ?? 480;
  const height = options.height ?? 280;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(buildOption(options, width));
    return makeAccessible(chart.renderToSVGString(), options);
  } finally {
    chart.dispose();
  }
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'] as const;

function buildOption(options: LineChartOptions, width: number): EChartsOption {
  const { categories, series } = options;
  const text = { color: CHART_TEXT_COLOR, fontFamily: FONT_FAMILY, fontSize: 14 };
  return {
    animation: false,
    silent: true,
    color: [...CHART_SERIES_COLORS],
    textStyle: text,
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { show: true, top: 0, left: 'center', textStyle: text, itemWidth: 28, itemHeight: 14 },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: false,
      axisLabel: {
        ...text,
        interval: 0,
        width: Math.max(40, Math.floor((width - 72) / Math.max(1, categories.length))),
        overflow: 'break',
      },
      axisLine: { lineStyle: { color: CHART_AXIS_COLOR } },
      axisTick: { alignWithLabel: true, lineStyle: { color: CHART_AXIS_COLOR } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: messages.unitLabel(options.unit),
      nameTextStyle: { ...text, align: 'left' },
      axisLabel: { ...text, formatter: (value: number) => formatAmount(value) },
      splitLine: { lineStyle: { color: CHART_GRID_COLOR } },
    },
    series: series.map((s, index) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: true,
      showSymbol: !s.dashed,
      symbol: SYMBOLS[index % SYMBOLS.length],
      symbolSize: 10,
      lineStyle: { width: s.dashed ? 2 : 3, type: s.dashed ? 'dashed' : 'solid' },
      label: {
        show: !s.dashed,
        position: 'top',
        ...text,
        fontSize: 13,
        formatter: (params: { value?: unknown }) =>
          typeof params.value === 'number' ? formatAmount(params.value) : '',
      },
    })),
  };
}
