import { cleanText, stripTags, toHalfWidth } from './normalize-text.js';
import type { TextLine } from './split-lines.js';

/** A KPI row as printed: the three cells before any value is read. */
export type RawKpi = { indicator: string; baseline: string; target: string; line: number };

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
export function readKpiRows(header: KpiHeader, rows: { line: TextLine; labelCells: number }[]): RawKpi[] {
  const kpis: RawKpi[] = [];
  for (const { line, labelCells } of rows) {
    const [indicator, baseline, target] = splitRow(header, line, labelCells);
    if (indicator === '' && baseline === '' && target === '') continue;
    const last = kpis[kpis.length - 1];
    const lastIsOpen = last !== undefined && last.baseline === '' && last.target === '';
    if (last && (lastIsOpen || indicator === '' || (baseline === '' && target === ''))) {
      last.indicator = cleanText(`${last.indicator} ${indicator}`);
      last.baseline = `${last.baseline} ${baseline}`.trim();
      last.target = `${last.target} ${target}`.trim();
      continue;
    }
    kpis.push({ indicator: cleanText(indicator), baseline, target, line: line.no });
  }
  return kpis;
}
