import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type OpenDatabase, openDatabase } from '../../src/store/connect.js';

/**
 * A PGlite database in a real data directory (on disk, with its lock), started from a fresh cluster's snapshot
 * instead of running initdb (the same cache file as test-databases.ts uses).
 */
export async function openPgliteDataDir(dataDir: string): Promise<OpenDatabase> {
  const fresh = existsSync(path.join(dataDir, 'PG_VERSION')) ? undefined : await freshClusterSnapshot();
  return openDatabase({ dataDir, loadDataDir: fresh });
}

let snapshot: Promise<Blob> | undefined;

export function freshClusterSnapshot(): Promise<Blob> {
  snapshot ??= loadOrCreate();
  return snapshot;
}

async function loadOrCreate(): Promise<Blob> {
  const file = path.join(tmpdir(), `renkei-test-pglite-${await pgliteVersion()}.tar.gz`);
  if (existsSync(file)) return new Blob([await readFile(file)]);
  const pglite = await PGlite.create();
  const dump = await pglite.dumpDataDir('gzip');
  await pglite.close();
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}

async function pgliteVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const packageJson = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}
