import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Kysely, sql } from 'kysely';
import { packageRoot } from '../package-root.js';
import type { Database } from './database.js';

/**
 * A PGlite data directory prepared at build time (docs/adr/0005-prepared-data-dir.md): a fresh cluster with every
 * migration applied, closed cleanly. A first start on an empty DATA_DIR copies its files (a fraction of a second)
 * instead of running initdb (6–7 s and ~900 MB peak here). A plain directory rather than a `dumpDataDir` tarball:
 * loading the tarball took longer than the copy and ~130 MB more memory. `scripts/build.mjs` makes it after tsc,
 * through the same schema set-up the server runs at start (ensureSchema).
 */

/** Beside the built code, whether this module runs from `src/` (tsx) or from the build. */
const folder = path.join(packageRoot, 'dist');
export const preparedDataDirFolder = path.join(folder, 'prepared-data-dir');
export const preparedManifestFile = path.join(folder, 'prepared-data-dir.json');

export type PreparedManifest = {
  pgliteVersion: string;
  /** kysely migrations applied in the snapshot, oldest first */
  migrations: string[];
  /** what the snapshot was made from (scripts/build.mjs remakes it when this changes) */
  sourceHash: string;
};

/** A prepared cluster: its folder and what it holds. */
export type PreparedDataDir = { folder: string; manifest: PreparedManifest };

/** The prepared cluster, when the build made one for this PGlite version. */
export async function findPreparedDataDir(pgliteVersion: string): Promise<PreparedDataDir | undefined> {
  if (!existsSync(preparedManifestFile) || !existsSync(path.join(preparedDataDirFolder, 'PG_VERSION'))) {
    return undefined;
  }
  try {
    const manifest = JSON.parse(await readFile(preparedManifestFile, 'utf8')) as PreparedManifest;
    if (manifest.pgliteVersion !== pgliteVersion || !Array.isArray(manifest.migrations)) return undefined;
    return { folder: preparedDataDirFolder, manifest };
  } catch {
    return undefined;
  }
}

/**
 * Puts a cluster made in `madeIn` (closed) in place as the prepared one, with its manifest: the old one is
 * removed first and the manifest written last, so a build cut short leaves no manifest naming a partial folder.
 */
export async function installPreparedDataDir(madeIn: string, manifest: PreparedManifest): Promise<void> {
  await rm(preparedManifestFile, { force: true });
  await rm(preparedDataDirFolder, { recursive: true, force: true });
  await rename(madeIn, preparedDataDirFolder);
  await writeFile(`${preparedManifestFile}.${process.pid}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${preparedManifestFile}.${process.pid}.partial`, preparedManifestFile);
}

/**
 * Drops the template databases from the cluster being prepared: PGlite serves only `postgres` and Renkei never
 * creates a database, while the two templates were ~600 of its ~1,100 files, and a file costs about a millisecond
 * to create on a virtual disk (a first start copies them all). A cluster made by initdb at a start keeps them.
 */
export async function dropTemplateDatabases(db: Kysely<Database>): Promise<void> {
  for (const name of ['template0', 'template1']) {
    await sql`alter database ${sql.id(name)} is_template false`.execute(db);
    await sql`drop database ${sql.id(name)}`.execute(db);
  }
}

/**
 * The copy, in a worker thread with synchronous calls. Creating ~500 files is the cost (about a millisecond each on
 * a virtual disk), not their bytes: on the main thread's event loop every file waited for a turn between the
 * modules the server loads meanwhile, and filled libuv's threads that read those modules (start-server.ts).
 * Plain JavaScript, evaluated: the worker needs no module of ours, wherever the build puts this one.
 */
const COPY_WORKER = `
const { copyFileSync, mkdirSync, readdirSync } = require('node:fs');
const path = require('node:path');
const { workerData } = require('node:worker_threads');
const { from, to } = workerData;
const entries = readdirSync(from, { recursive: true, withFileTypes: true });
// parentPath from Node 20.12; path before it
const relative = (e) => path.relative(from, path.join(e.parentPath ?? e.path, e.name));
for (const e of entries) if (e.isDirectory()) mkdirSync(path.join(to, relative(e)), { recursive: true });
for (const e of entries) if (e.isFile()) copyFileSync(path.join(from, relative(e)), path.join(to, relative(e)));
`;

/** Copies the prepared cluster's files into `dataDir` (which exists), off the main thread. */
export async function copyPreparedDataDir(prepared: PreparedDataDir, dataDir: string): Promise<void> {
  const worker = new Worker(COPY_WORKER, { eval: true, workerData: { from: prepared.folder, to: dataDir } });
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`copying the prepared data directory stopped (exit code ${code})`)),
    );
  });
}

/**
 * A hash of every source file under src/store/ (migrations and schema set-up live there) and PGlite's version: the
 * sources rather than the build, whose bundled chunks mix the store with the rest of the code.
 */
export async function hashSchemaSources(pgliteVersion: string): Promise<string> {
  const storeDir = path.join(packageRoot, 'src', 'store');
  const hash = createHash('sha256').update(pgliteVersion);
  const entries = (await readdir(storeDir, { recursive: true }))
    .filter((f) => f.endsWith('.ts') && !/\.test\.ts$/.test(f))
    .sort();
  for (const entry of entries) hash.update(entry).update(await readFile(path.join(storeDir, entry)));
  return hash.digest('hex');
}

export async function readPgliteVersion(): Promise<string> {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const packageJson = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(await readFile(packageJson, 'utf8')) as { version: string }).version;
}

/** Marks a data directory being filled from the snapshot: found at a later start, the fill did not finish. */
export const preparingMarker = 'renkei-preparing';

/** Whether the directory holds no cluster yet, or one whose preparation was interrupted (then it is emptied). */
export async function isFreshDataDir(dataDir: string, keep: readonly string[]): Promise<boolean> {
  if (existsSync(path.join(dataDir, preparingMarker))) {
    await emptyDataDir(dataDir, keep);
    return true;
  }
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** Removes everything in the data directory but the named entries (the lock). */
export async function emptyDataDir(dataDir: string, keep: readonly string[]): Promise<void> {
  for (const entry of await readdir(dataDir)) {
    if (keep.some((k) => entry === k || entry.startsWith(`${k}.`))) continue;
    await rm(path.join(dataDir, entry), { recursive: true, force: true });
  }
}
