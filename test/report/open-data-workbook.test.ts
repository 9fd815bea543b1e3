import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { parseDocument } from '../../src/import/parse-document.js';
import { buildOpenDataFiles, type OpenDataFile } from '../../src/report/build-open-data-files.js';
import { describeOpenDataTables } from '../../src/report/build-open-data-tables.js';
import type { ResultRecords } from '../../src/report/result-tables.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { findFile, loadWorkbook, readCsvBack } from './read-open-data.js';

const INFO = { areaSlug: '青森圏域', seq: 1, label: 'R4年3月', publishedAt: '2026-01-05T01:02:03.000Z' };

/** published results, so that the result sheets hold rows too */
const year = { fiscalYear: 2022, projectNumber: 1, projectName: 'ビジョン懇談会' };
const RESULTS: ResultRecords = {
  kpiActuals: [
    {
      ...year,
      kpiNumber: 1,
      indicator: '具体的取組数',
      target: '52事業',
      entered: 49,
      notCountedReason: null,
      compared: 49,
      attainment: 0.942,
      progress: 0.625,
      status: '概ね順調',
    },
  ],
  spending: [{ ...year, plan: 401, actual: 390, grade: 'B', rule: '均等割' }],
  costShares: [
    {
      ...year,
      municipalityCode: '023019',
      municipalityName: '平内町',
      plan: 81,
      actual: 15,
      actualSource: 'entered',
      rule: '均等割',
    },
  ],
};

describe('open-data.xlsx read back with ExcelJS', () => {
  let files: OpenDataFile[];
  let workbook: ExcelJS.Workbook;

  before(async () => {
    files = await buildOpenDataFiles(parseDocument(readRepoText(SEED_DOCUMENT)).vision, INFO, RESULTS);
    workbook = await loadWorkbook(findFile(files, 'open-data.xlsx').bytes);
  });

  test('one sheet per CSV, named like it', () => {
    assert.deepEqual(
      workbook.worksheets.map((s) => `${s.name}.csv`),
      files.filter((f) => f.format === 'CSV').map((f) => f.name),
    );
  });

  test('every sheet holds its CSV cell for cell: numbers as numbers, codes as text, booleans as booleans', () => {
    const tables = [...describeOpenDataTables()];
    for (const sheet of workbook.worksheets) {
      const { header, records } = readCsvBack(findFile(files, `${sheet.name}.csv`).bytes);
      const columns = tables.find((t) => t.id === sheet.name)?.columns;
      assert.deepEqual(rowValues(sheet, 1, header.length), header, `${sheet.name} header`);
      assert.equal(sheet.rowCount, records.length + 1, `${sheet.name} rows`);
      records.forEach((record, i) => {
        const values = rowValues(sheet, i + 2, header.length);
        header.forEach((name, j) => {
          const csvValue = record[name] ?? '';
          const cell = values[j];
          const where = `${sheet.name} row ${i + 2} ${name}`;
          if (csvValue === '') {
            assert.equal(cell, null, where);
            return;
          }
          const type = columns?.find((c) => c.name === name)?.type ?? 'string';
          if (type === 'integer' || type === 'number' || type === 'year') {
            assert.equal(typeof cell, 'number', where);
          } else if (type === 'boolean') {
            assert.equal(typeof cell, 'boolean', where);
          } else {
            assert.equal(typeof cell, 'string', where);
          }
          assert.equal(String(cell), csvValue, where);
        });
      });
    }
  });

  test('the code of 青森市 is the text cell 022012, an amount the number 408', () => {
    const budgets = workbook.getWorksheet('budgets');
    assert.ok(budgets);
    const code = budgets.getRow(2).getCell(1);
    assert.equal(code.value, '022012');
    assert.equal(code.type, ExcelJS.ValueType.String);
    assert.equal(code.numFmt, '@');
    const header = rowValues(budgets, 1, 13);
    assert.equal(budgets.getRow(2).getCell(header.indexOf('amount_thousand_yen') + 1).value, 408);
    const municipalities = workbook.getWorksheet('municipalities');
    assert.equal(municipalities?.getRow(5).getCell(1).value, '023078');
    assert.equal(municipalities?.getRow(5).getCell(2).value, '外ヶ浜町');
  });

  test('a bold, frozen, filterable header with its Japanese label as a note, and set column widths', () => {
    for (const sheet of workbook.worksheets) {
      const view = sheet.views[0];
      assert.equal(view?.state, 'frozen', sheet.name);
      assert.equal((view as { ySplit?: number }).ySplit, 1, sheet.name);
      assert.ok(sheet.autoFilter, `${sheet.name} has a filter`);
      const first = sheet.getRow(1).getCell(1);
      assert.equal(first.font?.bold, true);
      assert.ok(first.note, `${sheet.name} header note`);
      sheet.columns.forEach((column) => {
        assert.ok((column.width ?? 0) >= 10 && (column.width ?? 0) <= 60, `${sheet.name} width ${column.width}`);
      });
    }
    const projects = workbook.getWorksheet('projects');
    const nameColumn = projects?.getColumn(5);
    assert.ok((nameColumn?.width ?? 0) > 20, 'a column of Japanese names is wide');
  });
});

function rowValues(sheet: ExcelJS.Worksheet, row: number, count: number): ExcelJS.CellValue[] {
  const r = sheet.getRow(row);
  return Array.from({ length: count }, (_, i) => r.getCell(i + 1).value ?? null);
}
