import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { lockDataDir, lockFileName } from './data-dir-lock.js';
import type { Database } from './database.js';
import { MIGRATION_NAMES } from './migrate.js';
import { PgliteFaultGuard } from './pglite-fault-guard.js';
import { PglitePool } from './pglite-pool.js';
import {
  copyPreparedDataDir,
  emptyDataDir,
  findPreparedDataDir,
  isFreshDataDir,
  type PreparedDataDir,
  preparingMarker,
  readPgliteVersion,
} from './prepared-data-dir.js';
import { resultParsers } from './type-parsers.js';

/**
 * PostgreSQL's default of 128 MB is allocated and zeroed at every PGlite start (about half the start's time and
 * 120 MB of RSS, ADR 0005) for databases of a few tens of MB; pages beyond it are read through the OS page cache.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

export type DatabaseEngine = 'pglite' | 'postgresql';

/**
 * Where the data lives: a PostgreSQL server when `databaseUrl` is set, else PGlite in `dataDir`,
 * else (tests) PGlite in memory, optionally started from a `loadDataDir` snapshot.
 */
export type DatabaseLocation = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
  /**
   * Start an empty dataDir from the build's prepared snapshot when there is one (default true), or from the
   * snapshot given (tests).
   */
  usePreparedDataDir?: boolean | PreparedDataDir | undefined;
  /** PostgreSQL only: told when the server drops an idle connection (the server logs it); default console.warn */
  onIdleConnectionError?: ((error: Error) => void) | undefined;
};

/** How a PGlite data directory came to be: found, loaded from the build's prepared snapshot, or made by initdb. */
export type DataDirOrigin = 'existing' | 'prepared' | 'initdb';

export type OpenDatabase = {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** PGlite in a data directory only */
  dataDirOrigin?: DataDirOrigin;
  /** PGlite only: the whole cluster as a gzip'd tarball (for a prepared data directory) */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * PGlite only: settles with the error after which the embedded database refuses all work (pglite-fault-guard.ts);
   * the server then exits non-zero. Never settles otherwise.
   */
  fault?: Promise<Error>;
  /** Ends the pool; for PGlite, waits for the running transaction and closes the data directory cleanly. */
  close(): Promise<void>;
};

export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  if (location.databaseUrl) return openPostgres(location.databaseUrl, location.onIdleConnectionError);
  return openPglite(location.dataDir, location.loadDataDir, location.usePreparedDataDir ?? true);
}

async function openPostgres(
  databaseUrl: string,
  onIdleConnectionError = (error: Error) => console.warn('PostgreSQL dropped an idle connection:', error.message),
): Promise<OpenDatabase> {
  // loaded only when used: an embedded installation never pays for the driver
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        resultParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // The server may drop an idle connection (restart, failover, a forced `drop database`); the pool then discards
  // the client and emits 'error', which without a listener would crash the process. The next query reconnects.
  pool.on('error', onIdleConnectionError);
  const dialect = new PostgresDialect({
    pool,
    // date → 'YYYY-MM-DD' (type-parsers.ts) relies on ISO output whatever the server's default DateStyle is.
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw(`set datestyle = 'ISO, YMD'`));
    },
  });
  return wrap(new Kysely<Database>({ dialect }), 'postgresql');
}

async function openPglite(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
  usePrepared: boolean | PreparedDataDir,
): Promise<OpenDatabase> {
  // PGlite's code loads (loaded only when used: a server installation never pays PGlite's memory) and its
  // WebAssembly compiles on V8's background threads while the data directory is locked and filled (ADR 0005)
  const pgliteModule = import('@electric-sql/pglite');
  const wasmModule = compilePgliteWasm();
  for (const loading of [pgliteModule, wasmModule]) loading.catch(() => {}); // failures surface where awaited
  let unlock = async () => {};
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  try {
    let reportFault: (error: Error) => void = () => {};
    const fault = new Promise<Error>((resolve) => {
      reportFault = resolve;
    });
    const create = async (snapshot: Blob | undefined) => {
      const { PGlite } = await pgliteModule;
      const pglite = await PGlite.create({
        startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
        pgliteWasmModule: await wasmModule,
        ...(dataDir ? { dataDir } : {}),
        ...(snapshot ? { loadDataDir: snapshot } : {}),
        parsers: { ...resultParsers },
      });
      const pool = new PgliteFaultGuard(new PglitePool(pglite), reportFault, dataDir);
      return { pglite, db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
    };
    let origin: DataDirOrigin | undefined;
    let prepared: PreparedDataDir | undefined;
    if (dataDir && !loadDataDir) {
      const fresh = await isFreshDataDir(dataDir, [lockFileName]);
      if (fresh && usePrepared !== false) {
        prepared = usePrepared === true ? await findPreparedDataDir(await readPgliteVersion()) : usePrepared;
      }
      origin = fresh ? (prepared ? 'prepared' : 'initdb') : 'existing';
    }
    if (dataDir && prepared) {
      await writeFile(path.join(dataDir, preparingMarker), '');
      await copyPreparedDataDir(prepared, dataDir);
    }
    let opened = await create(loadDataDir);
    if (dataDir && prepared) {
      if (!(await matchesCodeMigrations(opened.db, prepared.manifest.migrations))) {
        // a snapshot from another version of the code: the slow path gives the right cluster
        await opened.db.destroy();
        await emptyDataDir(dataDir, [lockFileName]);
        origin = 'initdb';
        opened = await create(undefined);
      }
      await rm(path.join(dataDir, preparingMarker), { force: true });
    }
    const { pglite, db } = opened;
    return {
      ...wrap(db, 'pglite', unlock),
      ...(origin ? { dataDirOrigin: origin } : {}),
      dumpDataDir: () => pglite.dumpDataDir('gzip') as Promise<Blob>,
      fault,
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

/**
 * The snapshot's migrations are exactly the code's: none pending, none unknown. One query: better-auth's tables
 * are brought up to date by ensureSchema on every start anyway, so they need no check (and no introspection) here.
 */
export async function matchesCodeMigrations(
  db: Kysely<Database>,
  snapshotMigrations: readonly string[],
): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    const applied = rows.map((r) => r.name).join('\n');
    // the manifest lists better-auth's tables (`auth:…`) beside ours
    const ours = snapshotMigrations.filter((name) => !name.startsWith('auth:'));
    return applied === [...MIGRATION_NAMES].sort().join('\n') && applied === [...ours].sort().join('\n');
  } catch {
    return false;
  }
}

type PgliteWasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
// a global of node's, absent from the ES library's types this project compiles against
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<PgliteWasmModule> };

let pgliteWasm: Promise<PgliteWasmModule> | undefined;

/**
 * PGlite's PostgreSQL as WebAssembly, compiled once per process (the file PGlite itself would read, beside its entry
 * module): each PGlite instantiates it with its own memory, so the initdb fallback and the tests' many in-memory
 * databases do not compile 9 MB again each time.
 */
function compilePgliteWasm(): Promise<PgliteWasmModule> {
  pgliteWasm ??= readFile(new URL('pglite.wasm', import.meta.resolve('@electric-sql/pglite'))).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  pgliteWasm.catch(() => {
    pgliteWasm = undefined; // tried again at the next open
  });
  return pgliteWasm;
}

function wrap(db: Kysely<Database>, engine: DatabaseEngine, afterClose = async () => {}): OpenDatabase {
  let closing: Promise<void> | undefined;
  return {
    db,
    engine,
    close: () => {
      closing ??= db.destroy().finally(afterClose);
      return closing;
    },
  };
}
