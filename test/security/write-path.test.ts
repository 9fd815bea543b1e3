/**
 * The one write path (service/run-write.ts) on every database: concurrent writers on one record (exactly one
 * wins, the others get the current values), the audit log refusing UPDATE, DELETE and TRUNCATE, and writes that
 * forget their policy or are refused leaving nothing behind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { type Actor, operatorActor } from '../../src/domain/access-policy.js';
import { AppError } from '../../src/domain/errors.js';
import { loadAccountActor } from '../../src/service/accounts/load-actor.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { importDocument } from '../../src/service/import-document.js';
import {
  changeMunicipalityResultState,
  recordMunicipalityResult,
} from '../../src/service/results/municipality-results.js';
import { publishYearResults } from '../../src/service/results/publish-result-year.js';
import { runWrite, VersionConflictError } from '../../src/service/run-write.js';
import { findAccountByEmail } from '../../src/store/account-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const AREA = '青森圏域';
const IMABETSU = '023035';

for (const engine of testEngines) {
  describe(`the write path on ${engine.name}`, () => {
    let database: OpenDatabase;
    let imabetsu: Actor;
    let hiranai: Actor;

    const account = async (email: string, municipality: string): Promise<Actor> => {
      const db = database.db;
      await addAccount(db, operatorActor('cli'), {
        email,
        name: email,
        password: 'long enough password',
        role: { role: 'municipality_staff', areaSlug: AREA, municipality },
      });
      const row = await findAccountByEmail(db, email);
      return (await loadAccountActor(db, row?.id ?? '', 'api')) as Actor;
    };
    const auditCount = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from audit_entry`.execute(database.db)).rows[0]?.n);
    const dataVersion = async () =>
      Number((await sql<{ v: string }>`select version as v from data_version`.execute(database.db)).rows[0]?.v);
    const versions = async () => {
      const row = await database.db.selectFrom('data_version').selectAll().executeTakeFirstOrThrow();
      return { data: Number(row.version), public: Number(row.public_version) };
    };

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      imabetsu = await account('staff@imabetsu.example.jp', IMABETSU);
      hiranai = await account('staff@hiranai.example.jp', '平内町');
    });
    after(async () => {
      await database.close();
    });

    const change = (amount: number, expectedVersion: number) => ({
      areaSlug: AREA,
      fiscalYear: 2022,
      projectNumber: 1,
      municipalityCode: IMABETSU,
      amount,
      comment: `amount ${amount}`,
      expectedVersion,
    });

    test('concurrent first entries and concurrent edits: exactly one wins each round, the rest see its values', async () => {
      const auditBefore = await auditCount();
      for (const [round, expected] of [
        [1, 0],
        [2, 1],
      ] as const) {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, i) =>
            recordMunicipalityResult(database.db, imabetsu, change(round * 100 + i, expected)),
          ),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        assert.equal(won.length, 1, `round ${round}: ${lost.map((l) => String(l.reason)).join('; ')}`);
        const winner = (won[0] as PromiseFulfilledResult<{ amount: number | null; version: number }>).value;
        assert.equal(winner.version, round);
        for (const loss of lost) {
          assert.ok(loss.reason instanceof VersionConflictError, String(loss.reason));
          assert.equal(
            (loss.reason.current as { amount: number }).amount,
            winner.amount,
            'the loser is told the winning value',
          );
        }
      }
      const stored = await database.db
        .selectFrom('municipality_result')
        .select(['amount', 'version'])
        .where('fiscal_year', '=', 2022)
        .execute();
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.version, 2);
      assert.equal((await auditCount()) - auditBefore, 2, 'one audit entry per committed change, none for the losers');
    });

    test("a 平内町 account changing 今別町's figure: FORBIDDEN, and no row, audit entry or data version changes", async () => {
      const before = { audit: await auditCount(), version: await dataVersion() };
      const rows = await database.db.selectFrom('municipality_result').selectAll().execute();
      await assert.rejects(
        recordMunicipalityResult(database.db, hiranai, change(999, 2)),
        (e: unknown) => e instanceof AppError && e.code === 'FORBIDDEN',
      );
      assert.deepEqual(await database.db.selectFrom('municipality_result').selectAll().execute(), rows);
      assert.deepEqual({ audit: await auditCount(), version: await dataVersion() }, before);
    });

    test('a write that never checks its policy is refused and rolled back', async () => {
      const areas = await database.db.selectFrom('area').select('id').execute();
      await assert.rejects(
        runWrite(database.db, imabetsu, async (w) => {
          await w.trx.updateTable('area').set({ name: 'changed' }).execute();
          w.audit({ action: 'x', entity: 'area', entityId: null, areaId: null, before: null, after: null });
        }),
        (e: unknown) => e instanceof AppError && e.code === 'INTERNAL',
      );
      const names = await database.db.selectFrom('area').select(['id', 'name']).execute();
      assert.equal(names.length, areas.length);
      assert.ok(names.every((a) => a.name !== 'changed'));
    });

    test('the audit log refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
      assert.ok((await auditCount()) > 0);
      for (const statement of [
        sql`update audit_entry set actor_label = 'someone else'`,
        sql`delete from audit_entry`,
        sql`truncate audit_entry`,
      ]) {
        await assert.rejects(statement.execute(database.db), /append-only/);
      }
      const labels = await sql<{ actor_label: string }>`select actor_label from audit_entry`.execute(database.db);
      assert.ok(labels.rows.every((r) => r.actor_label !== 'someone else'));
    });

    test('every committed write bumps the data version once and records who, through what, before → after', async () => {
      const version = await dataVersion();
      const saved = await recordMunicipalityResult(database.db, imabetsu, change(7, 2));
      assert.equal(saved.version, 3);
      assert.equal(await dataVersion(), version + 1);
      const entry = await database.db
        .selectFrom('audit_entry')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      assert.equal(entry.actor_label, 'staff@imabetsu.example.jp');
      assert.equal(entry.channel, 'api');
      assert.equal(entry.action, 'result.record');
      const before = entry.before as { amount: number; comment: string; version: number };
      assert.equal(before.version, 2);
      assert.ok(before.amount >= 200 && before.amount < 208, 'before: the value the second round stored');
      assert.equal(before.comment, `amount ${before.amount}`);
      assert.equal((entry.after as { amount: number }).amount, 7);
      assert.equal(Number(entry.data_version), version + 1);
      // the same values again: nothing to record, nothing bumped
      await recordMunicipalityResult(database.db, imabetsu, change(7, 3));
      assert.equal(await dataVersion(), version + 1);
    });

    test('the public version (what public caches key on) moves only with a change the public can see', async () => {
      const operator = operatorActor('cli');
      const step = async (label: string, write: () => Promise<unknown>, seenByPublic: boolean) => {
        const before = await versions();
        await write();
        const after = await versions();
        assert.equal(after.data, before.data + 1, `${label}: one committed write`);
        assert.equal(after.public, seenByPublic ? after.data : before.public, `${label}: public version`);
      };
      const address = { areaSlug: AREA, fiscalYear: 2022, projectNumber: 1, municipalityCode: IMABETSU };
      const state = (transition: 'submit' | 'approve' | 'return', actor: Actor, expectedVersion: number) =>
        changeMunicipalityResultState(database.db, actor, {
          ...address,
          transition,
          expectedVersion,
          ...(transition === 'return' ? { reason: '金額を確認してください' } : {}),
        });
      await step('submit, FY2022 unpublished', () => state('submit', imabetsu, 3), false);
      await step('approve, FY2022 unpublished', () => state('approve', operator, 4), false);
      await step('publish FY2022', () => publishYearResults(database.db, operator, address), true);
      await step('return an approved part of a published year', () => state('return', operator, 5), true);
      await step(
        'edit a returned part (only approved parts are public)',
        async () => {
          await recordMunicipalityResult(database.db, imabetsu, change(8, 6));
        },
        false,
      );
      await step('a new account', () => account('staff2@imabetsu.example.jp', IMABETSU), false);
    });
  });
}
