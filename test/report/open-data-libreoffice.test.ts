import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type ExcelJS from 'exceljs';
import { parseDocument } from '../../src/import/parse-document.js';
import { buildOpenDataFiles, type OpenDataFile } from '../../src/report/build-open-data-files.js';
import { buildProject } from '../helpers/build-project.js';
import { buildVision } from '../helpers/build-vision.js';
import { findSoffice } from '../helpers/find-soffice.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { findFile, loadWorkbook, readCsvBack } from './read-open-data.js';

const run = promisify(execFile);
const INFO = { areaSlug: '青森圏域', seq: 1, label: 'R4年3月', publishedAt: '2026-01-05T01:02:03.000Z' };

/** LibreOffice's CSV filter options: comma, double quote, UTF-8 (76), from line 1, then column formats. */
const csvFilter = (columnFormats: string) => `CSV:44,34,76,1,${columnFormats}`;
/** Every column of the first `n` as Text (2): what the file holds arrives unchanged, whatever it looks like. */
const allText = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}/2`).join('/');

const soffice = await findSoffice();
const skipReason = soffice
  ? false
  : 'soffice (LibreOffice) is not installed: the spreadsheet read-back of the CSV files is skipped. ' +
    'Install Debian package libreoffice-calc-nogui to run it (.ci/run does).';
if (skipReason) console.log(skipReason);

describe('the CSV files opened in a real spreadsheet (LibreOffice headless)', { skip: skipReason }, () => {
  let files: OpenDataFile[];
  let dir: string;
  const csvFiles = () => files.filter((f) => f.format === 'CSV');

  // One profile of its own: a second soffice sharing the user's profile would hand its work to the first.
  const convert = async (inputs: string[], infilter: string, to: string, outdir: string) => {
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      soffice as string,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        `--infilter=${infilter}`,
        '--convert-to',
        to,
        '--outdir',
        outdir,
        ...inputs,
      ],
      { timeout: 180_000 },
    );
  };

  before(async () => {
    files = await buildOpenDataFiles(parseDocument(readRepoText(SEED_DOCUMENT)).vision, INFO);
    dir = await mkdtemp(path.join(tmpdir(), 'renkei-soffice-'));
    for (const file of csvFiles()) await writeFile(path.join(dir, file.name), file.bytes);
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('read as UTF-8 and written back as CSV, every cell of every file is unchanged (Japanese text included)', async () => {
    const out = path.join(dir, 'csv-out');
    await convert(
      csvFiles().map((f) => path.join(dir, f.name)),
      csvFilter(allText(64)),
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      out,
    );
    for (const file of csvFiles()) {
      const original = readCsvBack(file.bytes);
      // LibreOffice writes no BOM and ends lines as the platform does: compare the parsed cells
      const text = (await readFile(path.join(out, file.name), 'utf8')).replace(/^\uFEFF/, '');
      const back = readCsvBack(new TextEncoder().encode(`\uFEFF${text.replace(/\r?\n/g, '\r\n')}`));
      assert.deepEqual(back.header, original.header, file.name);
      assert.equal(back.records.length, original.records.length, file.name);
      assert.deepEqual(back.records, original.records, file.name);
    }
  });

  test('names with ① ～ ㈱, a comma, quotes and a line break survive the spreadsheet too', async () => {
    const names = ['①地域医療～在宅㈱ｶﾅ', '外ヶ浜町との連携, "引用"つき', '改行を\n含む名前'];
    const tricky = await buildOpenDataFiles(
      buildVision({ projects: names.map((name, i) => buildProject(i + 1, { name })) }),
      INFO,
    );
    const sub = path.join(dir, 'tricky');
    await mkdir(sub);
    await writeFile(path.join(sub, 'projects.csv'), findFile(tricky, 'projects.csv').bytes);
    await convert([path.join(sub, 'projects.csv')], csvFilter(allText(64)), 'xlsx', path.join(sub, 'out'));
    const workbook = await loadWorkbook(await readFile(path.join(sub, 'out', 'projects.xlsx')));
    const sheet = workbook.worksheets[0];
    assert.equal(sheet?.rowCount, names.length + 1, 'the line break did not start a row');
    assert.deepEqual(
      names.map((_, i) => plain(sheet?.getRow(i + 2).getCell(5).value ?? null)),
      names,
    );
  });

  test('budgets.csv opened as a spreadsheet: the code kept as text, amounts as numbers, names intact', async () => {
    const out = path.join(dir, 'xlsx-out');
    await convert([path.join(dir, 'budgets.csv')], csvFilter('1/2'), 'xlsx', out);
    const workbook = await loadWorkbook(await readFile(path.join(out, 'budgets.xlsx')));
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    const { records } = readCsvBack(findFile(files, 'budgets.csv').bytes);
    assert.equal(sheet.rowCount, records.length + 1);
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    const column = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    assert.equal(row.getCell(column('municipality_code')).value, '022012');
    assert.equal(row.getCell(column('amount_thousand_yen')).value, 408);
    assert.equal(row.getCell(column('fiscal_year')).value, 2020);
    records.forEach((record, i) => {
      const cells = sheet.getRow(i + 2);
      assert.equal(plain(cells.getCell(column('project_name')).value), record.project_name);
      assert.equal(plain(cells.getCell(column('fiscal_year_wareki')).value) ?? '', record.fiscal_year_wareki);
    });
  });
});

/** A cell's text: LibreOffice may store Japanese as rich text (runs with phonetic fonts). */
function plain(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}
