import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import type { ErrorLogger } from './problem.js';

/** What the HTTP app needs from outside: passed in, never imported, so tests give their own. */
export type AppDeps = {
  db: Kysely<Database>;
  /** where unexpected errors go; console.error by default */
  logError?: ErrorLogger;
};
