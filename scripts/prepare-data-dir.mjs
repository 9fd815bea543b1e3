#!/usr/bin/env node
// Called by scripts/build.mjs after tsc: makes dist/prepared-data-dir.tar.gz, a fresh PGlite cluster with the
// schema set up by the same function the server runs at start (ensureSchema), so that a first start on an empty
// DATA_DIR loads it instead of running initdb (docs/adr/0005-prepared-data-dir.md). Skipped when
// dist/prepared-data-dir.json says it was made from the same compiled store code and PGlite version.
// Runs in its own process: initdb's peak memory (~900 MB) is given back when it ends.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../dist/store/connect.js';
import { ensureSchema } from '../dist/store/ensure-schema.js';
import {
  hashSchemaSources,
  preparedDataDirFile,
  preparedManifestFile,
  readPgliteVersion,
  writePreparedDataDir,
} from '../dist/store/prepared-data-dir.js';

const pgliteVersion = await readPgliteVersion();
const sourceHash = await hashSchemaSources(pgliteVersion);
if (existsSync(preparedDataDirFile) && existsSync(preparedManifestFile)) {
  const manifest = JSON.parse(readFileSync(preparedManifestFile, 'utf8'));
  if (manifest.sourceHash === sourceHash) process.exit(0);
}
const started = performance.now();
const database = await openDatabase({});
try {
  const migrations = await ensureSchema(database);
  const snapshot = await database.dumpDataDir();
  await writePreparedDataDir(snapshot, { pgliteVersion, migrations, sourceHash });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`prepared data directory: ${migrations.length} migrations, ${snapshot.size} bytes (${seconds} s)`);
} finally {
  await database.close();
}
