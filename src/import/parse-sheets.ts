import { cleanText, isFootnoteLine, isPageNumber } from './normalize-text.js';
import {
  type Heading,
  isNewLabel,
  parseRoleHeading,
  parseSectionHeading,
  stripHeadingMarks,
} from './parse-headings.js';
import type { Placement } from './parse-matrix.js';
import { isSheetStart, type ProjectSheet, parseProjectSheet } from './parse-project-sheet.js';
import { readChapterNumber } from './read-preamble.js';
import { filledCells, type TextLine } from './split-lines.js';

export type SheetHeading = Heading & { role: number | null; policyArea: number | null; line: number };

export type PlacedSheet = ProjectSheet & { placement: Placement; newLabelLine: number | null };

export type SheetPart = { sheets: PlacedSheet[]; headings: SheetHeading[] };

/**
 * A line that stands alone between sheets: a heading, the 新規 label, or an indented page number (flush ones are
 * already gone with the page furniture; in the sheets a lone number is never data).
 */
function readLoneLine(line: TextLine): Heading | 'new' | 'noise' | undefined {
  const cells = filledCells(line);
  if (cells.length !== 1) return undefined;
  const text = stripHeadingMarks(cells[0] ?? '');
  if (isNewLabel(text)) return 'new';
  if (isPageNumber(text)) return 'noise';
  // an indented cell is a continuation inside a sheet, never a heading
  if (line.cells[0] === '') return undefined;
  return parseSectionHeading(text) ?? parseRoleHeading(text);
}

/** Moves the heading path; a heading repeated with the number in force (a running page header) changes nothing. */
function applyHeading(placement: Placement, h: Heading): void {
  if (h.level === 'role' && placement.role === h.no) return;
  if (h.level === 'policyArea' && placement.policyArea === h.no) return;
  if (h.level === 'role') {
    placement.role = h.no;
    placement.policyArea = null;
    placement.subField = null;
  } else if (h.level === 'policyArea') {
    placement.policyArea = h.no;
    placement.subField = null;
  } else placement.subField = h.no;
}

/**
 * Reads the project sheets and the headings between them. A sheet runs from its 事業名 line to the next
 * sheet, heading or 新規 label; its placement is the heading path above it.
 */
export function parseSheets(
  lines: TextLine[],
  centralCityHint: string | null,
  chapter: number | null = null,
): SheetPart {
  const part: SheetPart = { sheets: [], headings: [] };
  const placement: Placement = { role: null, policyArea: null, subField: null };
  // a heading or 新規 label applies to the next sheet; the open sheet keeps its lines (a page header repeated
  // inside a sheet must not cut it)
  let pendingNewLabel: number | null = null;
  let current: { lines: TextLine[]; placement: Placement; newLabelLine: number | null } | undefined;
  let lastHeading: SheetHeading | undefined;
  let lastHeadingEnd = 0;
  const flush = () => {
    const sheet = current ? parseProjectSheet(current.lines, centralCityHint) : undefined;
    if (sheet && current)
      part.sheets.push({ ...sheet, placement: current.placement, newLabelLine: current.newLabelLine });
    current = undefined;
  };
  // after the projects' chapter (第5章, say) nothing belongs to a sheet until the next 事業名 line
  let afterChapter = false;
  for (const line of lines) {
    if (isSheetStart(line)) {
      afterChapter = false;
      flush();
      // a 新規 cell on the 事業名 line itself counts as the label
      const ownLabel = line.cells.some((c) => c !== '' && isNewLabel(c)) ? line.no : null;
      current = { lines: [line], placement: { ...placement }, newLabelLine: pendingNewLabel ?? ownLabel };
      pendingNewLabel = null;
      lastHeading = undefined;
      continue;
    }
    const cells = filledCells(line);
    const nextChapter = cells.length === 1 ? readChapterNumber(cells[0] ?? '') : null;
    if (nextChapter !== null && nextChapter !== chapter) {
      flush();
      afterChapter = true;
    }
    if (afterChapter) continue;
    const lone = readLoneLine(line);
    if (lone === 'noise') continue;
    if (lone === 'new') {
      pendingNewLabel = line.no;
      continue;
    }
    if (lone) {
      applyHeading(placement, lone);
      lastHeading = { ...lone, role: placement.role, policyArea: placement.policyArea, line: line.no };
      part.headings.push(lastHeading);
      lastHeadingEnd = line.no;
      continue;
    }
    if (
      lastHeading &&
      line.no === lastHeadingEnd + 1 &&
      cells.length === 1 &&
      line.cells[0] !== '' &&
      !isFootnoteLine(cells[0] ?? '')
    ) {
      // a heading printed over two lines
      lastHeading.title = cleanText(`${lastHeading.title}${cells[0]}`);
      lastHeadingEnd = line.no;
      continue;
    }
    current?.lines.push(line);
  }
  flush();
  return part;
}
