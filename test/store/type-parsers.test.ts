import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { OpenDatabase } from '../../src/store/connect.js';
import { testEngines } from '../helpers/test-databases.js';

for (const engine of testEngines) {
  describe(`result types on ${engine.name}`, () => {
    let database: OpenDatabase;
    before(async () => {
      database = await engine.open();
    });
    after(async () => {
      await database.close();
    });

    test('int8, numeric, date, timestamptz and jsonb come back as the same JS values on every driver', async () => {
      const { rows } = await sql<Record<string, unknown>>`
        select 41888::int8 as int8, count(*) as count, 12.5::numeric as numeric, '2022-03-31'::date as date,
               '2022-03-31 23:30:00+09'::timestamptz as timestamptz, '{"b":[1,"二"]}'::jsonb as jsonb,
               null::int8 as nothing`.execute(database.db);
      assert.deepEqual(rows[0], {
        int8: 41888,
        count: 1,
        numeric: 12.5,
        date: '2022-03-31',
        timestamptz: '2022-03-31T14:30:00.000Z',
        jsonb: { b: [1, '二'] },
        nothing: null,
      });
    });

    test('a date is the same day whatever the session time zone', async () => {
      await database.db.transaction().execute(async (trx) => {
        await sql`set local time zone 'Pacific/Kiritimati'`.execute(trx);
        const { rows } = await sql<{ d: unknown; t: unknown }>`
          select '2024-01-01'::date as d, '2024-01-01 00:00:00+00'::timestamptz as t`.execute(trx);
        assert.deepEqual(rows[0], { d: '2024-01-01', t: '2024-01-01T00:00:00.000Z' });
      });
    });

    test('an int8 beyond the safe integer range is an error, not a rounded number', async () => {
      await assert.rejects(sql`select 9007199254740993::int8 as big`.execute(database.db), /safe integer/);
    });
  });
}
