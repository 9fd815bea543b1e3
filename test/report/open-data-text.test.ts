import assert from 'node:assert/strict';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { buildOpenDataFiles } from '../../src/report/build-open-data-files.js';
import { formatOpenDataCsv } from '../../src/report/format-open-data-csv.js';
import { buildBudget, buildProject } from '../helpers/build-project.js';
import { buildVision } from '../helpers/build-vision.js';
import { findFile, loadWorkbook, readCsvBack } from './read-open-data.js';

const INFO = { areaSlug: 'test-area', seq: 2, label: null, publishedAt: '2026-04-01T00:00:00.000Z' };

// Characters NFKC would change (～ ① ㈱ ｶﾅ), the small ヶ, and what CSV must quote (comma, quote, newline).
const TRICKY = ['①地域医療～在宅㈱ｶﾅ', '外ヶ浜町との連携, "引用"つき', '改行を\n含む名前', '＝1+1'];

const vision = buildVision({
  area: {
    name: 'テスト圏域',
    kind: '定住自立圏',
    municipalities: [
      { code: '022012', name: '中心市', isCentralCity: true },
      { code: '023078', name: '外ヶ浜町', isCentralCity: false },
      { code: null, name: '名前だけ村', isCentralCity: false },
    ],
  },
  projects: TRICKY.map((name, i) =>
    buildProject(i + 1, {
      name,
      participants: i % 2 === 0 ? ['外ヶ浜町'] : ['名前だけ村'],
      budget: buildBudget(2019, [1234567, 'blank', 'dash']),
    }),
  ),
});

test('names that NFKC or CSV quoting would change read back identical from CSV and xlsx', async () => {
  const files = await buildOpenDataFiles(vision, INFO);
  const projects = readCsvBack(findFile(files, 'projects.csv').bytes).records;
  assert.deepEqual(
    projects.map((r) => r.project_name),
    TRICKY,
  );
  const workbook = await loadWorkbook(findFile(files, 'open-data.xlsx').bytes);
  const sheet = workbook.getWorksheet('projects');
  assert.deepEqual(
    TRICKY.map((_, i) => sheet?.getRow(i + 2).getCell(5).value),
    TRICKY,
  );
  assert.equal(sheet?.getRow(5).getCell(5).type, ExcelJS.ValueType.String, 'text starting with ＝ is not a formula');
});

test('a municipality without a known code has an empty code cell, never a made-up one', async () => {
  const files = await buildOpenDataFiles(vision, INFO);
  const participation = readCsvBack(findFile(files, 'participation.csv').bytes).records;
  const unknown = participation.filter((r) => r.municipality_name === '名前だけ村');
  assert.equal(unknown.length, TRICKY.length);
  assert.ok(unknown.every((r) => r.municipality_code === ''));
  assert.deepEqual(
    unknown.map((r) => r.participates),
    ['false', 'true', 'false', 'true'],
  );
  const municipalities = readCsvBack(findFile(files, 'municipalities.csv').bytes).records;
  assert.deepEqual(
    municipalities.map((r) => [r.municipality_code, r.area_kind]),
    [
      ['022012', '定住自立圏'],
      ['023078', '定住自立圏'],
      ['', '定住自立圏'],
    ],
  );
});

test('budgets: 令和元年度 for 2019, amounts without separators, the total row of the document', async () => {
  const files = await buildOpenDataFiles(vision, INFO);
  const budgets = readCsvBack(findFile(files, 'budgets.csv').bytes).records.filter((r) => r.project_number === '1');
  assert.deepEqual(
    budgets.map((r) => [r.fiscal_year, r.fiscal_year_wareki, r.amount_thousand_yen, r.mark, r.is_total]),
    [
      ['2019', '令和元年度', '1234567', '', 'false'],
      ['2020', '令和2年度', '', 'blank', 'false'],
      ['2021', '令和3年度', '', 'dash', 'false'],
      ['', '', '1234567', '', 'true'],
    ],
  );
});

test('the CSV writer: BOM, CRLF, quoting, true/false, empty for null, numbers as written', () => {
  const csv = formatOpenDataCsv({
    columns: [
      { name: 'code', label: 'コード', type: 'code', unit: null, description: '' },
      { name: 'name', label: '名前', type: 'string', unit: null, description: '' },
      { name: 'flag', label: '真偽', type: 'boolean', unit: null, description: '' },
      { name: 'value', label: '値', type: 'number', unit: null, description: '' },
    ],
    rows: [
      ['022012', '事業, "引用"つき', true, 12.5],
      [null, '改行\n入り', false, null],
    ],
  });
  assert.equal(csv, '\uFEFFcode,name,flag,value\r\n022012,"事業, ""引用""つき",true,12.5\r\n,"改行\n入り",false,\r\n');
});

test('no projects: every file is still made, each CSV with its header alone', async () => {
  const files = await buildOpenDataFiles(buildVision({ projects: [], findings: [] }), INFO);
  for (const name of ['projects.csv', 'budgets.csv', 'kpis.csv', 'findings.csv']) {
    assert.equal(readCsvBack(findFile(files, name).bytes).records.length, 0, name);
  }
});
