import type { Finding } from '../domain/vision.js';
import { comparisonKey, isFootnoteLine, isPageNumber } from './normalize-text.js';
import { isNewLabel, parseRoleHeading, parseSectionHeading, stripHeadingMarks } from './parse-headings.js';
import { isMatrixHeader } from './parse-matrix.js';
import { isFieldLabel, isSheetStart } from './parse-project-sheet.js';
import { readPreamble } from './read-preamble.js';
import { filledCells, type TextLine } from './split-lines.js';

/** A line that repeats this often, alone and not a heading, is a running header or footer. */
const RUNNING_REPEATS = 3;
/** Running headers are titles: shorter lines (`全市町村`, `（累計）`) repeat as data. */
const MIN_RUNNING_LENGTH = 8;
/** A preamble line repeated later is the document or chapter title. */
const TITLE = /ビジョン|計画|第\s*[0-9０-９一二三四五六七八九十]+\s*章/;
/** A bare number may be data in a table (a project number alone in the matrix); only flush left is it a page. */
const BARE_NUMBER = /^[0-9０-９]{1,3}$/;
/** The 圏域's name at the start of a title: `青森圏域` in `青森圏域連携中枢都市圏ビジョン`. */
const AREA_IN_TITLE = /^(.{2,}?)(?:連携中枢都市圏|定住自立圏|(?:共生)?ビジョン)/u;

/**
 * The text of a header or footer printed with the page number on the same line (`青森圏域…ビジョン　12`,
 * `12 青森圏域`, `第4章 - 12 -`): the text without the page number, else null.
 */
function withoutPageNumber(text: string): string | null {
  if (isPageNumber(text)) return null;
  const gaps = [...text.matchAll(/[\s\u3000]+/gu)];
  for (const gap of gaps) {
    const before = text.slice(0, gap.index).trim();
    const after = text.slice((gap.index ?? 0) + gap[0].length).trim();
    if (before === '' || after === '') continue;
    if (isPageNumber(after) && !isPageNumber(before)) return before;
    if (isPageNumber(before) && !isPageNumber(after)) return after;
  }
  return null;
}

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

/** The lines of the body, page layout removed, and findings on lines that may be page layout but were kept. */
export type PageFurniture = { lines: TextLine[]; findings: Finding[] };

/** Keys of the preamble's title lines (the document title, the chapter line). */
function titleKeysOf(preamble: TextLine[]): string[] {
  return preamble.flatMap((l) => {
    const text = loneText(l);
    return text !== null && TITLE.test(text) ? [comparisonKey(text)] : [];
  });
}

/**
 * Short parts of the title that a running header or footer prints alone: the 圏域's name as the importer reads it
 * from the title (`青森圏域`) and the chapter label (`第4章`). No real row of a sheet or of the matrix is either.
 */
function shortTitleKeysOf(preamble: TextLine[]): Set<string> {
  const { title, areaName, chapter } = readPreamble(preamble);
  const keys = new Set<string>();
  const area = comparisonKey(areaName);
  if (area.length >= 2 && area !== comparisonKey(title) && AREA_IN_TITLE.test(comparisonKey(title))) keys.add(area);
  if (chapter !== null) keys.add(`第${chapter}章`);
  return keys;
}

/** The text a running line repeats: without the page number beside it. */
const repeatedKeyOf = (text: string) => comparisonKey(withoutPageNumber(text) ?? text);

/** Lines after a 事業名 line: its 関係市町村 value may recur on every sheet and is never page layout. */
function linesAfterSheetStart(body: TextLine[]): Set<TextLine> {
  const after = new Set<TextLine>();
  let sheetJustStarted = false;
  for (const line of body) {
    if (filledCells(line).length === 0) continue;
    if (sheetJustStarted) after.add(line);
    sheetJustStarted = isSheetStart(line);
  }
  return after;
}

/**
 * Removes what the PDF's page layout put between rows: page numbers (`- 12 -`, `12/40`, `P.12`, or `12` printed
 * flush left) and running headers or footers (the document or chapter title repeated, or its start, also with the
 * page number beside it; a title-length line printed flush left that recurs; the 圏域's name or the chapter label
 * beside a page number, or alone printed flush left on three pages). The lines before the matrix and the sheets are
 * kept whole (the title is read there), and so is the line after a 事業名 line (its 関係市町村 value may recur on
 * every sheet). Line numbers are kept. A line that may be a running header or footer but for which no rule is sure
 * (shorter than a title, or on fewer than three pages, or inside a table) is kept, with an `ambiguous_layout`
 * finding that names where it stands.
 */
export function readPageFurniture(lines: TextLine[]): PageFurniture {
  const bodyStart = lines.findIndex((l) => isMatrixHeader(l) || isSheetStart(l));
  if (bodyStart < 0) return { lines, findings: [] };
  const preamble = lines.slice(0, bodyStart);
  const titleKeys = titleKeysOf(preamble);
  const shortKeys = shortTitleKeysOf(preamble);
  // a running header prints the title, or its start (the title without （変更案）, say)
  const isTitleRepeat = (text: string) =>
    [text, withoutPageNumber(text) ?? ''].some((t) => {
      const key = comparisonKey(t);
      return key.length >= MIN_RUNNING_LENGTH && titleKeys.some((title) => title.startsWith(key));
    });
  const body = lines.slice(bodyStart);
  const afterSheetStart = linesAfterSheetStart(body);
  const isRepeatCandidate = (line: TextLine, text: string) =>
    isFlush(line) && !afterSheetStart.has(line) && !isContentLine(text);
  const repeats = new Map<string, number>();
  const shortRepeats = new Map<string, number>();
  for (const line of body) {
    const text = loneText(line);
    if (text === null || afterSheetStart.has(line)) continue;
    const key = comparisonKey(text);
    if (isRepeatCandidate(line, text)) repeats.set(key, (repeats.get(key) ?? 0) + 1);
    const short = repeatedKeyOf(text);
    if (shortKeys.has(short)) shortRepeats.set(short, (shortRepeats.get(short) ?? 0) + 1);
  }
  // the 圏域's name or the chapter label beside a page number is a page's header or footer, on any page (and no
  // role heading: `12 青森圏域`); alone, it is one when printed flush left on three pages
  const isShortTitleRepeat = (line: TextLine, text: string) => {
    const key = repeatedKeyOf(text);
    if (!shortKeys.has(key) || afterSheetStart.has(line)) return false;
    const besidePageNumber = withoutPageNumber(text) !== null || filledCells(line).length === 2;
    return besidePageNumber || (isFlush(line) && (shortRepeats.get(key) ?? 0) >= RUNNING_REPEATS);
  };
  const isFurniture = (line: TextLine): boolean => {
    const text = loneText(line);
    if (text === null) return false;
    if (isPageNumber(text)) return isFlush(line) || !BARE_NUMBER.test(text.trim());
    if (isShortTitleRepeat(line, text)) return true;
    if (isContentLine(text)) return false;
    if (isTitleRepeat(text)) return true;
    const key = comparisonKey(text);
    return (
      isRepeatCandidate(line, text) && key.length >= MIN_RUNNING_LENGTH && (repeats.get(key) ?? 0) >= RUNNING_REPEATS
    );
  };
  const kept = body.filter((line) => !isFurniture(line));
  const suspect = (line: TextLine, text: string) =>
    !afterSheetStart.has(line) &&
    (shortKeys.has(repeatedKeyOf(text)) || (isRepeatCandidate(line, text) && !isPageNumber(text)));
  return {
    lines: [...preamble, ...kept],
    findings: findKeptFurniture(kept, suspect, shortRepeats),
  };
}

/** The body lines without page layout (see `readPageFurniture`, which also reports what it was unsure of). */
export function dropPageFurniture(lines: TextLine[]): TextLine[] {
  return readPageFurniture(lines).lines;
}

/**
 * One finding per text that looks like a running header or footer but was kept: the 圏域's name or the chapter
 * label (on fewer than three pages, or inside a table), or a lone flush-left line printed more than once (too short
 * or too rare for a sure rule: `全市町村`, `（累計）` recur as data).
 */
function findKeptFurniture(
  kept: TextLine[],
  suspect: (line: TextLine, text: string) => boolean,
  shortRepeats: ReadonlyMap<string, number>,
): Finding[] {
  const groups = new Map<string, { text: string; lines: number[] }>();
  for (const line of kept) {
    const text = loneText(line);
    if (text === null || !suspect(line, text)) continue;
    const key = repeatedKeyOf(text);
    const group = groups.get(key) ?? { text, lines: [] };
    group.lines.push(line.no);
    groups.set(key, group);
  }
  return [...groups.entries()].flatMap(([key, { text, lines }]): Finding[] => {
    const shortCount = shortRepeats.get(key);
    const isShort = shortCount !== undefined;
    if (!isShort && lines.length < 2) return [];
    const where = `${lines.length}か所（${lines.map((no) => `${no}行`).join('、')}）`;
    const why = isShort
      ? `圏域名または章の見出しで、ページのヘッダー・フッターと見られますが、${shortCount < RUNNING_REPEATS ? `${RUNNING_REPEATS}ページ以上には出ていない` : '表の欄の中にある'}ため`
      : 'ページのヘッダー・フッターかもしれませんが、短い行や数ページだけの行はデータのこともあるため';
    return [
      {
        severity: 'warning',
        code: 'ambiguous_layout',
        project: null,
        line: lines[0] ?? null,
        excerpt: text,
        message: `「${text}」が本文の間に${where}あります。${why}、本文として読みました（前後の欄に付いていないか確認してください）`,
      },
    ];
  });
}
