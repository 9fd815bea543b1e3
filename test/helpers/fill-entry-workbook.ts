import ExcelJS from 'exceljs';
import { ENTRY_SHEETS, type EntrySheetKind, META_SHEET } from '../../src/domain/entry-workbook.js';

/** An entry workbook opened as a user would, to type into its cells by sheet kind, row id and column key. */
export async function openEntryWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheetOf = (kind: EntrySheetKind) => {
    const sheet = workbook.worksheets.find((s) => s.getCell('A1').value === `renkei:${kind}`);
    if (!sheet) throw new Error(`no ${kind} sheet`);
    return sheet;
  };
  const columnOf = (kind: EntrySheetKind, key: string) =>
    ENTRY_SHEETS[kind].columns.findIndex((c) => c.key === key) + 1;
  const rowOf = (kind: EntrySheetKind, id: string) => {
    const sheet = sheetOf(kind);
    for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === id) return sheet.getRow(r);
    throw new Error(`no row ${id} in ${kind}`);
  };
  return {
    workbook,
    sheetOf,
    /** the id of the n-th data row (0-based) */
    idAt: (kind: EntrySheetKind, n: number) =>
      String(
        sheetOf(kind)
          .getRow(4 + n)
          .getCell(1).value,
      ),
    cell: (kind: EntrySheetKind, id: string, key: string) => rowOf(kind, id).getCell(columnOf(kind, key)),
    set(kind: EntrySheetKind, id: string, key: string, value: ExcelJS.CellValue) {
      rowOf(kind, id).getCell(columnOf(kind, key)).value = value;
    },
    setMeta(key: string, value: string | number) {
      const meta = workbook.getWorksheet(META_SHEET);
      meta?.eachRow((row) => {
        if (row.getCell(1).value === key) row.getCell(2).value = value;
      });
    },
    async save(): Promise<Uint8Array> {
      return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    },
  };
}
