/**
 * The report's charts: server SVG (role="img" with a title and a description), each followed in the page by the
 * table of its figures. Paired horizontal bars, one row per group, scaled to the largest value.
 */

export type BarRow = { label: string; values: readonly number[] };

const COLOURS = ['#0031d8', '#7f8da8', '#c0392b', '#e6a700', '#1d7d3f'];
const ROW = 22;
const LABEL_WIDTH = 260;
const WIDTH = 640;

/** Grouped horizontal bars: one bar per series for each row (plan vs actual, or statuses). */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  series: readonly string[];
  rows: readonly BarRow[];
}) {
  const max = Math.max(1, ...props.rows.flatMap((r) => r.values));
  const barHeight = Math.max(4, Math.floor((ROW - 6) / props.series.length));
  const height = props.rows.length * ROW + 30;
  const scale = (WIDTH - LABEL_WIDTH - 20) / max;
  return (
    <svg
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      class="chart"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {props.series.map((name, s) => (
        <g>
          <rect x={LABEL_WIDTH + s * 110} y={4} width={10} height={10} fill={COLOURS[s % COLOURS.length]} />
          <text x={LABEL_WIDTH + s * 110 + 14} y={13} font-size="10">
            {name}
          </text>
        </g>
      ))}
      {props.rows.map((row, r) => (
        <g>
          <text x={LABEL_WIDTH - 6} y={30 + r * ROW + ROW / 2} font-size="10" text-anchor="end">
            {truncate(row.label, 24)}
          </text>
          {row.values.map((value, s) => (
            <rect
              x={LABEL_WIDTH}
              y={24 + r * ROW + s * barHeight}
              width={Math.max(0, value * scale)}
              height={barHeight - 1}
              fill={COLOURS[s % COLOURS.length]}
            />
          ))}
        </g>
      ))}
    </svg>
  );
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
