import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A PGlite data directory prepared at build time (docs/adr/0005-prepared-data-dir.md): a fresh cluster with every
 * migration applied, dumped with `dumpDataDir`. A first start on an empty DATA_DIR loads it (`loadDataDir`, well
 * under a second) instead of running initdb (6–7 s and ~900 MB peak here). `scripts/build.mjs` makes it after tsc,
 * through the same schema set-up the server runs at start (ensureSchema).
 */

/** Beside the compiled code: `dist/` from both `src/store/` and `dist/store/`. */
const folder = fileURLToPath(new URL('../../dist/', import.meta.url));
export const preparedDataDirFile = path.join(folder, 'prepared-data-dir.tar.gz');
export const preparedManifestFile = path.join(folder, 'prepared-data-dir.json');

export type PreparedManifest = {
  pgliteVersion: string;
  /** kysely migrations applied in the snapshot, oldest first */
  migrations: string[];
  /** what the snapshot was made from (scripts/build.mjs remakes it when this changes) */
  sourceHash: string;
};

export type PreparedDataDir = { snapshot: Blob; manifest: PreparedManifest };

/** The prepared snapshot, when the build made one for this PGlite version. */
export async function findPreparedDataDir(pgliteVersion: string): Promise<PreparedDataDir | undefined> {
  if (!existsSync(preparedManifestFile) || !existsSync(preparedDataDirFile)) return undefined;
  try {
    const manifest = JSON.parse(await readFile(preparedManifestFile, 'utf8')) as PreparedManifest;
    if (manifest.pgliteVersion !== pgliteVersion || !Array.isArray(manifest.migrations)) return undefined;
    return { snapshot: new Blob([await readFile(preparedDataDirFile)]), manifest };
  } catch {
    return undefined;
  }
}

/** Writes the snapshot and its manifest, each whole or not at all. */
export async function writePreparedDataDir(snapshot: Blob, manifest: PreparedManifest): Promise<void> {
  const partial = `${preparedDataDirFile}.${process.pid}.partial`;
  await writeFile(partial, new Uint8Array(await snapshot.arrayBuffer()));
  await rename(partial, preparedDataDirFile);
  await writeFile(`${preparedManifestFile}.${process.pid}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${preparedManifestFile}.${process.pid}.partial`, preparedManifestFile);
}

/** A hash of every compiled file under dist/store/ (migrations and schema set-up live there) and PGlite's version. */
export async function hashSchemaSources(pgliteVersion: string): Promise<string> {
  const storeDir = path.join(folder, 'store');
  const hash = createHash('sha256').update(pgliteVersion);
  const entries = (await readdir(storeDir, { recursive: true })).filter((f) => f.endsWith('.js')).sort();
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
