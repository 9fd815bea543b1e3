/**
 * The entry workbook re-saved by LibreOffice (issue 9): what a town that uses LibreOffice Calc sends back still maps
 * back by its hidden ids, an untouched one is still a no-op, and a filled one lands the same results.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { type Actor, operatorActor } from '../../src/domain/access-policy.js';
import { formatEntryWorkbook } from '../../src/report/format-entry-workbook.js';
import { importDocument } from '../../src/service/import-document.js';
import { applyWorkbookImport } from '../../src/service/results/apply-workbook-import.js';
import { buildEntryWorkbook } from '../../src/service/results/build-entry-workbook.js';
import { getCentralResult } from '../../src/service/results/central-results.js';
import { getMunicipalityResult } from '../../src/service/results/municipality-results.js';
import { planWorkbookImport } from '../../src/service/results/plan-workbook-import.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { openEntryWorkbook } from '../helpers/fill-entry-workbook.js';
import { findSoffice } from '../helpers/find-soffice.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

const run = promisify(execFile);
const AREA = '青森圏域';
const FY = 2022;
const AOMORI = '022012';

const soffice = await findSoffice();
const skipReason = soffice
  ? false
  : 'soffice (LibreOffice) is not installed: the entry workbook re-saved by LibreOffice is not tested. ' +
    'Install Debian package libreoffice-calc-nogui to run it.';
if (skipReason) console.log(skipReason);

describe('the entry workbook re-saved by LibreOffice', { skip: skipReason }, () => {
  let database: OpenDatabase;
  let dir: string;
  const operator: Actor = operatorActor('cli');
  const request = { areaSlug: AREA, fiscalYear: FY, municipalityCode: AOMORI };

  /** Opens the workbook in LibreOffice Calc and saves it again as .xlsx (a profile of its own). */
  const resave = async (bytes: Uint8Array, name: string): Promise<Uint8Array> => {
    const input = path.join(dir, `${name}.xlsx`);
    const outdir = path.join(dir, `${name}-out`);
    await writeFile(input, bytes);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    await run(
      soffice as string,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outdir,
        input,
      ],
      { timeout: 180_000 },
    );
    return readFile(path.join(outdir, `${name}.xlsx`));
  };
  const plan = (bytes: Uint8Array) =>
    planWorkbookImport(database.db, operator, { fileName: 'lo.xlsx', bytes, expect: request, approve: false });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'renkei-workbook-lo-'));
    database = await openMigrated(pgliteEngine);
    await importDocument(database.db, operator, {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
  });
  after(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('an untouched workbook re-saved by LibreOffice changes nothing', async () => {
    const bytes = await formatEntryWorkbook(await buildEntryWorkbook(database.db, operator, request));
    const planned = await plan(await resave(bytes, 'untouched'));
    assert.deepEqual(planned.changes, []);
  });

  test('a filled workbook re-saved by LibreOffice lands its values', async () => {
    const book = await openEntryWorkbook(
      await formatEntryWorkbook(await buildEntryWorkbook(database.db, operator, request)),
    );
    const part = book.idAt('parts', 0);
    const project = book.idAt('projects', 0);
    const kpi = book.idAt('kpis', 0);
    book.set('parts', part, 'amount', '２，５００');
    book.set('parts', part, 'comment', '計画どおり ');
    book.set('projects', project, 'actualTotal', { formula: '300+101', result: 401 });
    book.set('projects', project, 'selfEvaluation', '順調');
    book.set('kpis', kpi, 'actual', 12.5);
    book.sheetOf('kpis').name = '指標（記入済み）';
    const planned = await plan(await resave(await book.save(), 'filled'));
    assert.equal(planned.changes.length, 3, JSON.stringify(planned.changes));
    await applyWorkbookImport(database.db, operator, planned, { approve: false });
    const projectNumber = Number(book.cell('parts', part, 'projectNumber').value);
    const stored = await getMunicipalityResult(database.db, operator, { ...request, projectNumber });
    assert.deepEqual([stored.amount, stored.comment], [2500, '計画どおり']);
    const central = await getCentralResult(database.db, operator, {
      ...request,
      projectNumber: Number(book.cell('projects', project, 'projectNumber').value),
    });
    assert.deepEqual([central.actualTotal, central.selfEvaluation], [401, '順調']);
    const kpiProject = Number(book.cell('kpis', kpi, 'projectNumber').value);
    const kpiNumber = Number(book.cell('kpis', kpi, 'kpiNumber').value);
    const kpiResult = await getCentralResult(database.db, operator, { ...request, projectNumber: kpiProject });
    assert.equal(kpiResult.kpis[kpiNumber - 1]?.actual, 12.5);
  });
});
