import type { PGlite } from '@electric-sql/pglite';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type QueryCommand = PostgresQueryResult<unknown>['command'];

/**
 * Presents one PGlite instance to Kysely's PostgresDialect as a pool of exactly one connection.
 *
 * PGlite is a single Postgres backend: a transaction is a property of the whole instance, so a second caller
 * must not run statements while a transaction is open. `connect()` therefore hands the one connection to one
 * caller at a time (FIFO) until it calls `release()`; Kysely holds it for the length of a transaction.
 * Consequence: code inside a transaction must use the transaction object, never the outer `db` (that would wait
 * for itself forever).
 */
export class PglitePool implements PostgresPool {
  readonly #pglite: PGlite;
  readonly #waiting: Array<() => void> = [];
  #busy = false;
  #ended = false;

  constructor(pglite: PGlite) {
    this.#pglite = pglite;
  }

  async connect(): Promise<PostgresPoolClient> {
    await this.#acquire();
    if (this.#ended) {
      this.#release();
      throw new Error('The PGlite pool has been closed');
    }
    return new PgliteClient(this.#pglite, () => this.#release());
  }

  /** Waits for the current holder to release the connection, then closes PGlite (flushing its data directory). */
  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    await this.#acquire();
    try {
      if (!this.#pglite.closed) await this.#pglite.close();
    } finally {
      this.#release();
    }
  }

  #acquire(): Promise<void> {
    if (!this.#busy) {
      this.#busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy = false;
  }
}

class PgliteClient implements PostgresPoolClient {
  readonly #pglite: PGlite;
  readonly #onRelease: () => void;
  #released = false;

  constructor(pglite: PGlite, onRelease: () => void) {
    this.#pglite = pglite;
    this.#onRelease = onRelease;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') {
      throw new Error('Streaming with a cursor is not supported on PGlite');
    }
    return this.#run<R>(sqlOrCursor, parameters ?? []);
  }

  release(): void {
    if (this.#released) return;
    this.#released = true;
    // A caller that gives the connection back mid-transaction would leave the next caller inside it.
    if (!this.#pglite.closed && this.#pglite.isInTransaction()) {
      this.#pglite.query('rollback').then(this.#onRelease, this.#onRelease);
      return;
    }
    this.#onRelease();
  }

  async #run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (this.#released) throw new Error('Query on a released PGlite connection');
    const result = await this.#pglite.query<R>(sql, [...parameters]);
    return {
      command: (result.command ?? 'SELECT') as QueryCommand,
      rowCount: result.rowCount ?? result.affectedRows ?? 0,
      rows: result.rows,
    };
  }
}
