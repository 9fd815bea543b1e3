import { statfs } from 'node:fs/promises';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import { AppError } from '../domain/errors.js';

/**
 * Free space a PGlite data directory keeps in reserve: a statement that could write is refused below it. PGlite
 * allocates its WAL 16 MB at a time, and a WAL segment it cannot create makes it spin for good (see below), so
 * the reserve holds two segments and room for the data files to grow.
 */
export const reservedFreeBytes = 64 * 1024 * 1024;

/**
 * Keeps PGlite away from a full disk and stops all use of it after a fault it does not recover from.
 *
 * Measured here on a full tmpfs: when PGlite cannot create a WAL segment (`could not write to file
 * "pg_wal/xlogtemp…": No space left on device`) it either reports the error and spins on the next statement, or
 * spins inside the statement itself, in WebAssembly, for good: the event loop never runs again, so the server
 * answers nothing and ignores SIGTERM. Nothing in JavaScript can stop that once it started, so:
 * 1. before each statement that changes data or schema, the free space of the data directory is checked (statfs, at most every
 *    100 ms); below `reservedFreeBytes` the statement is refused with a clear error (the transaction rolls back,
 *    reads go on serving);
 * 2. after an unrecoverable error that still reached JavaScript (a WAL write, an I/O or internal error, a trap)
 *    every statement, rollback and close is refused at once without touching PGlite, and `onFault` is called once:
 *    the server then exits non-zero for its supervisor. What was committed is in the WAL; the next start recovers it.
 * A data file that cannot grow (`could not extend file`) is an ordinary error after which PGlite goes on serving.
 */
export class PgliteFaultGuard implements PostgresPool {
  readonly #inner: PostgresPool;
  readonly #onFault: (error: Error) => void;
  #fault: Error | undefined;

  readonly #dataDir: string | undefined;
  #free: { bytes: number; at: number } | undefined;

  constructor(inner: PostgresPool, onFault: (error: Error) => void, dataDir?: string) {
    this.#inner = inner;
    this.#onFault = onFault;
    this.#dataDir = dataDir;
  }

  get fault(): Error | undefined {
    return this.#fault;
  }

  async connect(): Promise<PostgresPoolClient> {
    this.#refuseAfterFault();
    const client = await this.#inner.connect();
    return {
      query: ((sqlOrCursor: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor);
        return this.#run(client, sqlOrCursor, parameters ?? []);
      }) as PostgresPoolClient['query'],
      // after a fault the connection stays taken: giving it back would roll back on PGlite, which would spin
      release: () => {
        if (!this.#fault) client.release();
      },
    };
  }

  async end(): Promise<void> {
    if (this.#fault) return; // closing would run statements on the broken instance
    await this.#inner.end();
  }

  async #run(client: PostgresPoolClient, sql: string, parameters: ReadonlyArray<unknown>) {
    this.#refuseAfterFault();
    if (mayWrite(sql)) await this.#refuseWhenDiskIsNearlyFull();
    try {
      return await client.query(sql, parameters);
    } catch (error) {
      if (isUnrecoverable(error)) this.#recordFault(error as Error);
      throw error;
    }
  }

  async #refuseWhenDiskIsNearlyFull(): Promise<void> {
    if (!this.#dataDir) return;
    const now = Date.now();
    if (!this.#free || now - this.#free.at > 100) {
      const stats = await statfs(this.#dataDir);
      this.#free = { bytes: stats.bavail * stats.bsize, at: now };
    }
    if (this.#free.bytes >= reservedFreeBytes) return;
    const free = (this.#free.bytes / 1024 / 1024).toFixed(1);
    this.#free = undefined; // look again next time: space may have been freed
    throw new AppError('UNAVAILABLE', `Not enough free disk space for the database: ${free} MB free`, {
      userMessage:
        `ディスクの空きが足りないため保存できません（空き ${free} MB、必要 ${reservedFreeBytes / 1024 / 1024} MB 以上）。` +
        '何も変えていません。空きを作ってからやり直してください。',
    });
  }

  #refuseAfterFault(): void {
    if (this.#fault) {
      throw new Error(`The embedded database stopped after a fault: ${this.#fault.message}`, { cause: this.#fault });
    }
  }

  #recordFault(error: Error): void {
    if (this.#fault) return;
    this.#fault = error;
    this.#onFault(error);
  }
}

/**
 * Statements that change data or schema. Transaction control, reads and row locks pass below the reserve, so the
 * server still starts (the migrator's lock and checks) and serves pages on a nearly full disk.
 */
function mayWrite(sql: string): boolean {
  const text = sql.trimStart().toLowerCase();
  const changes =
    /^(insert|update|delete|merge|create|alter|drop|truncate|copy|do|call|reindex|vacuum|cluster|refresh)\b/;
  return changes.test(text) || (text.startsWith('with') && /\b(insert|update|delete|merge)\b/.test(text));
}

/** A fault PGlite does not come back from: the WAL cannot be written, an I/O or internal error, a WebAssembly trap. */
export function isUnrecoverable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  if (typeof code !== 'string')
    return (error as { name?: string }).name === 'RuntimeError' || /Aborted|ExitStatus/.test(text);
  if (code.startsWith('58') || code.startsWith('XX')) return true; // system error, internal error (PANIC)
  return code.startsWith('53') && /pg_wal|xlog/i.test(text);
}
