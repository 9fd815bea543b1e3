import type ExcelJS from 'exceljs';

/** The report workbook's look: A4 print setup, a bold shaded header row, 千円 with separators. */
export const AMOUNT_FORMAT = '#,##0';
export const RATIO_FORMAT = '0%';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F8' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
export const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A4 landscape, fitted to the page width, the header rows repeated on each printed page. */
export function setUpPrint(sheet: ExcelJS.Worksheet, input: { title: string; lastColumn: string; headerRow: number }) {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${input.lastColumn}${Math.max(sheet.rowCount, input.headerRow)}`,
    printTitlesRow: `${input.headerRow}:${input.headerRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddHeader: `&C${input.title.replaceAll('&', '&&')}`, oddFooter: '&C&P / &N' };
}

/** The title in A1, bold and larger. */
export function addTitle(sheet: ExcelJS.Worksheet, title: string): void {
  const row = sheet.addRow([title]);
  row.font = { bold: true, size: 14 };
}

export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** Borders on every cell of the row up to `columns`, wrapped text, amounts and ratios formatted. */
export function styleBodyRow(
  row: ExcelJS.Row,
  columns: number,
  formats: Readonly<Record<number, string>>,
  options: { bold?: boolean } = {},
): void {
  for (let c = 1; c <= columns; c += 1) {
    const cell = row.getCell(c);
    cell.border = BORDERS;
    cell.alignment = { vertical: 'top', wrapText: true };
    const format = formats[c];
    if (format) cell.numFmt = format;
    if (options.bold) cell.font = { bold: true };
  }
}

/** A SUM over a column's rows with its value cached, so readers that do not calculate still see the total. */
export function sumFormula(column: string, firstRow: number, lastRow: number, values: readonly (number | null)[]) {
  const result = values.reduce<number>((total, v) => total + (v ?? 0), 0);
  if (lastRow < firstRow) return { formula: '0', result: 0 };
  return { formula: `SUM(${column}${firstRow}:${column}${lastRow})`, result };
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(text: string): string {
  return text.replace(/[:\\/?*[\]]/g, '・').slice(0, 31);
}
