/**
 * No lost data, no half data: `renkei import` of a large document is killed with SIGKILL while it saves (the moment
 * it prints 保存中, read from its output), then the server starts on the same data. The import is wholly there or
 * wholly absent, the server answers, and the same data takes a complete import afterwards. PGlite (a data
 * directory on disk, whose lock the killed process leaves behind) and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { buildSyntheticDocument } from '../../bench/synthetic-document.js';
import { openDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { countRows } from '../helpers/count-rows.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { spawnRenkei, startRenkeiServer, waitUntil } from '../helpers/renkei-process.js';
import { runRenkei } from '../helpers/run-renkei.js';
import { runAdmin } from '../helpers/test-databases.js';

const FACTOR = 10; // 550 projects: the save takes long enough that the kill lands inside it
const ADMIN_URL = process.env.TEST_DATABASE_URL;

type Engine = {
  name: string;
  env: () => NodeJS.ProcessEnv;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** a probe that turns true once the import's transaction has written (so the kill lands inside it) */
  watchWrites(): Promise<() => Promise<boolean>>;
};

let work = '';
let document = '';
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'renkei-durability-'));
  document = path.join(work, `synthetic-x${FACTOR}.txt`);
  await writeFile(document, buildSyntheticDocument(await readFile(repoPath(SEED_DOCUMENT), 'utf8'), FACTOR));
});
after(() => rm(work, { recursive: true, force: true }));

const engines: Engine[] = [
  {
    name: 'pglite',
    env: () => ({ DATA_DIR: path.join(work, 'data') }),
    setUp: async () => {},
    tearDown: async () => {},
    // PGlite is inside the import process: what shows from outside is its write-ahead log growing on disk
    watchWrites: async () => {
      const wal = path.join(work, 'data', 'pg_wal');
      const before = await walState(wal);
      return async () => (await walState(wal)) !== before;
    },
  },
];
if (ADMIN_URL) {
  const name = `renkei_test_kill_${process.pid}_${randomBytes(3).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  engines.push({
    name: 'postgresql',
    env: () => ({ DATABASE_URL: url.toString() }),
    setUp: async () => {
      await runAdmin(ADMIN_URL, `create database "${name}"`);
      const database = await openDatabase({ databaseUrl: url.toString() });
      await migrateToLatest(database.db).finally(() => database.close());
    },
    tearDown: () => runAdmin(ADMIN_URL, `drop database if exists "${name}" with (force)`),
    // the server shows the import's open transaction and its inserts
    watchWrites: async () => async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        const { rows } = await client.query(
          `select 1 from pg_stat_activity where datname = $1 and xact_start is not null
             and query ilike 'insert into "budget_cell"%'`,
          [name],
        );
        return rows.length > 0;
      } finally {
        await client.end();
      }
    },
  });
} else {
  console.log('# kill-during-import on PostgreSQL: skipped (TEST_DATABASE_URL is not set)');
}

/** Names, sizes and modification times of the WAL segments. */
async function walState(wal: string): Promise<string> {
  const files = await readdir(wal).catch(() => [] as string[]);
  const states = await Promise.all(
    files.map(async (f) => {
      const s = await stat(path.join(wal, f)).catch(() => undefined);
      return `${f}:${s?.size}:${s?.mtimeMs}`;
    }),
  );
  return states.sort().join('|');
}

async function counts(env: NodeJS.ProcessEnv) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await countRows(database.db);
  } finally {
    await database.close();
  }
}

for (const engine of engines) {
  describe(`SIGKILL during an import on ${engine.name}`, { timeout: 600_000 }, () => {
    before(() => engine.setUp());
    after(() => engine.tearDown());

    test('the import is wholly there or wholly absent; the server answers; a new import completes', async (t) => {
      const env = engine.env();
      const importing = spawnRenkei(['import', document], { env });
      await importing.waitForLine(/保存中/);
      const written = await engine.watchWrites();
      await waitUntil(
        async () => importing.child.exitCode !== null || (await written()),
        120_000,
        'the import transaction has written',
      );
      const { signal } = await importing.stop('SIGKILL');
      t.diagnostic(`import process ended by ${signal ?? 'exit'} after printing 保存中 and writing`);

      const server = await startRenkeiServer({ env });
      try {
        assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
        assert.equal((await fetch(`${server.url}/api/v1/areas`)).status, 200);
      } finally {
        const stopped = await server.stop('SIGTERM');
        assert.equal(stopped.code, 0, server.output());
      }

      const afterKill = await counts(env);
      t.diagnostic(`after the kill: ${JSON.stringify(afterKill)}`);
      const revisions = afterKill.vision_revision;
      assert.ok(revisions === 0 || revisions === 1, `revisions: ${revisions}`);
      assert.equal(afterKill.source_document, revisions);
      if (revisions === 0) {
        for (const table of ['project_version', 'budget_cell', 'kpi', 'project_key', 'kpi_key'] as const) {
          assert.equal(afterKill[table], 0, `${table} is empty when the revision is absent`);
        }
      }

      const again = await runRenkei(['import', document], { env });
      assert.equal(again.code, 0, again.stderr);
      const status = (JSON.parse(again.stdout) as { status: string; projectCount: number }).status;
      assert.equal(status, revisions === 1 ? 'unchanged' : 'created');
      const complete = await counts(env);
      assert.equal(complete.vision_revision, 1);
      assert.equal(complete.project_version, 55 * FACTOR);
      if (revisions === 1) assert.deepEqual(complete, afterKill, 'the import that survived the kill was whole');
    });
  });
}
