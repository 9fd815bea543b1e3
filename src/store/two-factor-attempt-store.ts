import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

/** `minutes` ago, by the database's clock (the same clock the rows are stamped with). */
const minutesAgo = (minutes: number) => sql<string>`now() - make_interval(mins => ${minutes})`;

/**
 * Records a TOTP code as used by the account, unless it was recorded within the last `reuseMinutes`: answers
 * whether this call recorded it. One statement, so of two posts of the same code only one gets `true` (the
 * primary key decides). Rows older than `keepMinutes` are deleted first.
 */
export async function insertUsedTotpCode(
  db: Kysely<Database>,
  userId: string,
  code: string,
  reuseMinutes: number,
  keepMinutes: number,
): Promise<boolean> {
  await db.deleteFrom('used_totp_code').where('used_at', '<', minutesAgo(keepMinutes)).execute();
  const row = await db
    .insertInto('used_totp_code')
    .values({ user_id: userId, code, used_at: sql<string>`now()` })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'code'])
        .doUpdateSet({ used_at: sql<string>`now()` })
        .where('used_totp_code.used_at', '<', minutesAgo(reuseMinutes)),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets a code recorded by insertUsedTotpCode that then turned out wrong (only accepted codes stay used). */
export async function deleteUsedTotpCode(db: Kysely<Database>, userId: string, code: string): Promise<void> {
  await db.deleteFrom('used_totp_code').where('user_id', '=', userId).where('code', '=', code).execute();
}

/** Counts one wrong code for the account; rows older than `keepMinutes` are deleted first. */
export async function insertTwoFactorFailure(db: Kysely<Database>, userId: string, keepMinutes: number): Promise<void> {
  await db.deleteFrom('two_factor_failure').where('failed_at', '<', minutesAgo(keepMinutes)).execute();
  await db.insertInto('two_factor_failure').values({ user_id: userId, failed_at: sql<string>`now()` }).execute();
}

/** How many wrong codes the account has had within the last `minutes`. */
export async function countTwoFactorFailures(db: Kysely<Database>, userId: string, minutes: number): Promise<number> {
  const row = await db
    .selectFrom('two_factor_failure')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('failed_at', '>=', minutesAgo(minutes))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function deleteTwoFactorFailures(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('two_factor_failure').where('user_id', '=', userId).execute();
}
