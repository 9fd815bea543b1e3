/**
 * A first start on an empty data directory loads a prepared snapshot (made at build time by the same schema
 * set-up as the server's) instead of running initdb; a snapshot from other code is not used; a preparation cut
 * short is redone. The snapshot here is made the way scripts/prepare-data-dir.mjs makes it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { matchesCodeMigrations, openDatabase } from '../../src/store/connect.js';
import { ensureSchema } from '../../src/store/ensure-schema.js';
import { listPendingMigrations, migrateTo } from '../../src/store/migrate.js';
import {
  dropTemplateDatabases,
  isFreshDataDir,
  type PreparedDataDir,
  preparingMarker,
  readPgliteVersion,
} from '../../src/store/prepared-data-dir.js';
import { pgliteEngine } from '../helpers/test-databases.js';

describe('prepared data directory', () => {
  let work = '';
  let prepared: PreparedDataDir;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'renkei-prepared-'));
    // made as scripts/prepare-data-dir.mjs makes it: a fresh cluster in a folder, the schema set up, closed
    const folder = path.join(work, 'prepared');
    const database = await openDatabase({ dataDir: folder, usePreparedDataDir: false });
    let migrations: string[];
    try {
      migrations = await ensureSchema(database);
      await dropTemplateDatabases(database.db);
    } finally {
      await database.close();
    }
    assert.equal(existsSync(path.join(folder, 'renkei.lock')), false, 'no lock is copied');
    prepared = { folder, manifest: { pgliteVersion: await readPgliteVersion(), migrations, sourceHash: 'test' } };
  });
  after(() => rm(work, { recursive: true, force: true }));

  test('an empty data directory starts from the snapshot, with the schema up to date', async () => {
    const dataDir = path.join(work, 'fresh');
    const database = await openDatabase({ dataDir, usePreparedDataDir: prepared });
    try {
      assert.equal(database.dataDirOrigin, 'prepared');
      assert.deepEqual(await listPendingMigrations(database.db), []);
      assert.deepEqual(await ensureSchema(database), []);
      assert.equal(existsSync(path.join(dataDir, preparingMarker)), false);
      // the templates are not copied: PGlite serves `postgres` alone
      const { rows } = await sql<{ datname: string }>`select datname from pg_database order by datname`.execute(
        database.db,
      );
      assert.deepEqual(
        rows.map((r) => r.datname),
        ['postgres'],
      );
    } finally {
      await database.close();
    }
    const again = await openDatabase({ dataDir, usePreparedDataDir: prepared });
    try {
      assert.equal(again.dataDirOrigin, 'existing');
    } finally {
      await again.close();
    }
  });

  test('a snapshot whose migrations are not the code’s is recognised (the start then takes the slow path)', async () => {
    const database = await pgliteEngine.open();
    try {
      await ensureSchema(database);
      assert.equal(await matchesCodeMigrations(database.db, prepared.manifest.migrations), true);
      assert.equal(await matchesCodeMigrations(database.db, ['0001-initial-schema']), false);
      await migrateTo(database.db, '0001-initial-schema'); // older than the code: one pending
      assert.equal(await matchesCodeMigrations(database.db, ['0001-initial-schema']), false);
    } finally {
      await database.close();
    }
  });

  test('a preparation cut short (the marker is still there) is emptied and redone; the lock stays', async () => {
    const dataDir = path.join(work, 'interrupted');
    const first = await openDatabase({ dataDir, usePreparedDataDir: prepared });
    await first.close();
    await writeFile(path.join(dataDir, preparingMarker), '');
    await writeFile(path.join(dataDir, 'renkei.lock'), 'x');
    assert.equal(await isFreshDataDir(dataDir, ['renkei.lock']), true);
    assert.deepEqual(await readdir(dataDir), ['renkei.lock']);
    await rm(path.join(dataDir, 'renkei.lock'));
    const database = await openDatabase({ dataDir, usePreparedDataDir: prepared });
    try {
      assert.equal(database.dataDirOrigin, 'prepared');
      assert.deepEqual(await listPendingMigrations(database.db), []);
    } finally {
      await database.close();
    }
  });
});
