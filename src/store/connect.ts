import { mkdir } from 'node:fs/promises';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';
import { PglitePool } from './pglite-pool.js';
import { resultParsers } from './type-parsers.js';

export type DatabaseEngine = 'pglite' | 'postgresql';

/**
 * Where the data lives: a PostgreSQL server when `databaseUrl` is set, else PGlite in `dataDir`,
 * else (tests) PGlite in memory, optionally started from a `loadDataDir` snapshot.
 */
export type DatabaseLocation = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
};

export type OpenDatabase = {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** Ends the pool; for PGlite, waits for the running transaction and closes the data directory cleanly. */
  close(): Promise<void>;
};

export async function openDatabase(location: DatabaseLocation): Promise<OpenDatabase> {
  if (location.databaseUrl) return openPostgres(location.databaseUrl);
  return openPglite(location.dataDir, location.loadDataDir);
}

function openPostgres(databaseUrl: string): OpenDatabase {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        resultParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // The server may drop an idle connection (restart, failover, a forced `drop database`); the pool then discards
  // the client and emits 'error', which without a listener would crash the process. The next query reconnects.
  pool.on('error', (error) => console.warn('PostgreSQL dropped an idle connection:', error.message));
  const dialect = new PostgresDialect({
    pool,
    // date → 'YYYY-MM-DD' (type-parsers.ts) relies on ISO output whatever the server's default DateStyle is.
    onCreateConnection: async (connection) => {
      await connection.executeQuery(CompiledQuery.raw(`set datestyle = 'ISO, YMD'`));
    },
  });
  return wrap(new Kysely<Database>({ dialect }), 'postgresql');
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<OpenDatabase> {
  let unlock = async () => {};
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  try {
    // loaded only when used: a server installation never pays PGlite's memory
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { ...resultParsers },
    });
    const dialect = new PostgresDialect({ pool: new PglitePool(pglite) });
    return wrap(new Kysely<Database>({ dialect }), 'pglite', unlock);
  } catch (error) {
    await unlock();
    throw error;
  }
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
