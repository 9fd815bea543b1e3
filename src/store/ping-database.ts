import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

/** Runs `select 1`: resolves when the database answers, rejects otherwise. */
export async function pingDatabase(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
