import { comparisonKey, isFootnoteLine, isPageNumber } from './normalize-text.js';
import { isNewLabel, parseRoleHeading, parseSectionHeading, stripHeadingMarks } from './parse-headings.js';
import { isMatrixHeader } from './parse-matrix.js';
import { isSheetStart } from './parse-project-sheet.js';
import { filledCells, type TextLine } from './split-lines.js';

/** A line that repeats this often, alone and not a heading, is a running header or footer. */
const RUNNING_REPEATS = 3;
/** The shortest start of a title line that is taken for the title. */
const MIN_TITLE_PREFIX = 8;

/** The text of a line that holds one cell, else null. */
function loneText(line: TextLine): string | null {
  const cells = filledCells(line);
  return cells.length === 1 ? stripHeadingMarks(cells[0] ?? '') : null;
}

/** Lines that carry meaning even when they repeat: headings, the 新規 label, footnotes. */
function isContentLine(text: string): boolean {
  return (
    isNewLabel(text) ||
    isFootnoteLine(text) ||
    parseSectionHeading(text) !== undefined ||
    parseRoleHeading(text) !== undefined
  );
}

/**
 * Removes what the PDF's page layout put between rows: page numbers (`12`, `- 12 -`, `12/40`, `P.12`) and running
 * headers or footers (the document or chapter title repeated on every page, or any other lone line that recurs).
 * The lines before the matrix and the sheets are kept whole: the title is read there. Line numbers are kept.
 */
export function dropPageFurniture(lines: TextLine[]): TextLine[] {
  const bodyStart = lines.findIndex((l) => isMatrixHeader(l) || isSheetStart(l));
  if (bodyStart < 0) return lines;
  const preambleKeys = new Set(
    lines.slice(0, bodyStart).flatMap((l) => {
      const text = loneText(l);
      return text === null ? [] : [comparisonKey(text)];
    }),
  );
  // a running header prints the title, or its start (the title without （変更案）, say)
  const isTitleRepeat = (key: string) =>
    preambleKeys.has(key) || (key.length >= MIN_TITLE_PREFIX && [...preambleKeys].some((p) => p.startsWith(key)));
  const repeats = new Map<string, number>();
  for (const line of lines.slice(bodyStart)) {
    const text = loneText(line);
    if (text !== null && !isContentLine(text)) {
      const key = comparisonKey(text);
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
    }
  }
  const isFurniture = (line: TextLine): boolean => {
    const text = loneText(line);
    if (text === null) return false;
    if (isPageNumber(text)) return true;
    if (isContentLine(text)) return false;
    const key = comparisonKey(text);
    return isTitleRepeat(key) || (repeats.get(key) ?? 0) >= RUNNING_REPEATS;
  };
  return [...lines.slice(0, bodyStart), ...lines.slice(bodyStart).filter((line) => !isFurniture(line))];
}
