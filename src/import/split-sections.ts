import {
  hasDeclaredCount,
  isNewLabel,
  parseRoleHeading,
  parseSectionHeading,
  stripHeadingMarks,
} from './parse-headings.js';
import { isMatrixHeader } from './parse-matrix.js';
import { isSheetStart } from './parse-project-sheet.js';
import { filledCells, type TextLine } from './split-lines.js';

/** The parts of the chapter: the lines before the matrix, the matrix rows, and the sheets with their headings. */
export type Sections = { preamble: TextLine[]; matrix: TextLine[]; sheets: TextLine[] };

/** A heading of the sheet part: one cell on its own line, without the 事業数 that matrix headings carry. */
function isSheetHeading(line: TextLine): boolean {
  const cells = filledCells(line);
  if (cells.length !== 1 || line.cells[0] === '') return false;
  const text = stripHeadingMarks(cells[0] ?? '');
  if (isNewLabel(text)) return true;
  if (hasDeclaredCount(text)) return false;
  return parseSectionHeading(text) !== undefined || parseRoleHeading(text) !== undefined;
}

/**
 * Splits the document into preamble, matrix and sheets. A matrix may be printed in several pieces (one per
 * role, say) between the sheets: every piece is kept, in order.
 */
export function splitSections(lines: TextLine[]): Sections {
  const sections: Sections = { preamble: [], matrix: [], sheets: [] };
  let state: 'preamble' | 'matrix' | 'sheets' = 'preamble';
  // without a matrix, the first heading already belongs to the sheets
  const headingsEndPreamble = !lines.some(isMatrixHeader);
  for (const line of lines) {
    if (isMatrixHeader(line)) state = 'matrix';
    else if (isSheetStart(line)) state = 'sheets';
    else if ((state !== 'preamble' || headingsEndPreamble) && isSheetHeading(line)) state = 'sheets';
    sections[state].push(line);
  }
  return sections;
}
