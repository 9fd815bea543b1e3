import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type DatabaseEngine, type OpenDatabase, openDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';

/**
 * The databases every store test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set.
 * Each `open()` gives an empty, unmigrated database of its own; `close()` disposes of it.
 */
export type TestEngine = { name: DatabaseEngine; open(): Promise<OpenDatabase> };

const pgliteEngine: TestEngine = { name: 'pglite', open: openPgliteFromSnapshot };

export const testEngines: readonly TestEngine[] = process.env.TEST_DATABASE_URL
  ? [pgliteEngine, { name: 'postgresql', open: () => openScratchPostgres(process.env.TEST_DATABASE_URL as string) }]
  : [pgliteEngine];

export { pgliteEngine };

/** An empty database of the engine with the schema migrated. */
export async function openMigrated(engine: TestEngine): Promise<OpenDatabase> {
  const database = await engine.open();
  await migrateToLatest(database.db);
  return database;
}

// ── PGlite: initdb once (3–6 s, much memory), then start every test database from its snapshot (~0.5 s) ──

let snapshot: Promise<Blob> | undefined;

async function openPgliteFromSnapshot(): Promise<OpenDatabase> {
  return openDatabase({ loadDataDir: await freshClusterSnapshot() });
}

/** A fresh cluster's data directory (as after initdb), made once per process and cached across runs. */
export function freshClusterSnapshot(): Promise<Blob> {
  snapshot ??= loadOrCreateSnapshot();
  return snapshot;
}

/** A fresh cluster's data directory as a tarball, cached in the temp folder per PGlite version across runs. */
async function loadOrCreateSnapshot(): Promise<Blob> {
  const file = path.join(tmpdir(), `renkei-test-pglite-${await pgliteVersion()}.tar.gz`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const pglite = await PGlite.create();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file); // atomic: a parallel test process sees the whole file or none
  return dump;
}

async function pgliteVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const packageJson = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

// ── PostgreSQL: a scratch database per open(), created and dropped through TEST_DATABASE_URL ──

async function openScratchPostgres(adminUrl: string): Promise<OpenDatabase> {
  const name = `renkei_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAdmin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await runAdmin(adminUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/** Runs one statement on its own connection, e.g. on the admin database of TEST_DATABASE_URL. */
export async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
