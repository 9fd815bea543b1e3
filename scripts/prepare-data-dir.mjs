#!/usr/bin/env node
// Called by scripts/build.mjs after esbuild: makes dist/prepared-data-dir/, a fresh PGlite cluster with the schema set
// up by the same function the server runs at start (ensureSchema), so that a first start on an empty DATA_DIR
// copies it instead of running initdb (docs/adr/0005-prepared-data-dir.md). Skipped when
// dist/prepared-data-dir.json says it was made from the same store sources and PGlite version.
// Runs in its own process: initdb's peak memory (~900 MB) is given back when it ends.
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../dist/store/connect.js';
import { ensureSchema } from '../dist/store/ensure-schema.js';
import {
  dropTemplateDatabases,
  hashSchemaSources,
  installPreparedDataDir,
  preparedDataDirFolder,
  preparedManifestFile,
  readPgliteVersion,
} from '../dist/store/prepared-data-dir.js';

const pgliteVersion = await readPgliteVersion();
const sourceHash = await hashSchemaSources(pgliteVersion);
if (existsSync(path.join(preparedDataDirFolder, 'PG_VERSION')) && existsSync(preparedManifestFile)) {
  const manifest = JSON.parse(readFileSync(preparedManifestFile, 'utf8'));
  if (manifest.sourceHash === sourceHash) process.exit(0);
}
const started = performance.now();
const madeIn = `${preparedDataDirFolder}.${process.pid}.partial`;
await rm(madeIn, { recursive: true, force: true });
const database = await openDatabase({ dataDir: madeIn, usePreparedDataDir: false });
let migrations;
try {
  migrations = await ensureSchema(database);
  await dropTemplateDatabases(database.db);
} finally {
  await database.close(); // a clean shutdown: the copied cluster needs no recovery
}
await installPreparedDataDir(madeIn, { pgliteVersion, migrations, sourceHash });
await rm(path.join(path.dirname(preparedDataDirFolder), 'prepared-data-dir.tar.gz'), { force: true }); // the old form
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`prepared data directory: ${migrations.length} migrations (${seconds} s)`);
