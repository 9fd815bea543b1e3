import type { EChartsOption } from 'echarts';
import { formatAmount } from '../format.js';
import { messages } from '../messages.js';
import { chartRuntime } from './chart-runtime.js';

export type BarChartSeries = { name: string; values: (number | null)[] };

export type BarChartOptions = {
  /** prefix of the ids inside the SVG (`{id}-title`, `{id}-desc`, patterns): unique within the page */
  id: string;
  /** the chart's accessible name (SVG <title>) */
  title: string;
  /** what the chart shows, in words (SVG <desc>) */
  description: string;
  categories: string[];
  /** a null value draws no bar (the data table says why: blank or dash) */
  series: BarChartSeries[];
  /** e.g. 千円; shown on the value axis */
  unit: string;
  width?: number;
  height?: number;
};

/**
 * Series colours from the Digital Agency tokens, in order: each is ≥ 4.5:1 against white (bars need 3:1),
 * and series after the first also carry a white pattern so they differ by more than colour.
 */
export const CHART_SERIES_COLORS = [
  '#0017c1', // --color-primitive-blue-900
  '#ac3e00', // --color-primitive-orange-900
  '#197a4b', // --color-primitive-green-800
  '#8b008b', // --color-primitive-magenta-900
  '#006173', // --color-primitive-cyan-1000
  '#806300', // --color-primitive-yellow-1000
] as const;
export const CHART_TEXT_COLOR = '#1a1a1a'; // --color-neutral-solid-gray-900
export const CHART_AXIS_COLOR = '#666666'; // --color-neutral-solid-gray-600
export const CHART_GRID_COLOR = '#cccccc'; // --color-neutral-solid-gray-200

// Single quotes only: ECharts writes the family into a double-quoted style attribute.
const FONT_FAMILY = "'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic UI', Meiryo, sans-serif";
const PATTERN = 'rgba(255,255,255,0.75)';
const DECALS = [
  { symbol: 'rect', color: PATTERN, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: Math.PI / 4 },
  {
    symbol: 'circle',
    color: PATTERN,
    symbolSize: 0.6,
    dashArrayX: [
      [8, 8],
      [0, 8, 8, 0],
    ],
    dashArrayY: [6, 0],
  },
  { symbol: 'rect', color: PATTERN, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: -Math.PI / 4 },
  { symbol: 'rect', color: PATTERN, dashArrayX: [1, 0], dashArrayY: [3, 5], rotation: 0 },
];
// Above this many bars, value labels crowd each other; the data table below the chart has every value.
const MAX_LABELLED_BARS = 12;
const ID = /^[A-Za-z][\w-]*$/;

/**
 * A bar chart as an accessible SVG string, rendered on the server by ECharts (no client script).
 * The root gets role="img", an accessible name from its <title> and <desc>, and focusable="false".
 * @example renderBarChartSvg({ id: 'budget', title: '事業費見込額', description: '…', categories: ['2022年度'],
 *   series: [{ name: '事業費', values: [41888] }], unit: '千円' })
 */
export function renderBarChartSvg(options: BarChartOptions): string {
  return renderChartSvg(options, 300, (width) => buildOption(options, width));
}

/**
 * Renders an ECharts option (made for the chart's width) to an accessible SVG string: shared by every chart
 * renderer of src/web/charts.
 */
export function renderChartSvg(
  options: Pick<BarChartOptions, 'id' | 'title' | 'description' | 'width' | 'height'>,
  defaultHeight: number,
  option: (width: number) => EChartsOption,
): string {
  if (!ID.test(options.id)) throw new RangeError(`not a usable SVG id prefix: ${options.id}`);
  const width = options.width ?? 480;
  const height = options.height ?? defaultHeight;
  const chart = chartRuntime().init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option(width));
    return makeAccessible(chart.renderToSVGString(), options);
  } finally {
    chart.dispose();
  }
}

export const CHART_TEXT = { color: CHART_TEXT_COLOR, fontFamily: FONT_FAMILY, fontSize: 14 };

/** The category axis of a chart: every label shown, broken to fit its share of the width. */
export function categoryAxis(categories: string[], width: number, minLabelWidth: number) {
  return {
    type: 'category' as const,
    data: categories,
    axisLabel: {
      ...CHART_TEXT,
      interval: 0,
      width: Math.max(minLabelWidth, Math.floor((width - 72) / Math.max(1, categories.length))),
      overflow: 'break' as const,
    },
    axisLine: { lineStyle: { color: CHART_AXIS_COLOR } },
    axisTick: { alignWithLabel: true, lineStyle: { color: CHART_AXIS_COLOR } },
  };
}

/** The value axis of a chart: its unit as its name, values with separators, a light grid. */
export function valueAxis(unit: string, format: (value: number) => string = formatAmount) {
  return {
    type: 'value' as const,
    name: messages.unitLabel(unit),
    nameTextStyle: { ...CHART_TEXT, align: 'left' as const },
    axisLabel: { ...CHART_TEXT, formatter: format },
    splitLine: { lineStyle: { color: CHART_GRID_COLOR } },
  };
}

function buildOption(options: BarChartOptions, width: number): EChartsOption {
  const { categories, series } = options;
  const hasLegend = series.length > 1;
  const barCount = series.reduce((sum, s) => sum + s.values.length, 0);
  const text = CHART_TEXT;
  return {
    animation: false,
    silent: true,
    color: [...CHART_SERIES_COLORS],
    textStyle: text,
    grid: {
      left: 8,
      right: 16,
      top: hasLegend ? 64 : 40,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'all',
    },
    legend: hasLegend
      ? { show: true, top: 0, left: 'center', textStyle: text, itemWidth: 28, itemHeight: 16 }
      : { show: false },
    xAxis: categoryAxis(categories, width, 48),
    yAxis: valueAxis(options.unit),
    series: series.map((s, index) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      barMaxWidth: 56,
      itemStyle: index === 0 ? {} : { decal: DECALS[(index - 1) % DECALS.length] },
      label: {
        show: barCount <= MAX_LABELLED_BARS,
        position: 'top',
        ...text,
        fontSize: 13,
        formatter: (params: { value?: unknown }) =>
          typeof params.value === 'number' ? formatAmount(params.value) : '',
      },
    })),
  };
}

/**
 * Adds the text alternative and strips what only an interactive chart needs (hover styles, class names): shared by
 * every chart renderer of src/web/charts.
 */
function makeAccessible(svg: string, options: Pick<BarChartOptions, 'id' | 'title' | 'description'>): string {
  const { id } = options;
  const cleaned = svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    // ECharts numbers its pattern ids per process: make them the caller's, stable and unique in the page.
    .replace(/(id="|url\(#)zr\d+-/g, `$1${id}-`)
    // The site's CSP allows no inline style: the same declarations as SVG presentation attributes.
    .replace(/ style="([^"]*)"/g, (_, declarations: string) => styleToAttributes(declarations));
  const open = cleaned.indexOf('<svg ');
  const openEnd = cleaned.indexOf('>', open);
  if (open !== 0 || openEnd < 0) throw new Error('ECharts did not return an SVG document');
  const rootAttributes = cleaned.slice(open + '<svg '.length, openEnd);
  const label =
    `<title id="${id}-title">${escapeXml(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(options.description)}</desc>`;
  return (
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false" ${rootAttributes}>` +
    label +
    cleaned.slice(openEnd + 1).trim()
  );
}

/** `font-size:14px;fill:#333` → ` font-size="14px" fill="#333"` (SVG presentation attributes are not styles). */
function styleToAttributes(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d.includes(':'))
    .map((d) => {
      const at = d.indexOf(':');
      const name = d.slice(0, at).trim().toLowerCase();
      const value = d
        .slice(at + 1)
        .trim()
        .replaceAll('"', "'");
      return /^[a-z-]+$/.test(name) ? ` ${name}="${value}"` : '';
    })
    .join('');
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
