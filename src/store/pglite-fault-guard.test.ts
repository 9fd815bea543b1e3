import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { isUnrecoverable, PgliteFaultGuard } from './pglite-fault-guard.js';

const walFull = Object.assign(new Error('could not write to file "pg_wal/xlogtemp.42": No space left on device'), {
  code: '53100',
});

test('which errors PGlite does not come back from', () => {
  assert.equal(isUnrecoverable(walFull), true);
  assert.equal(isUnrecoverable(Object.assign(new Error('could not read block'), { code: '58030' })), true);
  assert.equal(isUnrecoverable(Object.assign(new Error('stuck spinlock'), { code: 'XX000' })), true);
  assert.equal(isUnrecoverable(Object.assign(new Error('unreachable'), { name: 'RuntimeError' })), true);
  // a data file that cannot grow, a constraint: ordinary errors, PGlite goes on
  assert.equal(isUnrecoverable(Object.assign(new Error('could not extend file "base/5/1"'), { code: '53100' })), false);
  assert.equal(isUnrecoverable(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
});

test('after a fault nothing reaches PGlite again: statements, the rollback on release and the close', async () => {
  const reached: string[] = [];
  const inner: PostgresPool = {
    connect: async () =>
      ({
        query: async (sql: string) => {
          reached.push(sql);
          if (sql.startsWith('insert')) throw walFull;
          return { rows: [], command: 'SELECT', rowCount: 0 };
        },
        release: () => reached.push('release'),
      }) as unknown as PostgresPoolClient,
    end: async () => {
      reached.push('end');
    },
  };
  const faults: Error[] = [];
  const guard = new PgliteFaultGuard(inner, (error) => faults.push(error));
  const client = await guard.connect();
  await client.query('begin', []);
  await assert.rejects(client.query('insert into t values (1)', []), /pg_wal/);
  await assert.rejects(client.query('rollback', []), /stopped after a fault/);
  client.release();
  await assert.rejects(guard.connect(), /stopped after a fault/);
  await guard.end();
  assert.deepEqual(reached, ['begin', 'insert into t values (1)']);
  assert.deepEqual(faults, [walFull]);
});
