import { cleanText, stripTags, toHalfWidth } from './normalize-text.js';
import type { TextLine } from './split-lines.js';

/** A KPI row as printed: the three cells before any value is read, and the target year its table's header names. */
export type RawKpi = {
  indicator: string;
  baseline: string;
  target: string;
  targetYearText: string | null;
  line: number;
};

/** The KPI table header: where 指標, 現状値 and 目標値 stand, and the target fiscal year it names. */
export type KpiHeader = { columns: [number, number, number]; targetYearText: string | null; line: number };

const TARGET_YEAR = /目標値?\s*[（(]\s*([^）)]+?)\s*[)）]/;

/** Reads `成果指標 指標 現状値（調査時点） 目標値（2024年度）` when the line is the KPI table header. */
export function readKpiHeader(line: TextLine): KpiHeader | undefined {
  const keys = line.cells.map((c) => stripTags(c).replace(/\s+/g, ''));
  const indicator = keys.findIndex((c) => c === '指標' || c === '成果指標名' || c === 'KPI');
  const baseline = keys.findIndex((c) => c.startsWith('現状値') || c.startsWith('基準値'));
  const target = keys.findIndex((c) => c.startsWith('目標値') || /^目標(?:[（(]|$)/.test(c));
  if (baseline < 0 || target < 0) return undefined;
  const targetYearText = TARGET_YEAR.exec(toHalfWidth(keys[target] ?? ''))?.[1] ?? null;
  return { columns: [indicator < 0 ? 1 : indicator, baseline, target], targetYearText, line: line.no };
}

function columnOf(header: KpiHeader, cellIndex: number): 0 | 1 | 2 {
  const [, b, t] = header.columns;
  if (cellIndex >= t) return 2;
  if (cellIndex >= b) return 1;
  return 0;
}

/** A line under a KPI header; `header` is the table's header repeated after a page break, when it was. */
export type KpiRowLine = { line: TextLine; labelCells: number; header?: KpiHeader };

/** One KPI table of a sheet: its header (with its target year) and the lines under it. */
export type KpiTable = { header: KpiHeader; rows: KpiRowLine[] };

/**
 * Whether a KPI header met under a table starts a table of its own. The same target year (or none again) is the
 * header repeated after a page break: the rows go on. Another target year can only be another table.
 */
export function startsKpiTable(table: KpiTable, header: KpiHeader): boolean {
  return yearKey(table.header) !== yearKey(header);
}

const yearKey = (header: KpiHeader) => header.targetYearText?.replace(/\s+/g, '') ?? null;

/** The KPI tables of a sheet as its lines are read. */
export type KpiTables = {
  tables: KpiTable[];
  /** the KPI header last printed: its columns read the rows below it */
  columns: KpiHeader | null;
  /** KPI rows met before any KPI header (a label cell on the row above it) */
  leadingRows: KpiRowLine[];
};

export const emptyKpiTables = (): KpiTables => ({ tables: [], columns: null, leadingRows: [] });

/** What a header met under a table leaves open: the sheet reports it as an `ambiguous_layout` finding. */
export type KpiHeaderIssue = { code: 'ambiguous_layout'; line: number; excerpt: string; message: string };

/**
 * A KPI header line. The first opens the KPI table; a later one naming another target year opens a second table,
 * whose rows take its year; the same header again (repeated after a page break) only sets the columns. A later
 * header without a year may be either: its rows get no year of their own, and the issue says so.
 */
export function addKpiHeader(state: KpiTables, header: KpiHeader, line: TextLine): KpiHeaderIssue | null {
  state.columns = header;
  const table = state.tables.at(-1);
  if (!table) {
    state.tables.push({ header, rows: state.leadingRows });
    return null;
  }
  if (!startsKpiTable(table, header)) return null;
  state.tables.push({ header, rows: [] });
  const earlier = state.tables.find((t) => t.header.targetYearText !== null)?.header.targetYearText;
  if (header.targetYearText !== null || !earlier) return null;
  return {
    code: 'ambiguous_layout',
    line: line.no,
    excerpt: line.text.trim(),
    message: `成果指標の表の見出しに目標年度がありません。前の表（目標値（${earlier}））の見出しを改ページで繰り返したものか、目標年度のない別の表かが決まらないため、この見出しの下の指標の目標年度は空欄にしました（計画の目標年度で扱われます）`,
  };
}

/** A line of the KPI part: a row of the open table, read by the columns of the header last printed. */
export function addKpiRow(state: KpiTables, row: KpiRowLine): void {
  const table = state.tables.at(-1);
  if (!table) state.leadingRows.push(row);
  else if (state.columns === null || state.columns === table.header) table.rows.push(row);
  else table.rows.push({ ...row, header: state.columns });
}

/** Splits a KPI row into indicator, baseline and target, whatever the column shift. */
function splitRow(header: KpiHeader, line: TextLine, labelCells: number): [string, string, string] {
  const parts: [string[], string[], string[]] = [[], [], []];
  const filled = line.cells.map((c, i) => ({ c, i })).filter(({ c, i }) => c !== '' && i >= labelCells);
  if (filled.length === 3) {
    filled.forEach(({ c }, k) => {
      parts[k as 0 | 1 | 2].push(c);
    });
  } else {
    for (const { c, i } of filled) parts[columnOf(header, i)].push(c);
  }
  return [parts[0].join(' '), parts[1].join(' '), parts[2].join(' ')];
}

/**
 * Reads the KPI rows under a header. A row with only an indicator continues the previous indicator (the
 * PDF broke the cell over two lines); a row without indicator continues the previous row's other cells.
 */
export function readKpiRows(header: KpiHeader, rows: KpiRowLine[]): RawKpi[] {
  const kpis: RawKpi[] = [];
  for (const { line, labelCells, header: repeated } of rows) {
    const [indicator, baseline, target] = splitRow(repeated ?? header, line, labelCells);
    if (indicator === '' && baseline === '' && target === '') continue;
    const last = kpis[kpis.length - 1];
    const lastIsOpen = last !== undefined && last.baseline === '' && last.target === '';
    if (last && (lastIsOpen || indicator === '' || (baseline === '' && target === ''))) {
      last.indicator = cleanText(`${last.indicator} ${indicator}`);
      last.baseline = `${last.baseline} ${baseline}`.trim();
      last.target = `${last.target} ${target}`.trim();
      continue;
    }
    kpis.push({
      indicator: cleanText(indicator),
      baseline,
      target,
      targetYearText: header.targetYearText,
      line: line.no,
    });
  }
  return kpis;
}

/** Reads every KPI table of a sheet in order; each row keeps the target year of its own table. */
export function readKpiTables(tables: KpiTable[]): RawKpi[] {
  return tables.flatMap((t) => readKpiRows(t.header, t.rows));
}
