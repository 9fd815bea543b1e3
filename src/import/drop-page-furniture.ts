import { comparisonKey, isFootnoteLine, isPageNumber } from './normalize-text.js';
import { isNewLabel, parseRoleHeading, parseSectionHeading, stripHeadingMarks } from './parse-headings.js';
import { isMatrixHeader } from './parse-matrix.js';
import { isFieldLabel, isSheetStart } from './parse-project-sheet.js';
import { filledCells, type TextLine } from './split-lines.js';

/** A line that repeats this often, alone and not a heading, is a running header or footer. */
const RUNNING_REPEATS = 3;
/** Running headers are titles: shorter lines (`全市町村`, `（累計）`) repeat as data. */
const MIN_RUNNING_LENGTH = 8;
/** A preamble line repeated later is the document or chapter title. */
const TITLE = /ビジョン|計画|第\s*[0-9０-９一二三四五六七八九十]+\s*章/;

/**
 * The text of a line printed flush left with nothing else on it, else null. Page layout prints flush; an indented
 * lone cell is a table cell's continuation (a project number alone in the matrix, an indicator's `（累計）`).
 */
function flushLoneText(line: TextLine): string | null {
  const cells = filledCells(line);
  return cells.length === 1 && line.cells[0] !== '' ? stripHeadingMarks(cells[0] ?? '') : null;
}

/** Lines that carry meaning even when they repeat: headings, sheet labels, the 新規 label, footnotes. */
function isContentLine(text: string): boolean {
  return (
    isNewLabel(text) ||
    isFootnoteLine(text) ||
    isFieldLabel(text) ||
    parseSectionHeading(text) !== undefined ||
    parseRoleHeading(text) !== undefined
  );
}

/**
 * Removes what the PDF's page layout put between rows: page numbers (`12`, `- 12 -`, `12/40`, `P.12`) and running
 * headers or footers (the document or chapter title repeated, or its start, or a title-length line that recurs).
 * Only lines printed flush left alone count. The lines before the matrix and the sheets are kept whole: the title
 * is read there. Line numbers are kept.
 */
export function dropPageFurniture(lines: TextLine[]): TextLine[] {
  const bodyStart = lines.findIndex((l) => isMatrixHeader(l) || isSheetStart(l));
  if (bodyStart < 0) return lines;
  const titleKeys = lines.slice(0, bodyStart).flatMap((l) => {
    const text = flushLoneText(l);
    return text !== null && TITLE.test(text) ? [comparisonKey(text)] : [];
  });
  // a running header prints the title, or its start (the title without （変更案）, say)
  const isTitleRepeat = (key: string) =>
    key.length >= MIN_RUNNING_LENGTH && titleKeys.some((title) => title.startsWith(key));
  const repeats = new Map<string, number>();
  for (const line of lines.slice(bodyStart)) {
    const text = flushLoneText(line);
    if (text !== null && !isContentLine(text)) {
      const key = comparisonKey(text);
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
    }
  }
  const isFurniture = (line: TextLine): boolean => {
    const text = flushLoneText(line);
    if (text === null) return false;
    if (isPageNumber(text)) return true;
    if (isContentLine(text)) return false;
    const key = comparisonKey(text);
    return isTitleRepeat(key) || (key.length >= MIN_RUNNING_LENGTH && (repeats.get(key) ?? 0) >= RUNNING_REPEATS);
  };
  return [...lines.slice(0, bodyStart), ...lines.slice(bodyStart).filter((line) => !isFurniture(line))];
}
