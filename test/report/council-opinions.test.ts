/**
 * The council's opinion (所見) and the central city's response (対応方針) through the write path, on every
 * database (issue 9): a council member writes the opinion and central staff the response, each audited; a stale
 * version is refused (CONFLICT, 409 on the page); the wrong role is refused and nothing changes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { type Actor, operatorActor, type RoleName } from '../../src/domain/access-policy.js';
import { AppError } from '../../src/domain/errors.js';
import { createApp } from '../../src/server/app.js';
import { loadAccountActor } from '../../src/service/accounts/load-actor.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { getCouncilOpinion, recordCouncilOpinion } from '../../src/service/council/council-opinions.js';
import { importDocument } from '../../src/service/import-document.js';
import { findAccountByEmail } from '../../src/store/account-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient } from '../helpers/web-client.js';

const AREA = '青森圏域';
const ADDRESS = { areaSlug: AREA, fiscalYear: 2021, projectNumber: 3 };
const refusedWith = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

for (const engine of testEngines) {
  describe(`council opinions on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    const actors: Record<string, Actor> = {};
    const auditCount = async () =>
      Number(
        (
          await database.db
            .selectFrom('audit_entry')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entity', '=', 'council_opinion')
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      database = await openMigrated(engine);
      const db = database.db;
      app = createApp({ db, dataStampTtlMs: 0, logger: createMemoryLog().logger });
      await importDocument(db, operatorActor('cli'), {
        fileName: 'seed.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      const roles: [string, RoleName, string?][] = [
        ['council', 'council'],
        ['central', 'central_staff'],
        ['town', 'municipality_staff', '023035'],
        ['admin', 'admin'],
      ];
      for (const [key, role, municipality] of roles) {
        const email = `${key}-opinion@example.jp`;
        await addAccount(db, operatorActor('cli'), {
          email,
          name: key,
          password: 'long enough password',
          role: role === 'admin' ? { role } : { role, areaSlug: AREA, municipality },
        });
        const row = await findAccountByEmail(db, email);
        actors[key] = (await loadAccountActor(db, row?.id ?? '', 'web')) as Actor;
      }
    });
    after(() => database.close());

    test('the council writes the opinion, central staff the response, each audited', async () => {
      const db = database.db;
      const opinion = await recordCouncilOpinion(db, actors.council as Actor, ADDRESS, {
        part: 'opinion',
        text: ' 相談件数の伸びを評価する。 ',
        expectedVersion: 0,
      });
      assert.deepEqual(opinion, {
        opinion: '相談件数の伸びを評価する。',
        opinionBy: 'council-opinion@example.jp',
        response: '',
        responseBy: null,
        version: 1,
      });
      const response = await recordCouncilOpinion(db, actors.central as Actor, ADDRESS, {
        part: 'response',
        text: '窓口を町村にも広げます。',
        expectedVersion: 1,
      });
      assert.equal(response.version, 2);
      assert.equal(response.opinion, '相談件数の伸びを評価する。');
      assert.equal(await auditCount(), 2);
      const entry = await db
        .selectFrom('audit_entry')
        .selectAll()
        .where('action', '=', 'council.response')
        .executeTakeFirstOrThrow();
      assert.equal(entry.entity_id, '2021/3');
      assert.deepEqual(await getCouncilOpinion(db, ADDRESS), response);
    });

    test('a stale version is refused with CONFLICT, and the page answers 409', async () => {
      await assert.rejects(
        recordCouncilOpinion(database.db, actors.council as Actor, ADDRESS, {
          part: 'opinion',
          text: '別の所見',
          expectedVersion: 1,
        }),
        refusedWith('CONFLICT'),
      );
      const client = await signedInClient(app, database.db, {
        email: 'council-page@example.jp',
        role: 'council',
        areaSlug: AREA,
      });
      const page = await client.postForm('/staff/opinions/projects/3', {
        area: AREA,
        fy: '2021',
        version: '1',
        part: 'opinion',
        text: '別の所見',
      });
      assert.equal(page.status, 409);
      assert.match(await page.text(), /ほかの人がこの内容を先に変更しました/);
      assert.equal(await auditCount(), 2);
    });

    test('the wrong role is refused and nothing changes', async () => {
      const db = database.db;
      const attempts: [string, 'opinion' | 'response'][] = [
        ['central', 'opinion'],
        ['town', 'opinion'],
        ['admin', 'opinion'],
        ['council', 'response'],
        ['town', 'response'],
      ];
      for (const [key, part] of attempts) {
        await assert.rejects(
          recordCouncilOpinion(db, actors[key] as Actor, ADDRESS, { part, text: 'x', expectedVersion: 2 }),
          refusedWith('FORBIDDEN'),
          `${key} writing the ${part}`,
        );
      }
      assert.equal((await getCouncilOpinion(db, ADDRESS)).version, 2);
      assert.equal(await auditCount(), 2);
    });
  });
}
