import type ExcelJS from 'exceljs';
import {
  ENTRY_SHEETS,
  type EntryColumn,
  type EntrySheetKind,
  type EntryWorkbook,
  FIRST_DATA_ROW,
  ID_COLUMNS,
  META_SHEET,
  NOT_COUNTED,
  SHEET_MARKER_PREFIX,
  WORKBOOK_FORMAT,
} from '../domain/entry-workbook.js';
import { RESULT_STATE_LABELS } from '../domain/result-state.js';
import { writeWorkbookInstructions } from './write-workbook-instructions.js';

type CellValue = string | number | null;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8D6' } };
const AMOUNT_FORMAT = '#,##0';

/**
 * The entry workbook as .xlsx: instructions first, then a sheet per kind of row. Labels are locked and the sheets
 * protected without a password; only the input cells (yellow) are open, with data validation (whole 千円 ≥ 0,
 * numbers, the 未集計 list). Hidden columns A–C hold each row's id, version and fingerprint, hidden row 2 the column
 * keys, cell A1 the sheet's kind, and a very hidden sheet the workbook's area, year, municipality and revision.
 */
export async function formatEntryWorkbook(model: EntryWorkbook): Promise<Uint8Array> {
  // loaded at first use: serving pages never needs ExcelJS, and loading it slows every start
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Renkei';
  writeWorkbookInstructions(workbook, model);
  await addSheet(
    workbook,
    'parts',
    model.parts.map((row) => ({
      id: `p:${row.projectKeyId}`,
      version: row.version,
      fingerprint: row.fingerprint,
      projectNumber: row.projectNumber,
      projectName: row.projectName,
      rule: row.rule ?? '（未設定）',
      plan: row.plan,
      planShare: row.planShare,
      state: RESULT_STATE_LABELS[row.state],
      amount: row.amount,
      comment: row.comment,
    })),
  );
  if (model.kind === 'central') {
    await addSheet(
      workbook,
      'projects',
      model.projects.map((row) => ({
        id: `p:${row.projectKeyId}`,
        ...row,
      })),
    );
    await addSheet(
      workbook,
      'kpis',
      model.kpis.map((row) => ({
        id: `k:${row.kpiKeyId}`,
        ...row,
        notCounted: row.actual === null && row.notCountedReason !== null ? NOT_COUNTED : null,
      })),
    );
  }
  addMetaSheet(workbook, model);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function addSheet(workbook: ExcelJS.Workbook, kind: EntrySheetKind, rows: Record<string, unknown>[]) {
  const layout = ENTRY_SHEETS[kind];
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  sheet.columns = layout.columns.map((column) => ({ key: column.key, width: column.width }));
  ID_COLUMNS.forEach((_, i) => {
    sheet.getColumn(i + 1).hidden = true;
  });
  sheet.getCell('A1').value = `${SHEET_MARKER_PREFIX}${kind}`;
  const title = sheet.getCell(1, ID_COLUMNS.length + 1);
  title.value = layout.title;
  title.font = { bold: true, size: 14 };
  const keys = sheet.getRow(2);
  keys.values = layout.columns.map((column) => column.key);
  keys.hidden = true;
  const headers = sheet.getRow(3);
  headers.values = layout.columns.map((column) => column.header);
  headers.font = { bold: true };
  headers.alignment = { wrapText: true, vertical: 'middle' };
  rows.forEach((values, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    layout.columns.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.value = (values[column.key] ?? null) as CellValue;
      if (column.input) openInputCell(cell, column);
      else if (typeof cell.value === 'number') cell.numFmt = AMOUNT_FORMAT;
    });
  });
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

function openInputCell(cell: ExcelJS.Cell, column: EntryColumn): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  if (column.input === 'text') {
    cell.alignment = { wrapText: true, vertical: 'top' };
    return;
  }
  if (column.input === 'choice') {
    cell.dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${NOT_COUNTED}"`],
      showErrorMessage: true,
      error: `空欄か「${NOT_COUNTED}」を選んでください。`,
    };
    return;
  }
  cell.numFmt = column.input === 'amount' ? AMOUNT_FORMAT : 'General';
  cell.dataValidation =
    column.input === 'amount'
      ? {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          error: '0 以上の整数（千円）を入力してください。',
        }
      : {
          type: 'decimal',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [-1e15],
          showErrorMessage: true,
          error: '数値を入力してください（未集計のときは空欄にして「未集計」を選びます）。',
        };
}

function addMetaSheet(workbook: ExcelJS.Workbook, model: EntryWorkbook): void {
  const sheet = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.addRows([
    ['format', WORKBOOK_FORMAT],
    ['kind', model.kind],
    ['area', model.area.slug],
    ['fiscal_year', model.fiscalYear],
    ['municipality_code', model.municipality.code],
    ['revision_id', model.revisionId],
  ]);
}
