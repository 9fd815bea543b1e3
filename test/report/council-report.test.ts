/**
 * The council's progress report (issue 9) from the seed with a year of results: the HTML has the cover, the
 * contents and every project; the workbook read back with ExcelJS has the amounts, totals as formulas with their
 * values and Japanese text unchanged; the PDF's text (pdftotext) holds every project and its KPI statuses; the
 * public report leaves out what is not published; the pages answer by audience.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import type { CouncilReport } from '../../src/report/council-report/build-council-report.js';
import { createApp } from '../../src/server/app.js';
import { recordCouncilOpinion } from '../../src/service/council/council-opinions.js';
import { readCouncilReport, renderCouncilReport } from '../../src/service/council-report/council-report-file.js';
import { importDocument } from '../../src/service/import-document.js';
import { recordMunicipalityResult } from '../../src/service/results/municipality-results.js';
import { publishYearResults } from '../../src/service/results/publish-result-year.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { fillYearResults } from '../helpers/fill-year-results.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { seedText, withProject1Reestimated } from '../helpers/seed-variants.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';
import { signedInClient } from '../helpers/web-client.js';

const AREA = '青森圏域';
const PUBLISHED = 2021;
const DRAFT = 2022;
/** 今別町's part of project 1, entered but not approved: staff see it, the public does not */
const UNAPPROVED_AMOUNT = 98765;
const OPINION = '広域での周知をさらに進められたい。';
const RESPONSE = '各町村の広報紙で周知します。';
const operator = operatorActor('cli');
const squeeze = (text: string) => text.replace(/\s+/g, '');

const pdftotextMissing = spawnSync('pdftotext', ['-v']).error !== undefined;
if (pdftotextMissing) console.log('pdftotext (poppler-utils) is not installed: the PDF text read-back is skipped.');
const sofficeMissing = spawnSync('soffice', ['--version'], { timeout: 60_000 }).error !== undefined;
if (sofficeMissing)
  console.log('soffice (LibreOffice) is not installed: the workbook re-save by LibreOffice is skipped.');

/** The first row whose first cell is 合計 on the summary sheet: the totals by role. */
function roleTotalRow(workbook: ExcelJS.Workbook): ExcelJS.Row | undefined {
  const totals: ExcelJS.Row[] = [];
  workbook.getWorksheet('概要')?.eachRow((row) => {
    if (row.getCell(1).value === '合計') totals.push(row);
  });
  return totals[0];
}

describe('the council report', () => {
  let database: OpenDatabase;
  let app: Hono;
  let staff: CouncilReport;
  let dir: string;

  before(async () => {
    database = await openMigrated(pgliteEngine);
    const db = database.db;
    app = createApp({ db, dataStampTtlMs: 0, logger: createMemoryLog().logger });
    dir = mkdtempSync(path.join(tmpdir(), 'renkei-report-'));
    await importDocument(db, operator, { fileName: 'seed.txt', bytes: readFileSync(repoPath(SEED_DOCUMENT)) });
    await fillYearResults(db, { areaSlug: AREA, fiscalYear: PUBLISHED, rules: true });
    await fillYearResults(db, { areaSlug: AREA, fiscalYear: DRAFT });
    const project1 = { areaSlug: AREA, fiscalYear: PUBLISHED, projectNumber: 1 };
    await recordCouncilOpinion(db, operator, project1, { part: 'opinion', text: OPINION, expectedVersion: 0 });
    await recordCouncilOpinion(db, operator, project1, { part: 'response', text: RESPONSE, expectedVersion: 1 });
    await recordMunicipalityResult(db, operator, {
      ...project1,
      municipalityCode: '023035',
      amount: UNAPPROVED_AMOUNT,
      comment: '',
      expectedVersion: 0,
    });
    await publishYearResults(db, operator, { areaSlug: AREA, fiscalYear: PUBLISHED });
    staff = await readCouncilReport(db, { areaSlug: AREA, fiscalYear: PUBLISHED, audience: 'staff' });
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the model has every project, graded, with the opinion and response', () => {
    assert.equal(staff.projects.length, 55);
    assert.ok(staff.projects.some((p) => p.grade === 'A') && staff.projects.some((p) => p.grade === 'D'));
    assert.equal(staff.projects[0]?.opinion, OPINION);
    assert.equal(staff.projects[0]?.response, RESPONSE);
    assert.equal(
      staff.byRole.reduce((n, r) => n + r.projects, 0),
      55,
    );
  });

  test('the HTML has the cover, the contents, the summaries and every project', async () => {
    const html = new TextDecoder().decode(await renderCouncilReport(staff, 'html'));
    assert.match(html, /<section class="cover">[\s\S]*青森圏域 2021年度（令和3年度） 進捗状況報告/);
    assert.match(html, /<h1>目次<\/h1>/);
    for (const heading of ['役割別の概要', '連携施策別の概要', '市町村別の負担', '事業別の進捗']) {
      assert.ok(html.includes(`<h1>${heading}</h1>`), heading);
    }
    assert.match(html, /@page \{ size: A4/);
    assert.equal((html.match(/<svg role="img"/g) ?? []).length, 5);
    for (const p of staff.projects) assert.ok(html.includes(`id="project-${p.number}"`), `project ${p.number}`);
    assert.ok(html.includes(OPINION) && html.includes(RESPONSE));
    assert.ok(html.includes('98,765'), 'staff see the unapproved part');
  });

  test('the public report leaves out unapproved parts, and an unpublished year is not found', async () => {
    const db = database.db;
    const publicReport = await readCouncilReport(db, { areaSlug: AREA, fiscalYear: PUBLISHED, audience: 'public' });
    const html = new TextDecoder().decode(await renderCouncilReport(publicReport, 'html'));
    assert.ok(!html.includes('98,765'));
    assert.ok(!html.includes('未公表'));
    assert.ok(html.includes(OPINION));
    await assert.rejects(
      readCouncilReport(db, { areaSlug: AREA, fiscalYear: DRAFT, audience: 'public' }),
      (error: Error & { code?: string }) => error.code === 'NOT_FOUND',
    );
  });

  test('the workbook: amounts as numbers in 千円, totals as formulas with values, Japanese text unchanged', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderCouncilReport(staff, 'xlsx', new Date('2026-01-01'))).buffer as ArrayBuffer);
    const summary = workbook.getWorksheet('概要');
    assert.ok(summary);
    assert.equal(summary.views[0]?.state, 'frozen');
    assert.equal(summary.pageSetup.paperSize, 9);
    const roleTotal = roleTotalRow(workbook);
    const planTotal = staff.byRole.reduce((n, r) => n + r.plan, 0);
    assert.deepEqual(roleTotal?.getCell(2).value, { formula: `SUM(B4:B${3 + staff.byRole.length})`, result: 55 });
    const plan = roleTotal?.getCell(11).value as { formula: string; result: number };
    assert.match(plan.formula, /^SUM\(K\d+:K\d+\)$/);
    assert.equal(plan.result, planTotal);
    assert.equal(roleTotal?.getCell(11).numFmt, '#,##0');
    const actual = roleTotal?.getCell(12).value as { formula: string; result: number };
    assert.match(actual.formula, /^SUM\(L\d+:L\d+\)$/);
    assert.equal(
      actual.result,
      staff.byRole.reduce((n, r) => n + r.actual, 0),
    );
    assert.equal(workbook.worksheets.length, 1 + staff.byPolicyArea.length);
    const names: string[] = [];
    let amountSum = 0;
    for (const sheet of workbook.worksheets.slice(1)) {
      assert.equal(sheet.pageSetup.printArea?.startsWith('A1:M'), true);
      sheet.eachRow((row, n) => {
        if (n > 3 && typeof row.getCell(1).value === 'number') {
          names.push(String(row.getCell(2).value));
          amountSum += Number(row.getCell(4).value ?? 0);
        }
      });
    }
    assert.deepEqual(
      names,
      staff.projects.map((p) => p.name),
    );
    assert.equal(amountSum, planTotal);
  });

  test('LibreOffice opens the workbook, recalculates the same totals and keeps the text', {
    skip: sofficeMissing,
  }, async () => {
    const file = path.join(dir, 'report.xlsx');
    writeFileSync(file, await renderCouncilReport(staff, 'xlsx'));
    const out = path.join(dir, 'resaved');
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const converted = spawnSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file],
      { timeout: 180_000, encoding: 'utf8' },
    );
    assert.equal(converted.status, 0, converted.stderr);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'report.xlsx'));
    const total = roleTotalRow(workbook);
    const plan = total?.getCell(11).value as { formula: string; result: number };
    assert.match(plan.formula, /^SUM\(K\d+:K\d+\)$/);
    assert.equal(
      plan.result,
      staff.byRole.reduce((n, r) => n + r.plan, 0),
    );
    const firstSheet = workbook.worksheets[1];
    assert.equal(firstSheet?.getCell('B4').value, staff.projects[0]?.name);
  });

  test('the PDF text holds every project and its KPI statuses', { skip: pdftotextMissing }, async () => {
    const file = path.join(dir, 'report.pdf');
    const bytes = await renderCouncilReport(staff, 'pdf');
    assert.ok(Buffer.from(bytes).includes('/Outlines'), 'the PDF has an outline');
    writeFileSync(file, bytes);
    const text = squeeze(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout);
    const starts = staff.projects.map((p) => text.lastIndexOf(squeeze(`事業${p.number}${p.name}`)));
    staff.projects.forEach((project, i) => {
      const start = starts[i] ?? -1;
      assert.ok(start >= 0, `project ${project.number} in the PDF`);
      const section = text.slice(start, starts[i + 1] ?? text.length);
      for (const level of ['遅れ', '概ね順調'] as const) {
        const expected = project.kpis.filter((k) => k.status === level).length;
        assert.equal(section.split(level).length - 1, expected, `project ${project.number}: ${level}`);
      }
    });
  });

  test('the pages: the published year for everyone, the draft for nobody signed out', async () => {
    const list = await (await app.request('/reports')).text();
    assert.ok(list.includes(`/reports/${PUBLISHED}.pdf`));
    assert.ok(!list.includes(`/reports/${DRAFT}.pdf`));
    const base = `/areas/${encodeURIComponent(AREA)}/reports`;
    const xlsx = await app.request(`${base}/${PUBLISHED}.xlsx`);
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.equal((await app.request(`${base}/${DRAFT}.html`)).status, 404);
    assert.equal((await app.request(`${base}/${PUBLISHED}.doc`)).status, 404);
  });

  test('a council member of the area reads the draft, as admins do every unpublished result', async () => {
    const base = `/areas/${encodeURIComponent(AREA)}/reports`;
    const council = await signedInClient(app, database.db, { email: 'c@example.jp', role: 'council', areaSlug: AREA });
    assert.ok((await (await council.request('/reports')).text()).includes(`/reports/${DRAFT}.pdf`));
    const draft = await council.request(`${base}/${DRAFT}.html`);
    assert.equal(draft.status, 200);
    assert.match(await draft.text(), /未公表（案）/);
    assert.equal(draft.headers.get('cache-control'), 'private, no-store');
    const stranger = await signedInClient(app, database.db, { email: 'x@example.jp', role: 'admin' });
    assert.equal((await stranger.request(`${base}/${DRAFT}.html`)).status, 200, 'admins read every draft');
  });

  test('a re-estimated plan shows every estimate, by revision (run last: it publishes a revision)', async () => {
    const db = database.db;
    const revised = new TextEncoder().encode(withProject1Reestimated(seedText()));
    await importDocument(db, operator, { fileName: 'seed-revised.txt', bytes: revised });
    const report = await readCouncilReport(db, { areaSlug: AREA, fiscalYear: PUBLISHED, audience: 'staff' });
    const years = report.projects.find((p) => p.number === 1)?.years ?? [];
    assert.deepEqual(
      years.map((y) => [y.fiscalYear, y.plan, y.reestimates]),
      [
        [2020, 408, null],
        [2021, 408, null],
        [2022, 401, null],
        [2023, 450, '401（第1版・R4年3月） → 450（第2版・R4年3月）'],
        [2024, 401, null],
      ],
    );
    const html = new TextDecoder().decode(await renderCouncilReport(report, 'html'));
    assert.ok(html.includes('<th scope="col">計画の見直し</th>'));
    assert.ok(html.includes('401（第1版・R4年3月） → 450（第2版・R4年3月）'));
  });
});
