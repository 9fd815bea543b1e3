import { isHorizontal, isVertical, type PageGeometry, type Segment, type TextRun } from './page-geometry.js';
import { joinWrappedLines, type SourceLine } from './source-lines.js';

/**
 * Rebuilds the rows and cells of a PDF page from positions and ruling lines: a band between two horizontal rules
 * that vertical rules cross is a table row, each gap between those verticals a cell (empty or not); text outside
 * any row is read line by line. Underlines (a short rule just under a baseline) become `<u>…</u>`, as the text
 * extractions the importer was built on print them.
 */
export function rebuildPageLines(geometry: PageGeometry): SourceLine[] {
  // pdf.js gives the spaces it finds (space characters and wide gaps) as runs of their own: they are kept
  const runs = geometry.runs;
  const glyphs = runs.filter((r) => r.text.trim() !== '');
  const underlines = geometry.segments.filter((s) => isHorizontal(s) && underlinedRuns(s, glyphs).length > 0);
  const rules = geometry.segments.filter((s) => !underlines.includes(s) && length(s) > 3);
  const underlined = new Set(underlines.flatMap((s) => underlinedRuns(s, glyphs)));
  const rows = findRows(rules);
  const free: TextRun[] = [];
  const cellRuns = rows.map((row) => row.xs.slice(1).map(() => [] as TextRun[]));
  for (const run of runs) {
    const middle = run.y + 0.35 * run.size;
    const centre = run.x + run.width / 2;
    const r = rows.findIndex((row) => row.bottom <= middle && middle <= row.top && inside(row.xs, centre));
    if (r < 0) free.push(run);
    else cellRuns[r]?.[cellIndex(rows[r]?.xs ?? [], centre)]?.push(run);
  }
  const context = { underlined, wordBreak: !geometry.spacesDrawn };
  const items = [...rowItems(rows, cellRuns, context), ...paragraphItems(free, underlined)];
  items.sort((a, b) => b.top - a.top);
  const lines = orderLines(items, geometry.page, context.wordBreak);
  // a blank paragraph that a page break carried to the top of this page leaves the page's first line lower
  const first = items[0];
  if (first && geometry.textTop !== undefined && geometry.textTop - first.top > gapForBlankLine(first, first)) {
    lines.unshift({ cells: [''], page: geometry.page });
  }
  return lines;
}

/** The top of a page's first line or row: the highest of these over a document is where its text area starts. */
export function pageTextTop(geometry: Pick<PageGeometry, 'runs' | 'segments'>): number {
  // a loop, not Math.max(...tops): spreading a page's thousand values as arguments was 5 % of rebuilding it
  let top = Number.NEGATIVE_INFINITY;
  for (const r of geometry.runs) if (r.text.trim() !== '') top = Math.max(top, r.y + 0.9 * r.size);
  for (const s of geometry.segments) if (isHorizontal(s)) top = Math.max(top, s.y1);
  return top;
}

type Context = { underlined: ReadonlySet<TextRun>; wordBreak: boolean };

/** `right` is null for a table row; `size` is the largest font size on the item. */
type Item = { top: number; bottom: number; cells: string[]; right: number | null; size: number };

function rowItems(rows: readonly Row[], cellRuns: readonly TextRun[][][], context: Context): Item[] {
  const items: Item[] = [];
  rows.forEach((row, r) => {
    const cells = (cellRuns[r] ?? []).map((cell) =>
      joinWrappedLines(visualLines(cell, context.underlined).map((text) => ({ text, wordBreak: context.wordBreak }))),
    );
    const size = Math.max(0, ...(cellRuns[r] ?? []).flat().map((run) => run.size));
    if (cells.some((c) => c !== '')) items.push({ top: row.top, bottom: row.bottom, cells, right: null, size });
  });
  return items;
}

function paragraphItems(free: readonly TextRun[], underlined: ReadonlySet<TextRun>): Item[] {
  const items: Item[] = [];
  for (const line of groupLines(free)) {
    const glyphs = line.filter((r) => r.text.trim() !== '');
    if (glyphs.length === 0) continue;
    const size = Math.max(...line.map((r) => r.size));
    const y = Math.min(...line.map((r) => r.y));
    const right = Math.max(...glyphs.map((r) => r.x + r.width));
    const cells = cellsOf(lineText(line, underlined, true));
    items.push({ top: y + 0.9 * size, bottom: y - 0.25 * size, cells, right, size });
  }
  return items;
}

/** Items top to bottom as lines: a blank line where the source had one, wrapped paragraph lines joined. */
function orderLines(items: readonly Item[], page: number, wordBreak: boolean): SourceLine[] {
  const margin = Math.max(...items.map((i) => i.right ?? Number.NEGATIVE_INFINITY));
  const lines: SourceLine[] = [];
  items.forEach((item, i) => {
    const previous = items[i - 1];
    const last = lines.at(-1);
    const blank = previous !== undefined && previous.bottom - item.top > gapForBlankLine(previous, item);
    if (!blank && last && previous && wrapsInto(previous, item, margin)) {
      last.cells = [joinWrappedLines([{ text: last.cells.join(' '), wordBreak }, item.cells.join(' ')])];
      return;
    }
    if (blank) lines.push({ cells: [''], page });
    lines.push({ cells: item.cells, page });
  });
  return lines;
}

/**
 * A paragraph line that runs to the right margin and is followed, without a blank, by another paragraph line
 * continues there (a line Word or the browser broke); a single-cell line only, since a tabbed line is a row.
 */
function wrapsInto(previous: Item, item: Item, margin: number): boolean {
  if (previous.right === null || item.right === null) return false;
  if (previous.cells.length !== 1 || item.cells.length !== 1) return false;
  return previous.right >= margin - 1.2 * previous.size;
}

type Row = { top: number; bottom: number; xs: number[] };

function length(s: Segment): number {
  return s.x2 - s.x1 + (s.y2 - s.y1);
}

/** A blank line in the source leaves about a line of empty space; rows and consecutive lines leave far less. */
function gapForBlankLine(previous: Item, item: Item): number {
  return 0.8 * Math.max(previous.size, item.size, 4);
}

/**
 * The runs a horizontal stroke underlines: it lies just below their baseline, under most of their width, and is
 * not much longer than the text on that baseline above it (a table rule under a cell's last line spans the row).
 */
function underlinedRuns(s: Segment, runs: readonly TextRun[]): TextRun[] {
  const above = runs.filter((r) => {
    const below = r.y - s.y1;
    if (below <= 0 || below > 0.3 * r.size) return false;
    const overlap = Math.min(s.x2, r.x + r.width) - Math.max(s.x1, r.x);
    return overlap >= 0.6 * Math.min(r.width, s.x2 - s.x1);
  });
  const textWidth = above.reduce((sum, r) => sum + r.width, 0);
  const size = Math.max(0, ...above.map((r) => r.size));
  return s.x2 - s.x1 <= 1.5 * textWidth + size ? above : [];
}

/** Values within `tolerance` of each other merged into one (sorted ascending). */
function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last === undefined || v - last > tolerance) out.push(v);
  }
  return out;
}

function findRows(rules: readonly Segment[]): Row[] {
  const ys = cluster(
    rules.filter(isHorizontal).map((s) => s.y1),
    1.5,
  ).reverse();
  const verticals = rules.filter(isVertical);
  const rows: Row[] = [];
  for (let i = 1; i < ys.length; i++) {
    const top = ys[i - 1] as number;
    const bottom = ys[i] as number;
    if (top - bottom < 3) continue;
    const crossing = verticals.filter((v) => v.y1 <= bottom + 1.5 && v.y2 >= top - 1.5).map((v) => v.x1);
    const xs = cluster(crossing, 1.5);
    if (xs.length >= 2) rows.push({ top, bottom, xs });
  }
  return rows;
}

function inside(xs: readonly number[], x: number): boolean {
  return x > (xs[0] ?? Number.POSITIVE_INFINITY) && x < (xs.at(-1) ?? Number.NEGATIVE_INFINITY);
}

function cellIndex(xs: readonly number[], x: number): number {
  let i = 0;
  while (i < xs.length - 2 && x > (xs[i + 1] as number)) i++;
  return i;
}

/** Runs on one baseline (within half an em: a superscript stays on its line), top to bottom. */
function groupLines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) <= 0.5 * Math.max(first.size, run.size)) line.push(run);
    else lines.push([run]);
  }
  return lines;
}

function visualLines(runs: readonly TextRun[], underlined: ReadonlySet<TextRun>): string[] {
  return groupLines(runs).map((line) => lineText(line, underlined, false));
}

/**
 * The text of one visual line: runs left to right, a space where they stand apart (a word space), a tab where the
 * gap is wide (a tab stop outside a table), underlined runs wrapped in `<u>`.
 */
function lineText(line: readonly TextRun[], underlined: ReadonlySet<TextRun>, tabs: boolean): string {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  let out = '';
  let end = Number.NEGATIVE_INFINITY;
  let open = false;
  for (const [i, run] of sorted.entries()) {
    if (isAutospace(run, out, sorted[i + 1])) continue;
    if (run.text.trim() === '') {
      const wide = Math.max(run.width, run.x - end) > 1.5 * run.size;
      if (tabs && wide) {
        out += open ? '</u>\t' : '\t';
        open = false;
      } else if (out !== '') out += ' ';
      end = Math.max(end, run.x + run.width);
      continue;
    }
    if (out !== '' && tabs && run.x - end > 1.5 * run.size) {
      out += open ? '</u>\t' : '\t';
      open = false;
    }
    const u = underlined.has(run);
    if (u && !open) out += '<u>';
    if (!u && open) out += '</u>';
    open = u;
    out += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return open ? `${out}</u>` : out;
}

const SOLID_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆〇\u3000-\u303F\uFF01-\uFFEF]/u;

/**
 * The narrow gap a layout puts between Japanese and Latin text (autospace) is no character of the text: a space
 * pdf.js made up, under half an em, with a Japanese character on one side and a Latin one on the other.
 */
function isAutospace(run: TextRun, before: string, next: TextRun | undefined): boolean {
  if (!run.synthetic || run.width >= 0.5 * run.size || next === undefined) return false;
  const left = before.replace(/<\/?u>/g, '').at(-1) ?? '';
  const right = next.text[0] ?? '';
  if (left === '' || right.trim() === '') return false;
  return SOLID_CHAR.test(left) !== SOLID_CHAR.test(right);
}

function cellsOf(text: string): string[] {
  return text.split('\t').map((c) => c.trim());
}

/** Lines of every page, in order. */
export function rebuildDocumentLines(pages: readonly PageGeometry[]): SourceLine[] {
  return pages.flatMap(rebuildPageLines);
}
