import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/store/connect.js';
import { pgliteEngine } from '../helpers/test-databases.js';

describe('PglitePool: one PGlite as a one-connection pool', () => {
  let database: OpenDatabase;
  before(async () => {
    database = await pgliteEngine.open();
    await sql`create table t (x int)`.execute(database.db);
  });
  after(async () => {
    await database.close();
  });

  test('a query issued during a transaction waits for it instead of running inside it', async () => {
    const events: string[] = [];
    const transaction = database.db.transaction().execute(async (trx) => {
      await sql`insert into t values (1)`.execute(trx);
      events.push('inserted');
      await sleep(50);
      events.push('committing');
    });
    await sleep(5);
    const outside = sql<{ n: number }>`select count(*) as n from t`.execute(database.db).then((r) => {
      events.push('outside read');
      return r.rows[0]?.n;
    });
    await transaction;
    assert.equal(await outside, 1, 'the outside read saw the committed row');
    assert.deepEqual(events, ['inserted', 'committing', 'outside read']);
  });

  test('a failed transaction is rolled back and the connection is usable afterwards', async () => {
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into t values (2)`.execute(trx);
        await sql`select 1/0`.execute(trx);
      }),
      /division by zero/,
    );
    const { rows } = await sql<{ n: number }>`select count(*) as n from t where x = 2`.execute(database.db);
    assert.equal(rows[0]?.n, 0);
  });

  test('many concurrent queries all get answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql<{ v: number }>`select ${i}::int as v`.execute(database.db)),
    );
    assert.deepEqual(
      answers.map((a) => a.rows[0]?.v),
      Array.from({ length: 20 }, (_, i) => i),
    );
  });

  test('close() waits for the running transaction, then refuses new work', async () => {
    const other = await pgliteEngine.open();
    let committed = false;
    const transaction = other.db.transaction().execute(async (trx) => {
      await sleep(30);
      await sql`select 1`.execute(trx);
      committed = true;
    });
    await sleep(5);
    await other.close();
    await transaction;
    assert.equal(committed, true);
    await assert.rejects(sql`select 1`.execute(other.db));
  });
});
