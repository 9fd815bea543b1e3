import type ExcelJS from 'exceljs';
import { checkZipLimits } from '../document-readers/check-zip-limits.js';
import { DocumentReadError } from '../document-readers/document-read-error.js';
import {
  ENTRY_SHEETS,
  type EntrySheetKind,
  FIRST_DATA_ROW,
  META_SHEET,
  SHEET_MARKER_PREFIX,
  type WorkbookProblem,
} from '../domain/entry-workbook.js';

export type WorkbookCell = { address: string; value: string | number | null };
export type WorkbookRow = { id: string; cells: Record<string, WorkbookCell> };
export type WorkbookSheetRows = { kind: EntrySheetKind; name: string; rows: WorkbookRow[] };
export type ReadEntryWorkbook =
  | { ok: true; meta: Record<string, string>; sheets: WorkbookSheetRows[] }
  | { ok: false; problems: WorkbookProblem[] };

const ROW_ID = /^[pk]:\d+$/;

/**
 * Reads a returned entry workbook into its rows, found by their hidden ids, not by position or sheet name: each
 * data sheet by the kind in its cell A1, each column by its key in hidden row 2 (so an inserted column does no
 * harm), each row by the id in column A (sorted rows map back; rows added without an id are not read). A formula
 * gives its cached value. Refuses a file that is not an entry workbook or that would unpack to too much.
 */
export async function readEntryWorkbook(bytes: Uint8Array): Promise<ReadEntryWorkbook> {
  const refuse = (expected: string, found: string): ReadEntryWorkbook => ({
    ok: false,
    problems: [{ sheet: '（ブック）', cell: null, expected, found }],
  });
  // loaded at first use: serving pages never needs ExcelJS, and loading it slows every start
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    checkZipLimits(bytes);
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    const found = error instanceof DocumentReadError ? error.message : 'Excel ブックとして読めないファイル';
    return refuse('Renkei からダウンロードした記入用ブック（.xlsx）', found);
  }
  const metaSheet = workbook.worksheets.find((s) => s.name === META_SHEET);
  if (!metaSheet) return refuse('Renkei の記入用ブック（隠しシート「_renkei」があるもの）', 'その情報のないブック');
  const meta: Record<string, string> = {};
  metaSheet.eachRow((row) => {
    meta[textOf(row.getCell(1).value)] = textOf(row.getCell(2).value);
  });
  const sheets = workbook.worksheets.flatMap((sheet) => {
    const marker = textOf(sheet.getCell('A1').value);
    const kind = marker.slice(SHEET_MARKER_PREFIX.length) as EntrySheetKind;
    if (!marker.startsWith(SHEET_MARKER_PREFIX) || !(kind in ENTRY_SHEETS)) return [];
    return [{ kind, name: sheet.name, rows: readRows(sheet, kind) }];
  });
  return { ok: true, meta, sheets };
}

function readRows(sheet: ExcelJS.Worksheet, kind: EntrySheetKind): WorkbookRow[] {
  const columns = columnsOf(sheet, kind);
  const idColumn = columns.get('id') ?? 1;
  const rows: WorkbookRow[] = [];
  sheet.eachRow((row, number) => {
    if (number < FIRST_DATA_ROW) return;
    const id = textOf(row.getCell(idColumn).value).trim();
    if (!ROW_ID.test(id)) return;
    const cells: Record<string, WorkbookCell> = {};
    for (const [key, column] of columns) {
      const cell = row.getCell(column);
      cells[key] = { address: cell.address, value: plainValue(cell.value) };
    }
    rows.push({ id, cells });
  });
  return rows;
}

/** Each column key's position: from hidden row 2, else (row 2 cleared) the layout's order. */
function columnsOf(sheet: ExcelJS.Worksheet, kind: EntrySheetKind): Map<string, number> {
  const known = new Set(ENTRY_SHEETS[kind].columns.map((c) => c.key));
  const found = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, column) => {
    const key = textOf(cell.value).trim();
    if (known.has(key) && !found.has(key)) found.set(key, column);
  });
  if (found.size === known.size) return found;
  return new Map(ENTRY_SHEETS[kind].columns.map((c, i) => [c.key, i + 1]));
}

/** A cell's value as typed or computed: a formula gives its cached result, rich text its text, an error its code. */
function plainValue(value: ExcelJS.CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

function textOf(value: ExcelJS.CellValue): string {
  const read = plainValue(value);
  return read === null ? '' : String(read);
}
