/**
 * The entry workbook's round trip through the services, on every database (issue 9): a workbook goes out, is
 * filled as Excel users fill it, comes back and lands the same results as the forms; every kind of bad cell is
 * listed with its sheet and cell; an untouched workbook is a no-op; another municipality, year or revision, and a
 * part changed meanwhile, are refused.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type ExcelJS from 'exceljs';
import { type Actor, operatorActor, type RoleName } from '../../src/domain/access-policy.js';
import type { WorkbookProblem } from '../../src/domain/entry-workbook.js';
import { formatEntryWorkbook } from '../../src/report/format-entry-workbook.js';
import { loadAccountActor } from '../../src/service/accounts/load-actor.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { importDocument } from '../../src/service/import-document.js';
import { applyWorkbookImport } from '../../src/service/results/apply-workbook-import.js';
import { buildEntryWorkbook } from '../../src/service/results/build-entry-workbook.js';
import { getCentralResult } from '../../src/service/results/central-results.js';
import { getMunicipalityResult, recordMunicipalityResult } from '../../src/service/results/municipality-results.js';
import { planWorkbookImport } from '../../src/service/results/plan-workbook-import.js';
import { isWorkbookProblem, ResultsFileRejectedError } from '../../src/service/results/results-file-rejected-error.js';
import { findAccountByEmail } from '../../src/store/account-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { openEntryWorkbook } from '../helpers/fill-entry-workbook.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const AREA = '青森圏域';
const FY = 2022;
const HIRANAI = '023019';
const AOMORI = '022012';

const auditCount = async (database: OpenDatabase) =>
  Number(
    (
      await database.db
        .selectFrom('audit_entry')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const problemsOf = async (promise: Promise<unknown>): Promise<WorkbookProblem[]> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ResultsFileRejectedError) return error.problems.filter(isWorkbookProblem);
    throw error;
  }
  assert.fail('expected the workbook to be refused');
};

for (const engine of testEngines) {
  describe(`the entry workbook on ${engine.name}`, () => {
    let database: OpenDatabase;
    const actors: Record<string, Actor> = {};
    const actor = (key: string) => actors[key] as Actor;
    const workbookOf = async (key: string, code: string, fiscalYear = FY) =>
      formatEntryWorkbook(
        await buildEntryWorkbook(database.db, actor(key), { areaSlug: AREA, fiscalYear, municipalityCode: code }),
      );
    const plan = (key: string, bytes: Uint8Array, code: string, approve = false) =>
      planWorkbookImport(database.db, actor(key), {
        fileName: 'book.xlsx',
        bytes,
        expect: { areaSlug: AREA, fiscalYear: FY, municipalityCode: code },
        approve,
      });

    before(async () => {
      actors.operator = operatorActor('cli');
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      for (const [key, role, municipality] of [
        ['central', 'central_staff', undefined],
        ['hiranai', 'municipality_staff', HIRANAI],
      ] as const) {
        const email = `${key}@example.jp`;
        await addAccount(database.db, operatorActor('cli'), {
          email,
          name: key,
          password: 'long enough password',
          role: { role: role as RoleName, areaSlug: AREA, municipality },
        });
        const row = await findAccountByEmail(database.db, email);
        actors[key] = (await loadAccountActor(database.db, row?.id ?? '', 'web')) as Actor;
      }
    });
    after(async () => {
      await database.close();
    });

    test('filled as Excel users do, it lands the same results as the form', async () => {
      const book = await openEntryWorkbook(await workbookOf('hiranai', HIRANAI));
      const [first, second, third] = [0, 1, 2].map((n) => book.idAt('parts', n));
      book.set('parts', first as string, 'amount', '１，２３４ '); // full-width, separator, trailing space
      book.set('parts', first as string, 'comment', '  予定どおり実施  ');
      book.set('parts', second as string, 'amount', { formula: '100+23', result: 123 });
      book.set('parts', third as string, 'amount', '0');
      const sheet = book.sheetOf('parts');
      sheet.name = '平内町の記入'; // renamed
      sheet.getRow(sheet.rowCount + 3).values = ['', '', '', 99, '足した行', '', '', '', '', 5]; // a row below
      // rows sorted: swap the first two rows whole (ids go with them)
      const a = sheet.getRow(4).values as ExcelJS.CellValue[];
      const b = sheet.getRow(5).values as ExcelJS.CellValue[];
      sheet.getRow(4).values = b;
      sheet.getRow(5).values = a;

      const planned = await plan('hiranai', await book.save(), HIRANAI);
      assert.equal(planned.changes.length, 3);
      const amounts = planned.changes.map((c) => (c.kind === 'part' ? c.values.amount : undefined)).sort();
      assert.deepEqual(amounts, [0, 123, 1234]);
      assert.ok(planned.changes.every((c) => c.fields.every((f) => /^[A-Z]+\d+$/.test(f.cell))));
      const applied = await applyWorkbookImport(database.db, actor('hiranai'), planned, { approve: false });
      assert.equal(applied.changed, 3);

      const change = planned.changes.find((c) => c.kind === 'part' && c.values.amount === 1234);
      const stored = await getMunicipalityResult(database.db, actor('hiranai'), {
        areaSlug: AREA,
        fiscalYear: FY,
        projectNumber: change?.projectNumber ?? 0,
        municipalityCode: HIRANAI,
      });
      assert.deepEqual(
        [stored.amount, stored.comment, stored.state, stored.version],
        [1234, '予定どおり実施', 'draft', 1],
      );
    });

    test('a workbook returned unchanged writes and audits nothing', async () => {
      const bytes = await workbookOf('hiranai', HIRANAI);
      const audits = await auditCount(database);
      const planned = await plan('hiranai', bytes, HIRANAI);
      assert.equal(planned.changes.length, 0);
      await applyWorkbookImport(database.db, actor('hiranai'), planned, { approve: false });
      assert.equal(await auditCount(database), audits);
    });

    test('every bad cell is listed with its sheet, cell, what was expected and what was found; nothing stored', async () => {
      const book = await openEntryWorkbook(await workbookOf('central', AOMORI));
      const part = book.idAt('parts', 0);
      book.set('parts', part, 'amount', '-5');
      book.set('parts', book.idAt('parts', 1), 'amount', '12.5');
      book.set('parts', book.idAt('parts', 2), 'amount', 'たくさん');
      book.set('projects', book.idAt('projects', 0), 'progress', 'あ'.repeat(2001));
      book.set('kpis', book.idAt('kpis', 0), 'actual', '多い');
      book.set('kpis', book.idAt('kpis', 1), 'notCounted', 'まだ');
      book.set('kpis', book.idAt('kpis', 2), 'actual', 5);
      book.set('kpis', book.idAt('kpis', 2), 'notCounted', '未集計');
      const audits = await auditCount(database);
      const problems = await problemsOf(plan('central', await book.save(), AOMORI));
      assert.equal(problems.length, 7, JSON.stringify(problems));
      const amountCell = book.cell('parts', part, 'amount').address;
      assert.deepEqual(problems[0], {
        sheet: '負担分の決算額',
        cell: amountCell,
        expected: '0 以上の整数（千円）、または空欄',
        found: '-5',
      });
      assert.ok(problems.some((p) => p.sheet === '事業の実績' && p.expected === '2000 文字以内の文章'));
      assert.ok(problems.some((p) => p.sheet === '成果指標の実績' && p.found === 'まだ'));
      assert.ok(problems.some((p) => p.sheet === '成果指標の実績' && p.found === '5' && p.expected.includes('空欄')));
      assert.equal(await auditCount(database), audits);
    });

    test('the central workbook lands totals, comments and KPI actuals (未集計 with its reason)', async () => {
      const book = await openEntryWorkbook(await workbookOf('central', AOMORI));
      const project = book.idAt('projects', 0);
      book.set('projects', project, 'actualTotal', 400);
      book.set('projects', project, 'progress', '懇談会を 2 回開催');
      book.set('kpis', book.idAt('kpis', 0), 'actual', '２５');
      book.set('kpis', book.idAt('kpis', 1), 'notCounted', '未集計');
      book.set('kpis', book.idAt('kpis', 1), 'notCountedReason', '調査が翌年度 ');
      const planned = await plan('central', await book.save(), AOMORI);
      assert.equal(planned.changes.length, 3);
      await applyWorkbookImport(database.db, actor('central'), planned, { approve: false });
      const kpiChanges = planned.changes.filter((c) => c.kind === 'kpi');
      const projectNumber = planned.changes.find((c) => c.kind === 'project')?.projectNumber ?? 0;
      const result = await getCentralResult(database.db, actor('central'), {
        areaSlug: AREA,
        fiscalYear: FY,
        projectNumber,
      });
      assert.deepEqual([result.actualTotal, result.progress], [400, '懇談会を 2 回開催']);
      const values = kpiChanges.map((c) => (c.kind === 'kpi' ? c.values : undefined));
      assert.deepEqual(values, [
        { actual: 25, notCountedReason: null },
        { actual: null, notCountedReason: '調査が翌年度' },
      ]);
    });

    test('another municipality, another year or an older revision is refused, saying which', async () => {
      const bytes = await workbookOf('central', AOMORI);
      const [wrongTown] = await problemsOf(plan('hiranai', bytes, HIRANAI));
      assert.match(wrongTown?.found ?? '', /青森市（022012）のブック/);
      assert.match(wrongTown?.expected ?? '', /平内町（023019）/);
      const book = await openEntryWorkbook(await workbookOf('hiranai', HIRANAI));
      book.setMeta('fiscal_year', 2023);
      const [wrongYear] = await problemsOf(plan('hiranai', await book.save(), HIRANAI));
      assert.equal(wrongYear?.found, '2023年度のブック');
      book.setMeta('fiscal_year', FY);
      const revision = Number(
        (
          await buildEntryWorkbook(database.db, actor('hiranai'), {
            areaSlug: AREA,
            fiscalYear: FY,
            municipalityCode: HIRANAI,
          })
        ).revisionId,
      );
      book.setMeta('revision_id', revision - 1);
      const [older] = await problemsOf(plan('hiranai', await book.save(), HIRANAI));
      assert.match(older?.found ?? '', /古い版のビジョン/);
    });

    test('a part changed by someone else since the workbook was made is a conflict at its cell', async () => {
      const book = await openEntryWorkbook(await workbookOf('hiranai', HIRANAI));
      const id = book.idAt('parts', 3);
      const projectNumber = Number(book.cell('parts', id, 'projectNumber').value);
      await recordMunicipalityResult(database.db, actor('hiranai'), {
        areaSlug: AREA,
        fiscalYear: FY,
        projectNumber,
        municipalityCode: HIRANAI,
        amount: 7,
        comment: '',
        expectedVersion: 0,
      });
      book.set('parts', id, 'amount', 8);
      const [conflict] = await problemsOf(plan('hiranai', await book.save(), HIRANAI));
      assert.equal(conflict?.cell, book.cell('parts', id, 'amount').address);
      assert.match(conflict?.found ?? '', /ほかの人が「決算額（千円）」を 7 に変更済み/);
    });

    test('the operator import stores the parts as approved', async () => {
      const book = await openEntryWorkbook(await workbookOf('operator', HIRANAI));
      const id = book.idAt('parts', 4);
      book.set('parts', id, 'amount', 55);
      const planned = await plan('operator', await book.save(), HIRANAI, true);
      await applyWorkbookImport(database.db, operatorActor('cli'), planned, { approve: true });
      const stored = await getMunicipalityResult(database.db, actor('central'), {
        areaSlug: AREA,
        fiscalYear: FY,
        projectNumber: planned.changes[0]?.projectNumber ?? 0,
        municipalityCode: HIRANAI,
      });
      assert.deepEqual([stored.amount, stored.state], [55, 'approved']);
    });
  });
}
