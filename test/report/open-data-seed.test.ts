import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Vision } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { buildOpenDataFiles, type OpenDataFile } from '../../src/report/build-open-data-files.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { type CsvRecord, findFile, readCsvBack, readJsonBack } from './read-open-data.js';

const INFO = { areaSlug: '青森圏域', seq: 1, label: 'R4年3月', publishedAt: '2026-01-05T01:02:03.000Z' };
const CODE = /^[0-9]{6}$/;

describe('open data of the seed: every CSV read back', () => {
  let vision: Vision;
  let files: OpenDataFile[];
  const csv = (name: string) => readCsvBack(findFile(files, name).bytes);

  before(async () => {
    vision = parseDocument(readRepoText(SEED_DOCUMENT)).vision;
    files = await buildOpenDataFiles(vision, INFO);
  });

  test('the files of a revision, each with its media type', () => {
    assert.deepEqual(
      files.map((f) => [f.name, f.contentType]),
      [
        ['projects.csv', 'text/csv; charset=utf-8'],
        ['budgets.csv', 'text/csv; charset=utf-8'],
        ['kpis.csv', 'text/csv; charset=utf-8'],
        ['participation.csv', 'text/csv; charset=utf-8'],
        ['project-contents.csv', 'text/csv; charset=utf-8'],
        ['municipalities.csv', 'text/csv; charset=utf-8'],
        ['findings.csv', 'text/csv; charset=utf-8'],
        ['kpi-actuals.csv', 'text/csv; charset=utf-8'],
        ['spending-actuals.csv', 'text/csv; charset=utf-8'],
        ['cost-shares.csv', 'text/csv; charset=utf-8'],
        ['data-dictionary.csv', 'text/csv; charset=utf-8'],
        ['vision.json', 'application/json'],
        ['open-data.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['datapackage.json', 'application/json'],
      ],
    );
  });

  test('every CSV: BOM, CRLF, header, the row count it states, and a 6-digit code as text on every row', () => {
    for (const file of files.filter((f) => f.format === 'CSV')) {
      const { header, records } = csv(file.name);
      assert.equal(records.length, file.rowCount, file.name);
      if (file.name === 'data-dictionary.csv') continue;
      assert.equal(header[0], 'municipality_code', file.name);
      for (const record of records) assert.match(record.municipality_code ?? '', CODE, file.name);
    }
  });

  test('projects.csv: 55 projects in order, names exactly as in the vision', () => {
    const { records } = csv('projects.csv');
    assert.equal(records.length, 55);
    records.forEach((r, i) => {
      const p = vision.projects[i];
      assert.ok(p);
      assert.equal(r.project_number, String(p.number));
      assert.equal(r.project_name, p.name);
      assert.equal(r.name_in_matrix, p.nameInMatrix ?? '');
      assert.equal(r.effect, p.effect ?? '');
      assert.equal(r.is_new, String(p.isNew));
      assert.equal(r.municipality_code, '022012');
      assert.equal(r.municipality_name, '青森市');
    });
    const byNumber = (n: number) => records.find((r) => r.project_number === String(n)) as CsvRecord;
    assert.deepEqual(
      records.filter((r) => r.is_new === 'true').map((r) => r.project_number),
      ['36', '46', '55'],
    );
    assert.equal(byNumber(19).sub_field, '1');
    assert.equal(byNumber(19).sub_field_title, '地域医療');
    assert.equal(byNumber(1).sub_field, '');
  });

  test('budgets.csv: long format, 55 × 5 years + 55 totals, blank and dash kept apart, 和暦 beside 西暦', () => {
    const { records } = csv('budgets.csv');
    assert.equal(records.length, 55 * 5 + 55);
    const cell = (n: number, fy: number | null) =>
      records.find(
        (r) => r.project_number === String(n) && (fy === null ? r.is_total === 'true' : r.fiscal_year === String(fy)),
      ) as CsvRecord;
    assert.deepEqual(pick(cell(1, 2020), 'amount_thousand_yen', 'mark', 'fiscal_year_wareki', 'is_total'), [
      '408',
      '',
      '令和2年度',
      'false',
    ]);
    assert.deepEqual(pick(cell(9, 2020), 'amount_thousand_yen', 'mark'), ['', 'dash']);
    assert.deepEqual(pick(cell(33, 2020), 'amount_thousand_yen', 'mark'), ['', 'blank']);
    assert.deepEqual(pick(cell(1, null), 'amount_thousand_yen', 'fiscal_year', 'fiscal_year_wareki'), ['2019', '', '']);
    assert.equal(cell(1, 2022).fiscal_year_wareki, '令和4年度');
    for (const r of records) {
      assert.match(r.amount_thousand_yen ?? '', /^(\d+)?$/, 'digits only: no separator, no unit');
      assert.equal(r.amount_thousand_yen === '', r.mark !== '', 'a mark exactly when there is no amount');
    }
    // the year rows add up to the same total as the vision
    const sum = (rows: CsvRecord[]) => rows.reduce((s, r) => s + Number(r.amount_thousand_yen || 0), 0);
    const visionSum = vision.projects.flatMap((p) => p.budget.years).reduce((s, y) => s + (y.amount ?? 0), 0);
    assert.equal(sum(records.filter((r) => r.is_total === 'false')), visionSum);
  });

  test('kpis.csv: one row per KPI, typed values, the ～ of a footnote kept', () => {
    const { records } = csv('kpis.csv');
    const kpis = vision.projects.flatMap((p) => p.kpis.map((k) => ({ p, k })));
    assert.equal(records.length, kpis.length);
    records.forEach((r, i) => {
      const entry = kpis[i];
      assert.ok(entry);
      assert.equal(r.indicator, entry.k.indicator);
      assert.equal(r.note, entry.k.note ?? '');
      assert.equal(r.baseline_text, entry.k.baseline.text);
      assert.equal(r.target_kind, entry.k.target.kind);
      assert.equal(r.target_value, entry.k.target.value === null ? '' : String(entry.k.target.value));
    });
    assert.ok(records.some((r) => r.note?.includes('AoMoLink～赤坂～')));
    const merged = records.filter((r) => r.target_kind === 'merged_into');
    assert.ok(merged.length > 0 && merged.every((r) => /^\d+$/.test(r.target_merged_into ?? '')));
    const first = records[0] as CsvRecord;
    assert.deepEqual(pick(first, 'baseline_value', 'baseline_unit', 'target_value', 'target_fiscal_year'), [
      '44',
      '事業',
      '52',
      '2024',
    ]);
    assert.equal(first.target_fiscal_year_wareki, '令和6年度');
  });

  test('participation.csv and municipalities.csv: each municipality with its own code; 外ヶ浜町 as officially written', () => {
    const municipalities = csv('municipalities.csv').records;
    assert.deepEqual(
      municipalities.map((r) => [r.municipality_code, r.municipality_name, r.is_central_city]),
      vision.area.municipalities.map((m) => [m.code, m.name, String(m.isCentralCity)]),
    );
    assert.deepEqual(pick(municipalities[3] as CsvRecord, 'municipality_code', 'municipality_name'), [
      '023078',
      '外ヶ浜町',
    ]);
    const participation = csv('participation.csv').records;
    assert.equal(participation.length, 5 * 55);
    const toyogaHama = participation.filter((r) => r.municipality_name === '外ヶ浜町');
    assert.equal(toyogaHama.length, 55);
    assert.ok(toyogaHama.every((r) => r.municipality_code === '023078'));
    for (const r of participation) {
      const project = vision.projects.find((p) => String(p.number) === r.project_number);
      const expected =
        r.is_central_city === 'true' || (project?.participants.includes(r.municipality_name ?? '') ?? false);
      assert.equal(r.participates, String(expected));
    }
  });

  test('project-contents.csv and findings.csv: texts as printed', () => {
    const contents = csv('project-contents.csv').records;
    const expected = vision.projects.flatMap((p) => [
      ...p.content.map((t) => [String(p.number), 'content', t]),
      ...p.notes.map((t) => [String(p.number), 'note', t]),
    ]);
    assert.deepEqual(
      contents.map((r) => [r.project_number, r.kind, r.text]),
      expected,
    );
    const findings = csv('findings.csv').records;
    assert.deepEqual(
      findings.map((r) => [r.code, r.message, r.project_number]),
      vision.findings.map((f) => [f.code, f.message, f.project === null ? '' : String(f.project)]),
    );
  });

  test('data-dictionary.csv documents every column of every CSV and the fields of vision.json', () => {
    const dictionary = csv('data-dictionary.csv').records;
    for (const file of files.filter((f) => f.format === 'CSV')) {
      for (const column of csv(file.name).header) {
        const entry = dictionary.find((d) => d.file === file.name && d.column === column);
        assert.ok(entry, `${file.name} ${column} is in the dictionary`);
        assert.ok(entry.label && entry.type && entry.description, `${file.name} ${column} is described`);
      }
    }
    for (const name of ['vision.json', 'open-data.xlsx', 'datapackage.json', 'catalog.jsonld']) {
      assert.ok(
        dictionary.some((d) => d.file === name),
        name,
      );
    }
    const amount = dictionary.find((d) => d.file === 'budgets.csv' && d.column === 'amount_thousand_yen');
    assert.equal(amount?.unit, '千円');
  });

  test('vision.json is the Vision JSON itself, UTF-8 without BOM', () => {
    assert.deepEqual(readJsonBack(findFile(files, 'vision.json')), vision);
  });
});

function pick(record: CsvRecord, ...keys: string[]): string[] {
  return keys.map((k) => {
    assert.ok(k in record, `column ${k}`);
    return record[k] as string;
  });
}
