import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { ErrorLogger } from './problem.js';

/** What the HTTP app needs from outside: passed in, never imported, so tests give their own. */
export type AppDeps = {
  db: Kysely<Database>;
  /** how long pages may be served after another process changed the data (ms); default 1000, tests 0 */
  dataStampTtlMs?: number;
  /** where unexpected errors go; console.error by default */
  logError?: ErrorLogger;
};
