/**
 * Parameterised SQL only (issue 7): every query is built by Kysely (values become parameters) or by its `sql` tag
 * (interpolated values become parameters too). What could splice text into SQL is `sql.raw`, `CompiledQuery.raw`,
 * `sql.lit` and a driver's `.query(…)`: each use in src/ must be listed here with why it is safe, so a new one
 * is reviewed before it lands.
 */
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { repoPath } from '../helpers/read-fixture.js';

const RISKY = /\bsql\.raw\(|\bCompiledQuery\.raw\(|\bsql\.lit\(|\b(?:pglite|client|pool|#pglite)\.query\(/g;

/** file → how many risky calls it may hold, and why each is safe */
const REVIEWED: Record<string, { count: number; why: string }> = {
  'src/store/migrations/0002-search-keys.ts': {
    count: 1,
    why: 'a generated-column expression over fixed column names',
  },
  'src/store/migrations/0004-draft-revisions.ts': {
    count: 2,
    why: 'trigger names made from a fixed list of table names in the migration itself',
  },
  'src/store/connect.ts': { count: 1, why: 'a constant `set datestyle` statement' },
  'src/store/pglite-pool.ts': { count: 1, why: 'a constant `rollback`' },
  'src/store/pglite-fault-guard.ts': { count: 2, why: "passes the pool's own queries and parameters through" },
  'src/store/backup-reader.ts': {
    count: 5,
    why: 'identifiers from pg_catalog, quoted by quoteIdentifier; constant session settings',
  },
  'src/store/backup-loader.ts': {
    count: 8,
    why: 'identifiers from pg_catalog, quoted by quoteIdentifier; every value is a parameter',
  },
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(repoPath(dir), { recursive: true });
  return entries
    .filter((e) => /\.tsx?$/.test(e) && !e.endsWith('.test.ts') && !e.endsWith('.test.tsx'))
    .map((e) => path.join(dir, e));
}

test('no SQL is built from strings outside the reviewed places', async () => {
  const found: Record<string, number> = {};
  for (const file of await sourceFiles('src')) {
    const text = await readFile(repoPath(file), 'utf8');
    const count = text.match(RISKY)?.length ?? 0;
    if (count > 0) found[file] = count;
  }
  const expected = Object.fromEntries(Object.entries(REVIEWED).map(([file, { count }]) => [file, count]));
  assert.deepEqual(found, expected, 'a new raw SQL call: parameterise it, or review it and list it here');
});

test('the check finds what it looks for', () => {
  for (const risky of ['sql.raw(`x`)', 'CompiledQuery.raw(q)', 'sql.lit(v)', 'client.query(statement)']) {
    assert.match(risky, new RegExp(RISKY.source));
  }
  assert.doesNotMatch("db.selectFrom('t').where('a', '=', v)", new RegExp(RISKY.source));
});
