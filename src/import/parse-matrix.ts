import { canonicalMunicipalityName } from '../domain/known-municipalities.js';
import { cleanText, comparisonKey, toHalfWidth } from './normalize-text.js';
import { type Heading, hasDeclaredCount, parseRoleHeading, parseSectionHeading } from './parse-headings.js';
import type { TextLine } from './split-lines.js';

/** Where a row sits in the matrix: role → policy area → optional sub-field, by the numbers printed. */
export type Placement = { role: number | null; policyArea: number | null; subField: number | null };

/** One project row of the overview matrix (連携協約項目 × 連携町村). */
export type MatrixRow = {
  number: number;
  name: string;
  underlined: boolean;
  placement: Placement;
  /** ways to read the ○ cells, best first: each a list of partner indexes (columns shift in extractions) */
  markReadings: number[][];
  line: number;
};

export type MatrixHeading = Heading & { role: number | null; policyArea: number | null; line: number };

export type Matrix = {
  partners: string[];
  rows: MatrixRow[];
  headings: MatrixHeading[];
  headerLines: number[];
};

const MARK = /^[○〇◯●◎]$/;
const HEADER_LABEL = /連携|協約|役割|施策|事業|項目|番号|^No\.?$|^NO\.?$/i;
const NUMBER_ONLY = /^[0-9０-９]{1,4}$/;
const NUMBER_AND_NAME = /^([0-9０-９]{1,4})[\s.．]+(\S.*)$/;

/** A matrix header line: it names columns (役割, 連携施策, 事業名, the partner towns). */
export function isMatrixHeader(line: TextLine): boolean {
  return line.cells.some((c) => c === '役割' || c === '連携協約項目' || c === '連携施策');
}

function headerPartners(line: TextLine): { names: string[]; firstColumn: number } {
  const names: string[] = [];
  let firstColumn = -1;
  line.cells.forEach((cell, i) => {
    if (cell === '' || HEADER_LABEL.test(cell)) return;
    if (firstColumn < 0) firstColumn = i;
    const name = cleanText(cell);
    // 外ケ浜町 as the press writes it is stored as the official 外ヶ浜町 (DESIGN.md §7)
    names.push(canonicalMunicipalityName(name) ?? name);
  });
  return { names, firstColumn };
}

/** Maps a header cell such as 「外ヶ浜」 to its index in the partner list of the first header (「外ヶ浜町」). */
function canonicalPartnerIndex(partners: string[], name: string): number {
  const key = comparisonKey(name);
  const exact = partners.findIndex((p) => comparisonKey(p) === key);
  if (exact >= 0) return exact;
  return partners.findIndex((p) => comparisonKey(p).startsWith(key) || key.startsWith(comparisonKey(p)));
}

/** The partner-column windows of the cells after the name that hold every ○, header-aligned first. */
function readMarks(cells: string[], nameIndex: number, partnerCount: number, headerColumn: number): number[][] {
  const after = cells.slice(nameIndex + 1);
  const marked = after.flatMap((c, i) => (MARK.test(c) ? [i] : []));
  if (marked.length === 0) return [[]];
  const lastOffset = Math.max(0, after.length - partnerCount);
  const windows: number[] = [];
  for (let o = 0; o <= lastOffset; o++) {
    if (marked.every((i) => i >= o && i < o + partnerCount)) windows.push(o);
  }
  if (windows.length === 0) return [marked.slice(0, partnerCount).map((_, k) => k)];
  const aligned = headerColumn - (nameIndex + 1);
  windows.sort((a, b) => Number(b === aligned) - Number(a === aligned) || a - b);
  return windows.map((o) => marked.map((i) => i - o));
}

type RowCells = { headings: Heading[]; number: number | null; nameIndex: number; name: string | null };

/** Finds the heading cells, the project number and the name cell of a matrix row. */
function readRowCells(cells: string[]): RowCells {
  const firstMark = cells.findIndex((c) => MARK.test(c));
  const end = firstMark < 0 ? cells.length : firstMark;
  let nameIndex = -1;
  for (let i = end - 1; i >= 0; i--) {
    if (cells[i] !== '') {
      nameIndex = i;
      break;
    }
  }
  const result: RowCells = { headings: [], number: null, nameIndex, name: null };
  if (nameIndex < 0) return result;
  const nameCell = cells[nameIndex] ?? '';
  let headingEnd = nameIndex;
  const combined = NUMBER_AND_NAME.exec(nameCell);
  // a lone `2 高次の…` cell in the first column of a row without ○ is a role heading, not a project
  const section =
    parseSectionHeading(nameCell) ?? (firstMark < 0 && nameIndex === 0 ? parseRoleHeading(nameCell) : undefined);
  if (NUMBER_ONLY.test(nameCell)) {
    result.number = Number(toHalfWidth(nameCell));
  } else if (combined && !hasDeclaredCount(nameCell) && !section) {
    result.number = Number(toHalfWidth(combined[1] ?? ''));
    result.name = combined[2] ?? '';
  } else if (!section && !hasDeclaredCount(nameCell)) {
    result.name = nameCell;
    for (let i = nameIndex - 1; i >= 0; i--) {
      if (cells[i] === '') continue;
      if (NUMBER_ONLY.test(cells[i] ?? '')) {
        result.number = Number(toHalfWidth(cells[i] ?? ''));
        headingEnd = i;
      }
      break;
    }
  } else {
    headingEnd = nameIndex + 1;
    result.nameIndex = -1;
  }
  for (const cell of cells.slice(0, headingEnd)) {
    if (cell === '') continue;
    const heading = parseSectionHeading(cell) ?? parseRoleHeading(cell);
    if (heading) result.headings.push(heading);
  }
  return result;
}

/**
 * Reads the overview matrix: partner columns from the header, then every project row with the headings
 * carried down (a heading cell spans several rows but is printed on one of them).
 */
export function parseMatrix(lines: TextLine[]): Matrix {
  const matrix: Matrix = { partners: [], rows: [], headings: [], headerLines: [] };
  const placement: Placement = { role: null, policyArea: null, subField: null };
  let headerColumn = -1;
  let previous: MatrixRow | undefined;
  let pendingNumber: number | null = null;
  let columnMap: number[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (isMatrixHeader(line)) {
      const { names, firstColumn } = headerPartners(line);
      if (names.length > 0) {
        if (matrix.partners.length === 0) matrix.partners = names;
        // a later page may print the towns in another order or abbreviated: map its columns back
        columnMap = names.map((n, k) => {
          const i = canonicalPartnerIndex(matrix.partners, n);
          return i < 0 ? k : i;
        });
        headerColumn = firstColumn;
      }
      matrix.headerLines.push(line.no);
      continue;
    }
    const row = readRowCells(line.cells);
    for (const h of row.headings) {
      if (h.level === 'role') {
        placement.role = h.no;
        placement.policyArea = null;
        placement.subField = null;
      } else if (h.level === 'policyArea') {
        placement.policyArea = h.no;
        placement.subField = null;
      } else placement.subField = h.no;
      matrix.headings.push({ ...h, role: placement.role, policyArea: placement.policyArea, line: line.no });
    }
    const readings = readMarks(line.cells, row.nameIndex, Math.max(matrix.partners.length, 1), headerColumn).map(
      (reading) => reading.map((k) => columnMap[k] ?? k).sort((a, b) => a - b),
    );
    const hasMarks = (readings[0]?.length ?? 0) > 0;
    if (row.number !== null && row.name === null && !hasMarks) {
      // a lone number: a page number, or a project number whose name is on the next line
      pendingNumber = row.number;
      continue;
    }
    if (row.number === null && pendingNumber !== null && row.name !== null) row.number = pendingNumber;
    pendingNumber = null;
    if (row.number !== null) {
      const rawName = row.name ?? '';
      previous = {
        number: row.number,
        name: cleanText(rawName),
        underlined: /<u>/i.test(rawName),
        placement: { ...placement },
        markReadings: readings,
        line: line.no,
      };
      matrix.rows.push(previous);
    } else if (previous && row.name !== null && row.headings.length === 0) {
      // a name printed over two lines: the second line has no number
      previous.name = cleanText(`${previous.name}${row.name}`);
      previous.underlined ||= /<u>/i.test(row.name);
      if (previous.markReadings[0]?.length === 0) previous.markReadings = readings;
    }
  }
  return matrix;
}
