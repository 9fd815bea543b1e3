import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { pingDatabase } from '../store/ping-database.js';

export type Health = { status: 'ok' };

/** 'ok' when the database answers a query; throws (the caller answers 5xx) when it does not. */
export async function checkHealth(db: Kysely<Database>): Promise<Health> {
  await pingDatabase(db);
  return { status: 'ok' };
}
