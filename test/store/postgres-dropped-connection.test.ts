import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { runAdmin, testEngines } from '../helpers/test-databases.js';

const postgres = testEngines.find((engine) => engine.name === 'postgresql');

describe('a PostgreSQL connection dropped by the server', {
  skip: postgres ? false : 'needs TEST_DATABASE_URL',
}, () => {
  test('is logged and replaced, not a crash of the process', async () => {
    const database = await (postgres as NonNullable<typeof postgres>).open();
    const warn = mock.method(console, 'warn', () => {});
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
      const pid = rows[0]?.pid;
      await runAdmin(process.env.TEST_DATABASE_URL as string, `select pg_terminate_backend(${Number(pid)})`);
      for (let waited = 0; warn.mock.callCount() === 0 && waited < 5000; waited += 20) await sleep(20);
      assert.equal(warn.mock.callCount(), 1);
      assert.match(String(warn.mock.calls[0]?.arguments[0]), /dropped an idle connection/);
      const again = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      assert.equal(again.rows[0]?.one, 1);
    } finally {
      warn.mock.restore();
      await database.close();
    }
  });
});
