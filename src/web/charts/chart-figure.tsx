import { raw } from 'hono/html';
import { DataTableScroll } from '../components/data-table-scroll.js';
import { DASH, formatAmount, NOT_GIVEN } from '../format.js';
import { messages } from '../messages.js';
import { renderBarChartSvg } from './render-bar-chart-svg.js';

export type ChartFigureSeries = {
  name: string;
  values: (number | null)[];
  /** what the document printed where a value is null: `dash` (—), `blank` (empty) or the text itself */
  marks?: (string | null)[];
};

type ChartFigureProps = {
  /** unique in the page; prefixes the ids inside the SVG */
  id: string;
  caption: string;
  /** the chart in words: the SVG's <desc> */
  description: string;
  unit: string;
  categories: string[];
  series: ChartFigureSeries[];
  /** a sentence under the chart about a figure that is not a bar (e.g. the five-year total) */
  note?: string;
};

/** A bar chart (server SVG) followed by the same numbers as a table, in one captioned figure. */
export function ChartFigure(props: ChartFigureProps) {
  const { id, caption, unit, categories, series } = props;
  // nothing to draw (every value 「—」 or blank): a sentence says so instead of an empty frame
  const hasBars = series.some((s) => s.values.some((v) => v !== null));
  const svg = hasBars
    ? renderBarChartSvg({
        id,
        title: caption,
        description: props.description,
        categories: categories.map(toAxisLabel),
        series: series.map((s) => ({ name: s.name, values: s.values })),
        unit,
      })
    : null;
  return (
    <figure class="chart-figure" id={id}>
      <figcaption>{caption}</figcaption>
      {svg === null ? <p class="chart-empty">{messages.figures.noAmounts}</p> : <div class="chart">{raw(svg)}</div>}
      {props.note ? <p class="chart-note">{props.note}</p> : null}
      <p class="table-unit">{messages.unitLabel(unit)}</p>
      <DataTableScroll label={messages.chart.tableLabel(caption)}>
        <table>
          <caption class="visually-hidden">{messages.chart.tableCaption(caption, unit)}</caption>
          <thead>
            <tr>
              <th scope="col">{messages.chart.seriesHeader}</th>
              {categories.map((category) => (
                <th scope="col" class="num">
                  {category}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr>
                <th scope="row">{s.name}</th>
                {categories.map((_, index) => (
                  <td class="num">{formatChartCell(s.values[index] ?? null, s.marks?.[index] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </DataTableScroll>
    </figure>
  );
}

/** The axis keeps a label short: `2022年度（令和4年度）` → `2022年度`; the table below shows it whole. */
function toAxisLabel(category: string): string {
  return category.replace(/\s*（[^（）]*）$/, '') || category;
}

/** A value with separators; where there is none, the mark as the document printed it (blank: 「記載なし」). */
export function formatChartCell(value: number | null, mark: string | null): string {
  if (value !== null) return formatAmount(value);
  if (mark === 'dash') return DASH;
  if (mark === 'blank') return NOT_GIVEN;
  if (mark === null) return '';
  return mark;
}
