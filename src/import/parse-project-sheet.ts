import {
  cleanText,
  comparisonKey,
  findFootnoteMarkers,
  readFootnoteLine,
  stripTags,
  toHalfWidth,
} from './normalize-text.js';
import { looksLikeBudgetValue } from './parse-budget-row.js';
import { isNewLabel } from './parse-headings.js';
import {
  addKpiHeader,
  addKpiRow,
  emptyKpiTables,
  type KpiHeader,
  type KpiTables,
  type RawKpi,
  readKpiHeader,
  readKpiTables,
} from './parse-kpi-rows.js';
import { isBudgetHeader, readBudget, type SheetBudget } from './read-budget.js';
import { filledCells, type TextLine } from './split-lines.js';

/** A problem met while reading a sheet; reconcile turns it into a finding with the project number. */
export type SheetIssue = {
  code: 'missing_budget_row' | 'missing_kpi_rows' | 'unreadable_cell' | 'source_converted' | 'ambiguous_layout';
  line: number;
  excerpt: string | null;
  message: string;
};

/**
 * The role table: the central city's line, the partners' line (labelled 連携町村, 構成市町村…), or one line per
 * partner town by name (`byTown`; one text when they all say the same).
 */
export type SheetRoles = {
  centralCityName: string | null;
  centralCity: string;
  partnersLabel: string | null;
  partners: string;
  byTown: { name: string; text: string }[];
};

/** One project sheet (事業名 … 成果指標 ※notes) as printed, before reconciling with the matrix. */
export type ProjectSheet = {
  number: number;
  name: string;
  relatedMunicipalities: string | null;
  content: string[];
  effect: string | null;
  budget: SheetBudget | null;
  roles: SheetRoles | null;
  /** the header of the sheet's first KPI table (a sheet may hold more, each with its own target year) */
  kpiHeader: KpiHeader | null;
  kpis: RawKpi[];
  footnotes: { key: string; text: string; line: number }[];
  /** footnote markers found in the content, effect and role texts, in sheet order */
  textMarkers: string[];
  issues: SheetIssue[];
  /** a name part printed just above the 内容 label (reconcile checks it against the matrix) */
  nameContinuation: NameContinuation | null;
  firstLine: number;
  lastLine: number;
};

const LABELS = {
  content: ['内容', '事業内容', '取組内容'],
  effect: ['連携効果', '効果'],
  budget: ['事業費見込額', '事業費', '概算事業費'],
  roles: ['連携市町村の役割分担', '役割分担', '連携市町村役割分担'],
  kpi: ['成果指標', '重要業績評価指標', 'KPI'],
  related: ['関係市町村', '関係町村', '連携市町村', '対象市町村', '対象町村'],
} as const;
type Field = keyof typeof LABELS;

/** True for the label cell of a sheet field (内容, 連携効果, 事業費見込額, 成果指標, 関係市町村…). */
export function isFieldLabel(cell: string): boolean {
  return labelOf(cell) !== undefined;
}

function labelOf(cell: string): Field | undefined {
  const key = comparisonKey(cell).replace(/[（(].*$/, '');
  for (const field of Object.keys(LABELS) as Field[]) {
    if ((LABELS[field] as readonly string[]).includes(key)) return field;
  }
  return undefined;
}

// a ○ right after a full stop starts a bullet too: a PDF line break can take the space before it
const BULLET = /(?:^|\s+|(?<=。))[○〇◯]\s*/u;

/** Splits `○A。 ○B。` (or `○A。○B。`) into bullets without their ○. */
export function splitBullets(text: string): string[] {
  const clean = cleanText(text);
  return clean
    .split(BULLET)
    .map((b) => b.trim())
    .filter((b) => b !== '');
}

const NAME_START = /^事業名$/;

/** True when the line opens a project sheet (a cell 事業名 followed by the number). */
export function isSheetStart(line: TextLine): boolean {
  const at = line.cells.findIndex((c) => NAME_START.test(c.replace(/\s+/g, '')));
  if (at < 0) return false;
  const next = line.cells.slice(at + 1).find((c) => c !== '' && !isNewLabel(c)) ?? '';
  return /^(?:NO\.?|No\.?)?\s*[0-9]{1,4}(?:\s|$)/.test(toHalfWidth(next));
}

type Header = { number: number | null; nameParts: string[]; related: string | null };

/** The part of a name read from the line just above the 内容 label: it may be the content's first line instead. */
export type NameContinuation = { line: number; text: string; nameWithout: string };

const BULLET_START = /^[○〇◯・●■◆]/u;
/** A 関係市町村 list that ends in a separator goes on on the next line. */
const LIST_GOES_ON = /[、，,・･]$/;

type HeaderState = { header: Header; relatedColumn: number };

/** Short text that is no bullet and no sentence: a name's or a list's remainder, not content. */
const isHeaderText = (cell: string) => {
  const text = stripTags(cell).trim();
  return text.length <= 30 && !BULLET_START.test(text) && !/。/.test(text);
};

/**
 * Whether a line after the 事業名 line still belongs to the header: the 関係市町村 value below its label; or short
 * text (no bullet, no sentence; the label and list excepted) that is indented, continues a list ending in 、, or
 * stands just above a labelled line. Before any 関係市町村, a line with the label continues the header too.
 */
function continuesHeader(line: TextLine, next: TextLine | undefined, { header, relatedColumn }: HeaderState): boolean {
  const cells = line.cells.filter((c) => c !== '');
  if (cells.length === 0 || cells.some((c) => labelOf(c) && labelOf(c) !== 'related')) return false;
  if (relatedColumn >= 0 && header.related === null) return true;
  const relatedAt = cells.findIndex((c) => labelOf(c) === 'related');
  const own = relatedAt >= 0 ? cells.slice(0, relatedAt) : cells;
  if (own.length > 2 || !own.every(isHeaderText)) return false;
  if (header.related === null) return true;
  const nextHasLabel = next?.cells.some((c) => c !== '' && labelOf(c) !== undefined) ?? false;
  return line.cells[0] === '' || LIST_GOES_ON.test(header.related) || nextHasLabel;
}

/**
 * Reads 事業名, the number, the name and 関係市町村 from the first line(s) of a sheet. The name or the 関係市町村 text
 * may run onto the next line; a cell there left of the 関係市町村 label continues the name, one under it or to its
 * right the list (so does any cell when the list ends in 、). A 関係市町村 value printed below its label may also have
 * shifted left: with no cell under the label, the whole line is the value.
 */
function readSheetHeader(lines: TextLine[]): {
  header: Header;
  used: number;
  nameContinuation: NameContinuation | null;
} {
  const state: HeaderState = { header: { number: null, nameParts: [], related: null }, relatedColumn: -1 };
  const { header } = state;
  let used = 0;
  let nameContinuation: NameContinuation | null = null;
  for (const [i, line] of lines.entries()) {
    if (used > 0 && !continuesHeader(line, lines[i + 1], state)) break;
    const namePartsBefore = header.nameParts.length;
    const continuation = used > 0;
    const listGoesOn = header.related !== null && LIST_GOES_ON.test(header.related);
    const underRelated = (column: number) =>
      continuation && state.relatedColumn >= 0 && (column >= state.relatedColumn || listGoesOn);
    let afterRelated =
      state.relatedColumn >= 0 && header.related === null && !line.cells.some((c, k) => c !== '' && underRelated(k));
    used++;
    line.cells.forEach((cell, column) => {
      if (cell === '' || NAME_START.test(cell.replace(/\s+/g, '')) || isNewLabel(cell)) return;
      if (labelOf(cell) === 'related') {
        afterRelated = true;
        state.relatedColumn = column;
        return;
      }
      if (afterRelated || underRelated(column)) {
        header.related = header.related === null ? cleanText(cell) : cleanText(`${header.related}${cell}`);
        return;
      }
      const half = toHalfWidth(cell);
      const numbered = /^(?:NO\.?|No\.?)?\s*([0-9]{1,4})(?:\s+(.+))?$/.exec(half);
      if (header.number === null && numbered) {
        header.number = Number(numbered[1]);
        if (numbered[2]) header.nameParts.push(cell.replace(/^\S+\s+/, ''));
        return;
      }
      header.nameParts.push(cell);
    });
    const next = lines[i + 1];
    const aboveContent = next?.cells.some((c) => c !== '' && labelOf(c) === 'content') ?? false;
    nameContinuation =
      used > 1 && aboveContent && header.nameParts.length > namePartsBefore
        ? {
            line: line.no,
            text: cleanText(header.nameParts.slice(namePartsBefore).join(' ')),
            nameWithout: cleanText(header.nameParts.slice(0, namePartsBefore).join(' ')),
          }
        : null;
  }
  return { header, used, nameContinuation };
}

const PARTNERS_LABEL = /^(?:連携|関係|構成|対象|圏域|周辺|近隣|各)?(?:市)?町村$|^連携町$|^連携市町$|^圏域町村$/;
/** A row of the role table labelled with one town's name (平内町, 外ヶ浜町): that town's part. */
const TOWN_NAME = /^[^\s\d（(]{1,5}[町村]$/u;

type Block = 'content' | 'effect' | 'budget' | 'roles' | 'kpi' | 'other';

type SheetState = {
  sheet: ProjectSheet;
  block: Block;
  budgetHeader: TextLine | null;
  budgetValues: TextLine | null;
  kpi: KpiTables;
  /** unlabelled lines between the sheet's header and its first field: the 内容 label below them takes them */
  beforeFields: TextLine[];
  /** lines before the first field that no rule places */
  unread: TextLine[];
};

function readRolesLine(state: SheetState, cells: string[], centralCityHint: string | null): void {
  const [first = '', ...rest] = cells;
  const text = cleanText(rest.join(' '));
  const roles = state.sheet.roles ?? {
    centralCityName: null,
    centralCity: '',
    partnersLabel: null,
    partners: '',
    byTown: [],
  };
  state.sheet.roles = roles;
  const key = comparisonKey(first);
  const isCity = centralCityHint !== null ? key === comparisonKey(centralCityHint) : /市$/.test(first);
  if (isCity && roles.centralCity === '') {
    roles.centralCityName = cleanText(first);
    roles.centralCity = text;
  } else if (PARTNERS_LABEL.test(key) && roles.partners === '') {
    roles.partnersLabel = cleanText(first);
    roles.partners = text;
  } else if (TOWN_NAME.test(key) && !PARTNERS_LABEL.test(key) && roles.partnersLabel === null) {
    roles.byTown.push({ name: cleanText(first), text });
    roles.partners = joinTownRoles(roles.byTown);
  } else if (roles.byTown.length > 0) {
    const last = roles.byTown[roles.byTown.length - 1] as { name: string; text: string };
    last.text = cleanText(`${last.text} ${cells.join(' ')}`);
    roles.partners = joinTownRoles(roles.byTown);
  } else if (roles.partners !== '' || roles.partnersLabel !== null) {
    roles.partners = cleanText(`${roles.partners} ${cells.join(' ')}`);
  } else {
    roles.centralCity = cleanText(`${roles.centralCity} ${cells.join(' ')}`);
  }
}

/** The partners' part from one row per town: the text they share, or each town's text after its name. */
function joinTownRoles(byTown: readonly { name: string; text: string }[]): string {
  const texts = new Set(byTown.map((t) => t.text));
  if (texts.size === 1) return byTown[0]?.text ?? '';
  return byTown.map((t) => `${t.name}：${t.text}`).join('　');
}

function appendContent(sheet: ProjectSheet, cells: string[]): void {
  const text = cells.join(' ');
  sheet.textMarkers.push(...findFootnoteMarkers(text));
  const bullets = splitBullets(text);
  if (/^\s*(?:<p>)?\s*[○〇◯]/u.test(text) || sheet.content.length === 0) sheet.content.push(...bullets);
  else if (bullets.length > 0) {
    // the line continues the last bullet; a ○ further on starts a new one
    const [continuation, ...next] = bullets;
    const last = sheet.content.length - 1;
    sheet.content[last] = cleanText(`${sheet.content[last]} ${continuation}`);
    sheet.content.push(...next);
  }
}

function readLine(state: SheetState, line: TextLine, centralCityHint: string | null): void {
  const sheet = state.sheet;
  const firstFilled = line.cells.findIndex((c) => c !== '');
  const label = labelOf(line.cells[firstFilled] ?? '');
  const rest = line.cells.slice(firstFilled + (label ? 1 : 0)).filter((c) => c !== '');
  const kpiHeader = readKpiHeader(line);
  if (kpiHeader) {
    sheet.kpiHeader ??= kpiHeader;
    const issue = addKpiHeader(state.kpi, kpiHeader, line);
    if (issue) sheet.issues.push(issue);
    state.block = 'kpi';
  } else if (isBudgetHeader(line)) {
    state.budgetHeader = line;
    state.block = 'budget';
  } else if (state.block === 'budget' && state.budgetValues === null && rest.every(looksLikeBudgetValue)) {
    state.budgetValues = line;
    state.block = 'other';
  } else if (label === 'content') {
    for (const above of takeLinesAboveContent(state)) appendContent(sheet, filledCells(above));
    appendContent(sheet, rest);
    state.block = 'content';
  } else if (label === 'effect') {
    sheet.textMarkers.push(...findFootnoteMarkers(rest.join(' ')));
    sheet.effect = cleanText(rest.join(' '));
    state.block = 'effect';
  } else if (
    label === 'roles' ||
    (state.block !== 'kpi' &&
      centralCityHint !== null &&
      comparisonKey(rest[0] ?? '') === comparisonKey(centralCityHint) &&
      sheet.roles === null)
  ) {
    sheet.textMarkers.push(...findFootnoteMarkers(rest.join(' ')));
    readRolesLine(state, rest, centralCityHint);
    state.block = 'roles';
  } else if (label === 'related' && state.block === 'roles') {
    // a label means the same wherever its cell stands: in the role table 連携市町村 names the partners' row
    readRolesLine(
      state,
      line.cells.slice(firstFilled).filter((c) => c !== ''),
      centralCityHint,
    );
  } else if (label === 'related') {
    sheet.relatedMunicipalities = cleanText(rest.join(''));
  } else if (label === 'kpi' || state.block === 'kpi') {
    addKpiRow(state.kpi, { line, labelCells: label ? firstFilled + 1 : 0 });
    state.block = 'kpi';
  } else if (state.block === 'roles') {
    readRolesLine(state, rest, centralCityHint);
  } else if (state.block === 'content') {
    appendContent(sheet, rest);
  } else if (state.block === 'effect') {
    sheet.effect = cleanText(`${sheet.effect ?? ''} ${rest.join(' ')}`);
  } else if (isBeforeFields(state)) {
    state.beforeFields.push(line);
  }
}

/** Content text for sure: a bullet or a sentence (the header rules never take either). */
function isContentLike(line: TextLine): boolean {
  const text = stripTags(filledCells(line).join(' ')).trim();
  return BULLET_START.test(text) || /。/.test(text);
}

/**
 * The lines above the 内容 label that are its content: a label cell stands in the middle of its cell's height, so
 * the content's first lines may come before it. They start at the first bullet or sentence; a line before that
 * (too long for the header's rules, say) is left unread and reported.
 */
function takeLinesAboveContent(state: SheetState): TextLine[] {
  const above = state.beforeFields.splice(0);
  const start = above.findIndex(isContentLike);
  state.unread.push(...(start < 0 ? above : above.slice(0, start)));
  return start < 0 ? [] : above.slice(start);
}

/** No field of the sheet has been read yet (the lines read so far are the header's). */
function isBeforeFields(state: SheetState): boolean {
  const { sheet } = state;
  return (
    state.block === 'other' &&
    sheet.content.length === 0 &&
    sheet.effect === null &&
    state.budgetHeader === null &&
    sheet.roles === null &&
    state.kpi.tables.length === 0 &&
    state.kpi.leadingRows.length === 0
  );
}

/** A table row: indented, or several cells. */
const isTableRow = (line: TextLine) => line.cells[0] === '' || filledCells(line).length >= 2;
/** Text printed flush left alone on its line. */
const isFlushText = (line: TextLine) => !isTableRow(line);

/**
 * Reads one project sheet: its header line(s) (事業名, number, name that may run over two lines, 関係市町村),
 * then each field, whichever line its label cell landed on. `centralCityHint` names the central city so
 * a role-sharing line is recognised even without its label.
 */
export function parseProjectSheet(lines: TextLine[], centralCityHint: string | null): ProjectSheet | undefined {
  const { header, used, nameContinuation } = readSheetHeader(lines);
  if (header.number === null) return undefined;
  const sheet: ProjectSheet = {
    number: header.number,
    name: cleanText(header.nameParts.join(' ')),
    relatedMunicipalities: header.related,
    content: [],
    effect: null,
    budget: null,
    roles: null,
    kpiHeader: null,
    kpis: [],
    footnotes: [],
    textMarkers: [],
    issues: [],
    nameContinuation,
    firstLine: lines[0]?.no ?? 0,
    lastLine: lines[0]?.no ?? 0,
  };
  const state: SheetState = {
    sheet,
    block: 'other',
    budgetHeader: null,
    budgetValues: null,
    kpi: emptyKpiTables(),
    beforeFields: [],
    unread: [],
  };
  const body = lines.slice(used);
  let blankInKpiTable = false;
  for (const [i, line] of body.entries()) {
    if (line.text.trim() === '') {
      blankInKpiTable ||= state.block === 'kpi';
      continue;
    }
    // after a blank line (a page break, say) flush text alone ends the KPI table (a closing remark), unless table
    // rows follow it: then it is the table's own line (an indicator printed flush left)
    if (blankInKpiTable && state.block === 'kpi' && isFlushText(line)) {
      const next = body.slice(i + 1).find((l) => l.text.trim() !== '');
      if (!next || !isTableRow(next)) state.block = 'other';
    }
    blankInKpiTable = false;
    sheet.lastLine = line.no;
    const footnote = readFootnoteLine(line.text);
    if (footnote) {
      sheet.footnotes.push({ ...footnote, line: line.no });
      state.block = 'other';
      continue;
    }
    readLine(state, line, centralCityHint);
  }
  const unread = [...state.unread, ...state.beforeFields];
  const [firstUnread] = unread;
  if (firstUnread) {
    sheet.issues.push({
      code: 'ambiguous_layout',
      line: firstUnread.no,
      excerpt: unread.map((l) => filledCells(l).join(' ')).join(' ／ '),
      message: `事業名の行と最初の欄の間に見出しのない行があります（${unread.map((l) => `${l.no}行`).join('、')}）。すぐ下の「内容」の1行目（○で始まる行や文）とも事業名・関係市町村の続きとも決まらないため、読みませんでした`,
    });
  }
  if (!state.budgetHeader) {
    sheet.issues.push({
      code: 'missing_budget_row',
      line: sheet.firstLine,
      excerpt: null,
      message: '事業費見込額の表がありません',
    });
  }
  if (state.budgetHeader) sheet.budget = readBudget(state.budgetHeader, state.budgetValues ?? undefined, sheet.issues);
  if (!sheet.kpiHeader) {
    sheet.issues.push({
      code: 'missing_kpi_rows',
      line: sheet.lastLine,
      excerpt: null,
      message: '成果指標の表がありません',
    });
  } else {
    sheet.kpis = readKpiTables(state.kpi.tables);
    if (sheet.kpis.length === 0) {
      sheet.issues.push({
        code: 'missing_kpi_rows',
        line: sheet.kpiHeader.line,
        excerpt: null,
        message: '成果指標の見出しの下に指標の行がありません',
      });
    }
  }
  return sheet;
}
