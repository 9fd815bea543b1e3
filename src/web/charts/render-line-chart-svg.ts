import type { EChartsOption } from 'echarts';
import { formatValue } from '../results-messages.js';
import { CHART_SERIES_COLORS, CHART_TEXT, categoryAxis, renderChartSvg, valueAxis } from './render-bar-chart-svg.js';

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
  return renderChartSvg(options, 280, (width) => buildOption(options, width));
}

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'] as const;

function buildOption(options: LineChartOptions, width: number): EChartsOption {
  const { categories, series } = options;
  const text = CHART_TEXT;
  return {
    animation: false,
    silent: true,
    color: [...CHART_SERIES_COLORS],
    textStyle: text,
    grid: { left: 8, right: 24, top: 64, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    legend: { show: true, top: 0, left: 'center', textStyle: text, itemWidth: 28, itemHeight: 14 },
    xAxis: { ...categoryAxis(categories, width, 40), boundaryGap: false },
    yAxis: { ...valueAxis(options.unit, formatValue), scale: true },
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
        formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? formatValue(params.value) : ''),
      },
    })),
  };
}
