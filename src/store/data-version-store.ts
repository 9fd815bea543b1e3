import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/** The data version of the newest write the public can see: one indexed read, so public caches can ask it often. */
export async function readPublicDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_version').select('public_version').executeTakeFirstOrThrow();
  return Number(row.public_version);
}

/** The installation's data version: the number of the newest committed write. */
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

/** Marks the write that took `version` as one the public sees (under the row lock bumpDataVersion took). */
export async function markPublicDataVersion(trx: Transaction<Database>, version: number): Promise<void> {
  await trx.updateTable('data_version').set({ public_version: version }).execute();
}
