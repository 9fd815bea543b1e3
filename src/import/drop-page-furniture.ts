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
/** A bare number may be data in a table (a project number alone in the matrix); only flush left is it a page. */
const BARE_NUMBER = /^[0-9０-９]{1,3}$/;
/** A header or footer printed with the page number on the same line: `青森圏域…ビジョン　12`. */
const WITH_PAGE_NUMBER = /^(?:[0-9０-９]{1,3}[\s\u3000]+(.+)|(.+?)[\s\u3000]+[0-9０-９]{1,3})$/u;

/** The text of a line that holds one cell, or one cell beside a page number in a cell of its own; else null. */
function loneText(line: TextLine): string | null {
  const cells = filledCells(line);
  if (cells.length === 2) {
    const texts = cells.filter((c) => !isPageNumber(c));
    return texts.length === 1 ? stripHeadingMarks(texts[0] ?? '') : null;
  }
  return cells.length === 1 ? stripHeadingMarks(cells[0] ?? '') : null;
}

const isFlush = (line: TextLine) => line.cells[0] !== '';

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
 * Removes what the PDF's page layout put between rows: page numbers (`- 12 -`, `12/40`, `P.12`, or `12` printed
 * flush left) and running headers or footers (the document or chapter title repeated, or its start, also with the
 * page number beside it; or a title-length line printed flush left that recurs). The lines before the matrix and
 * the sheets are kept whole (the title is read there), and so is the line after a 事業名 line (its 関係市町村 value
 * may recur on every sheet). Line numbers are kept.
 */
export function dropPageFurniture(lines: TextLine[]): TextLine[] {
  const bodyStart = lines.findIndex((l) => isMatrixHeader(l) || isSheetStart(l));
  if (bodyStart < 0) return lines;
  const titleKeys = lines.slice(0, bodyStart).flatMap((l) => {
    const text = loneText(l);
    return text !== null && TITLE.test(text) ? [comparisonKey(text)] : [];
  });
  // a running header prints the title, or its start (the title without （変更案）, say)
  const isTitleRepeat = (text: string) => {
    const withoutPage = WITH_PAGE_NUMBER.exec(text);
    return [text, withoutPage?.[1] ?? withoutPage?.[2] ?? ''].some((t) => {
      const key = comparisonKey(t);
      return key.length >= MIN_RUNNING_LENGTH && titleKeys.some((title) => title.startsWith(key));
    });
  };
  const body = lines.slice(bodyStart);
  const afterSheetStart = new Set<TextLine>();
  let sheetJustStarted = false;
  for (const line of body) {
    if (filledCells(line).length === 0) continue;
    if (sheetJustStarted) afterSheetStart.add(line);
    sheetJustStarted = isSheetStart(line);
  }
  const isRepeatCandidate = (line: TextLine, text: string) =>
    isFlush(line) && !afterSheetStart.has(line) && !isContentLine(text);
  const repeats = new Map<string, number>();
  for (const line of body) {
    const text = loneText(line);
    if (text !== null && isRepeatCandidate(line, text)) {
      const key = comparisonKey(text);
      repeats.set(key, (repeats.get(key) ?? 0) + 1);
    }
  }
  const isFurniture = (line: TextLine): boolean => {
    const text = loneText(line);
    if (text === null) return false;
    if (isPageNumber(text)) return isFlush(line) || !BARE_NUMBER.test(text.trim());
    if (isContentLine(text)) return false;
    if (isTitleRepeat(text)) return true;
    const key = comparisonKey(text);
    return (
      isRepeatCandidate(line, text) && key.length >= MIN_RUNNING_LENGTH && (repeats.get(key) ?? 0) >= RUNNING_REPEATS
    );
  };
  return [...lines.slice(0, bodyStart), ...body.filter((line) => !isFurniture(line))];
}
