/**
 * Builds a larger document of the same format from a seed document: every matrix row and every project
 * sheet is repeated `factor` times in place, with the projects renumbered 1..N×factor in document order.
 * Declared counts (`（17事業）`) are multiplied too, and `NO.4に統合` points at the matching copy, so the
 * synthetic document should parse to `factor` times the projects with the same findings per project.
 */

const SHEET_START = /^事業名\t\s*(\d+)\s*\t/;
const NEW_LABEL = /^新規\s*$/;
/** Row labels of a project sheet; footnotes (※, *, \*) also stay with the sheet above them. */
const SHEET_ROW = /^(\t|内容|連携効果|事業費見込額|連携市町村|成果指標|事業名|※|\*|\\\*|\s*$)/;
const DECLARED_COUNT = /([（(]\s*)(\d+)(\s*事業\s*[）)])/g;
const MERGED_INTO = /(NO\.\s*)(\d+)/gi;

type Renumber = (original: number, copy: number) => number;

export function buildSyntheticDocument(seed: string, factor: number): string {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a positive integer: ${factor}`);
  const lines = seed.split('\n');
  const firstSheet = lines.findIndex((line) => SHEET_START.test(line));
  if (firstSheet < 0) throw new Error('the seed has no project sheet (事業名 line)');
  const order = projectOrder(lines.slice(firstSheet));
  const renumber: Renumber = (original, copy) => {
    const index = order.get(original);
    return index === undefined ? original : index * factor + copy + 1;
  };
  const matrix = lines.slice(0, firstSheet).flatMap((line) => repeatMatrixRow(line, factor, renumber));
  return [...matrix, ...repeatSheets(lines.slice(firstSheet), factor, renumber)].join('\n');
}

/** Position of each project number in the order its sheets appear. */
function projectOrder(sheetLines: string[]): Map<number, number> {
  const order = new Map<number, number>();
  for (const line of sheetLines) {
    const number = SHEET_START.exec(line)?.[1];
    if (number !== undefined && !order.has(Number(number))) order.set(Number(number), order.size);
  }
  return order;
}

/** A matrix row (it has ○ cells): the first copy keeps its heading cells, later copies leave them empty. */
function repeatMatrixRow(line: string, factor: number, renumber: Renumber): string[] {
  const cells = line.split('\t');
  const marks = cells.findIndex((cell) => cell.trim() === '○');
  if (marks < 0) return [line];
  let nameAt = marks - 1;
  while (nameAt >= 0 && (cells[nameAt] ?? '').trim() === '') nameAt--;
  const numberAlone = /^\d+$/.test((cells[nameAt - 1] ?? '').trim());
  const numberAt = numberAlone ? nameAt - 1 : nameAt;
  const numberCell = cells[numberAt] ?? '';
  const original = Number(/(\d+)/.exec(numberCell)?.[1]);
  if (!Number.isFinite(original)) return [line];
  const scaled = cells.map((cell, i) => (i < numberAt ? scaleCounts(cell, factor) : cell));
  return Array.from({ length: factor }, (_, copy) =>
    scaled
      .map((cell, i) => {
        if (i === numberAt) return numberCell.replace(/\d+/, String(renumber(original, copy)));
        return i < numberAt && copy > 0 ? '' : cell;
      })
      .join('\t'),
  );
}

function scaleCounts(cell: string, factor: number): string {
  return cell.replace(DECLARED_COUNT, (_, open: string, count: string, close: string) => {
    return `${open}${Number(count) * factor}${close}`;
  });
}

/** Each sheet (with its 新規 label, footnotes and trailing blank lines) is emitted `factor` times. */
function repeatSheets(lines: string[], factor: number, renumber: Renumber): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = sheetStartAt(lines, i);
    if (start === undefined) {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    let end = start.sheetLine + 1;
    while (end < lines.length && isInsideSheet(lines, end)) end++;
    const block = lines.slice(i, end);
    for (let copy = 0; copy < factor; copy++) out.push(...block.map((line) => renumberSheetLine(line, copy, renumber)));
    i = end;
  }
  return out;
}

/** Whether a sheet (possibly after a 新規 label and blank lines) starts at line `i`. */
function sheetStartAt(lines: string[], i: number): { sheetLine: number } | undefined {
  const line = lines[i] ?? '';
  if (SHEET_START.test(line)) return { sheetLine: i };
  if (!NEW_LABEL.test(line)) return undefined;
  let next = i + 1;
  while (next < lines.length && (lines[next] ?? '').trim() === '') next++;
  return SHEET_START.test(lines[next] ?? '') ? { sheetLine: next } : undefined;
}

function isInsideSheet(lines: string[], i: number): boolean {
  const line = lines[i] ?? '';
  return !SHEET_START.test(line) && sheetStartAt(lines, i) === undefined && SHEET_ROW.test(line);
}

function renumberSheetLine(line: string, copy: number, renumber: Renumber): string {
  const sheet = SHEET_START.exec(line);
  if (sheet?.[1] !== undefined) return line.replace(/\d+/, String(renumber(Number(sheet[1]), copy)));
  return line.replace(MERGED_INTO, (_, prefix: string, n: string) => `${prefix}${renumber(Number(n), copy)}`);
}
