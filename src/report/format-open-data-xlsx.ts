import type ExcelJS from 'exceljs';
import type { CellValue, OpenDataColumn, OpenDataTable } from './open-data-table.js';

export type WorkbookInfo = {
  title: string;
  /** the publisher, e.g. the central city */
  creator: string;
  description: string;
  /** ISO date-time the data was published: the workbook's dates, so that a revision's file does not vary */
  createdAt: string;
};

// ExcelJS leaves out a column whose width is the default 9: at least 10 keeps every width in the file
const MIN_WIDTH = 10;
const MAX_WIDTH = 60;
const TEXT_FORMAT = '@';

/**
 * The tables as one .xlsx workbook, a sheet per table named like its CSV (`projects`, `budgets`, …): a bold
 * header row of column names (each with a note giving its Japanese label and unit), the header frozen and
 * filterable, numbers as numbers, codes as text cells ('022012' keeps its zero), booleans as booleans.
 */
export async function formatOpenDataXlsx(tables: readonly OpenDataTable[], info: WorkbookInfo): Promise<Uint8Array> {
  // loaded at first use: serving pages never needs ExcelJS, and loading it slows every start
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  const date = new Date(info.createdAt);
  workbook.creator = info.creator;
  workbook.lastModifiedBy = info.creator;
  workbook.title = info.title;
  workbook.description = info.description;
  workbook.created = date;
  workbook.modified = date;

  for (const table of tables) addSheet(workbook, table);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addSheet(workbook: ExcelJS.Workbook, table: OpenDataTable): void {
  const sheet = workbook.addWorksheet(table.id, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => ({
    key: column.name,
    width: columnWidth(column, table.rows, i),
    style: column.type === 'code' ? { numFmt: TEXT_FORMAT } : {},
  }));

  const header = sheet.addRow(table.columns.map((c) => c.name));
  header.font = { bold: true };
  table.columns.forEach((column, i) => {
    header.getCell(i + 1).note = column.unit ? `${column.label}（単位：${column.unit}）` : column.label;
  });

  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => toCellValue(value, table.columns[i])));
  }
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
}

function toCellValue(value: CellValue, column: OpenDataColumn | undefined): ExcelJS.CellValue {
  if (value === null || value === '') return null; // an empty cell, as in the CSV
  if (column?.type === 'code') return String(value);
  return value;
}

/** Wide enough for the header and most values, in Excel's character units (a Japanese character counts two). */
function columnWidth(column: OpenDataColumn, rows: readonly CellValue[][], index: number): number {
  let widest = displayWidth(column.name);
  for (const row of rows) {
    const value = row[index];
    if (value !== null && value !== undefined) widest = Math.max(widest, displayWidth(String(value)));
    if (widest >= MAX_WIDTH) break;
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

// Hangul, CJK, kana, full-width forms: two columns each in a spreadsheet's default font.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}
