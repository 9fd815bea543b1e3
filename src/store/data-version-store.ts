import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** The installation's data version: one indexed read, so caches can ask it often. */
export async function readDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

/**
 * Bumps the data version inside the write's transaction and returns the new one. The row lock it takes also
 * orders concurrent writes, so versions are gapless and each names exactly one committed write.
 */
export async function bumpDataVersion(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('data_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}
