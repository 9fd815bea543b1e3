/**
 * The yearly cycle's results through the services, on every database (issue 8): each municipality enters and
 * submits its part; the central city returns one with a reason, approves, enters the project's total, KPI
 * actuals and the cost-share rule, and publishes the year; the public sees only what is published and approved.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type Actor, operatorActor, type RoleName } from '../../src/domain/access-policy.js';
import { AppError } from '../../src/domain/errors.js';
import { loadAccountActor } from '../../src/service/accounts/load-actor.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { importDocument } from '../../src/service/import-document.js';
import { assembleYearStatus } from '../../src/service/results/assemble-year-status.js';
import { recordKpiResult, recordProjectResult } from '../../src/service/results/central-results.js';
import { loadAreaResults } from '../../src/service/results/load-area-results.js';
import {
  changeMunicipalityResultState,
  type ResultAddress,
  recordMunicipalityResult,
} from '../../src/service/results/municipality-results.js';
import { publishYearResults } from '../../src/service/results/publish-result-year.js';
import { setCostShareRule } from '../../src/service/results/set-cost-share-rule.js';
import { findAccountByEmail } from '../../src/store/account-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const AREA = '青森圏域';
const FY = 2022;
const CODES = { aomori: '022012', hiranai: '023019', imabetsu: '023035', sotogahama: '023078', yomogita: '023043' };
/** project 1 (ビジョン懇談会) has every town; its 2022 plan is 401 千円 */
const PROJECT = 1;

const rejects = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

for (const engine of testEngines) {
  describe(`the yearly results on ${engine.name}`, () => {
    let database: OpenDatabase;
    const actors: Record<string, Actor> = {};

    const account = async (key: string, role: RoleName, municipality?: string) => {
      const db = database.db;
      const email = `${key}@example.jp`;
      await addAccount(db, operatorActor('cli'), {
        email,
        name: key,
        password: 'long enough password',
        role: { role, areaSlug: AREA, municipality },
      });
      const row = await findAccountByEmail(db, email);
      actors[key] = (await loadAccountActor(db, row?.id ?? '', 'web')) as Actor;
    };
    const at = (code: string): ResultAddress => ({
      areaSlug: AREA,
      fiscalYear: FY,
      projectNumber: PROJECT,
      municipalityCode: code,
    });
    const actor = (key: string) => actors[key] as Actor;

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      await account('central', 'central_staff');
      for (const [key, code] of Object.entries(CODES)) {
        if (key !== 'aomori') await account(key, 'municipality_staff', code);
      }
    });
    after(async () => {
      await database.close();
    });

    test('enter, submit, return with a reason, correct, resubmit, approve: each step checked and audited', async () => {
      const db = database.db;
      const hiranai = actor('hiranai');
      const entered = await recordMunicipalityResult(db, hiranai, {
        ...at(CODES.hiranai),
        amount: 12,
        comment: '',
        expectedVersion: 0,
      });
      assert.equal(entered.state, 'draft');
      await assert.rejects(
        changeMunicipalityResultState(db, hiranai, { ...at(CODES.hiranai), transition: 'approve', expectedVersion: 1 }),
        rejects('FORBIDDEN'),
        'a town cannot approve its own part',
      );
      const submitted = await changeMunicipalityResultState(db, hiranai, {
        ...at(CODES.hiranai),
        transition: 'submit',
        expectedVersion: 1,
      });
      assert.equal(submitted.state, 'submitted');
      await assert.rejects(
        recordMunicipalityResult(db, hiranai, { ...at(CODES.hiranai), amount: 13, comment: '', expectedVersion: 2 }),
        rejects('CONFLICT'),
        'a submitted part is locked',
      );
      await assert.rejects(
        changeMunicipalityResultState(db, actor('central'), {
          ...at(CODES.hiranai),
          transition: 'return',
          expectedVersion: 2,
        }),
        rejects('INVALID_INPUT'),
        'a return needs a reason',
      );
      const returned = await changeMunicipalityResultState(db, actor('central'), {
        ...at(CODES.hiranai),
        transition: 'return',
        reason: '決算額が決算書と違います',
        expectedVersion: 2,
      });
      assert.deepEqual([returned.state, returned.returnReason], ['returned', '決算額が決算書と違います']);
      await recordMunicipalityResult(db, hiranai, {
        ...at(CODES.hiranai),
        amount: 15,
        comment: '',
        expectedVersion: 3,
      });
      await changeMunicipalityResultState(db, hiranai, {
        ...at(CODES.hiranai),
        transition: 'submit',
        expectedVersion: 4,
      });
      const approved = await changeMunicipalityResultState(db, actor('central'), {
        ...at(CODES.hiranai),
        transition: 'approve',
        expectedVersion: 5,
      });
      assert.deepEqual([approved.state, approved.amount, approved.version], ['approved', 15, 6]);
      const actions = await db
        .selectFrom('audit_entry')
        .select('action')
        .where('entity', '=', 'municipality_result')
        .where('entity_id', '=', `${FY}/${PROJECT}/${CODES.hiranai}`)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['result.record', 'result.submit', 'result.return', 'result.record', 'result.submit', 'result.approve'],
      );
    });

    test('a stale step is refused with the current state; another area’s staff cannot see the part', async () => {
      const db = database.db;
      await assert.rejects(
        changeMunicipalityResultState(db, actor('central'), {
          ...at(CODES.hiranai),
          transition: 'return',
          reason: 'x',
          expectedVersion: 1,
        }),
        rejects('CONFLICT'),
      );
      await assert.rejects(
        recordMunicipalityResult(db, actor('imabetsu'), {
          ...at(CODES.hiranai),
          amount: 1,
          comment: '',
          expectedVersion: 6,
        }),
        rejects('FORBIDDEN'),
      );
    });

    test('shares by a 30/70 rule add up to the total; entered parts override them; the difference is flagged', async () => {
      const db = database.db;
      const central = actor('central');
      await setCostShareRule(db, central, {
        areaSlug: AREA,
        projectNumber: PROJECT,
        rule: {
          kind: 'mix',
          parts: [
            { basis: 'equal', percent: 30 },
            { basis: 'population', percent: 70 },
          ],
        },
        expectedVersion: 0,
      });
      await recordProjectResult(
        db,
        central,
        { areaSlug: AREA, fiscalYear: FY, projectNumber: PROJECT },
        {
          actualTotal: 390,
          progress: '懇談会を 2 回開いた',
          nextSteps: '',
          selfEvaluation: '順調',
          expectedVersion: 0,
        },
      );
      const status = assembleYearStatus(await loadAreaResults(db, { areaSlug: AREA, audience: 'staff' }), FY);
      const spending = status.projects.find((p) => p.number === PROJECT)?.spending;
      assert.ok(spending);
      assert.equal(spending.plan, 401);
      assert.equal(
        spending.shares.reduce((sum, s) => sum + (s.plan ?? 0), 0),
        401,
        'plan shares add up exactly to the plan',
      );
      const hiranaiShare = spending.shares.find((s) => s.municipalityCode === CODES.hiranai);
      assert.deepEqual([hiranaiShare?.actual, hiranaiShare?.actualSource], [15, 'entered']);
      const computed = spending.shares.filter((s) => s.actualSource === 'computed');
      assert.equal(computed.length, 4, 'the other parties get computed shares of the actual');
      assert.equal(spending.difference, spending.shares.reduce((sum, s) => sum + (s.actual ?? 0), 0) - 390);
    });

    test('KPI actuals: 未集計 keeps its reason; the status follows the rules', async () => {
      const db = database.db;
      const central = actor('central');
      const address = { areaSlug: AREA, fiscalYear: FY, projectNumber: 4, kpiNumber: 1 };
      await recordKpiResult(db, central, address, { actual: 32, notCountedReason: null, expectedVersion: 0 });
      await recordKpiResult(
        db,
        central,
        { ...address, kpiNumber: 2 },
        {
          actual: null,
          notCountedReason: '調査中',
          expectedVersion: 0,
        },
      );
      await assert.rejects(
        recordKpiResult(db, actor('hiranai'), address, { actual: 1, notCountedReason: null, expectedVersion: 1 }),
        rejects('FORBIDDEN'),
      );
      const status = assembleYearStatus(await loadAreaResults(db, { areaSlug: AREA, audience: 'staff' }), FY);
      const kpis = status.projects.find((p) => p.number === 4)?.kpis ?? [];
      assert.deepEqual(
        kpis.map((k) => [k.actual, k.status, k.notCountedReason]),
        [
          [32, '達成', null],
          [null, '未評価', '調査中'],
        ],
      );
    });

    test('the public sees nothing before publication, then the approved parts only', async () => {
      const db = database.db;
      await recordMunicipalityResult(db, actor('imabetsu'), {
        ...at(CODES.imabetsu),
        amount: 7,
        comment: '',
        expectedVersion: 0,
      });
      const publicStatus = async () =>
        assembleYearStatus(await loadAreaResults(db, { areaSlug: AREA, audience: 'public' }), FY).projects.find(
          (p) => p.number === PROJECT,
        );
      const before = await publicStatus();
      assert.equal(before?.spending.actual, null);
      assert.ok(before?.parts.every((p) => p.state === 'none'));
      await assert.rejects(
        publishYearResults(db, actor('hiranai'), { areaSlug: AREA, fiscalYear: FY }),
        rejects('FORBIDDEN'),
      );
      const published = await publishYearResults(db, actor('central'), { areaSlug: AREA, fiscalYear: FY });
      assert.deepEqual([published.approvedParts, published.pendingParts], [1, 1]);
      const after = await publicStatus();
      assert.equal(after?.spending.actual, 390);
      assert.deepEqual(
        after?.parts.filter((p) => p.state !== 'none').map((p) => p.municipalityCode),
        [CODES.hiranai],
        '今別町 has not submitted: not public',
      );
      const stored = await sql<{ n: string }>`select count(*) as n from result_year`.execute(db);
      assert.equal(Number(stored.rows[0]?.n), 1);
    });
  });
}
