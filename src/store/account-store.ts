import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.js';

/**
 * Renkei's own reads and writes of better-auth's account tables ("user", "account", "session"), so that making
 * an account, its role and its audit entry happen in one transaction. Passwords arrive already hashed with
 * better-auth's own hasher (service/accounts), so better-auth signs them in.
 */

export type AccountRow = {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  createdAt: string;
  twoFactorEnabled: boolean | null;
};

const ACCOUNT_COLUMNS = ['id', 'email', 'name', 'disabled', 'createdAt', 'twoFactorEnabled'] as const;

export async function findAccountByEmail(
  db: Kysely<Database> | Transaction<Database>,
  email: string,
): Promise<AccountRow | undefined> {
  return db.selectFrom('user').select(ACCOUNT_COLUMNS).where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('user').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function listAccountRows(db: Kysely<Database>): Promise<AccountRow[]> {
  return db.selectFrom('user').select(ACCOUNT_COLUMNS).orderBy('createdAt').execute();
}

export async function insertAccount(
  trx: Transaction<Database>,
  account: { id: string; email: string; name: string; passwordHash: string; accountId: string },
): Promise<void> {
  const now = new Date().toISOString();
  await trx
    .insertInto('user')
    .values({
      id: account.id,
      name: account.name,
      email: account.email.toLowerCase(),
      emailVerified: true,
      createdAt: now,
      updatedAt: now,
      disabled: false,
    })
    .execute();
  await trx
    .insertInto('account')
    .values({
      id: account.accountId,
      accountId: account.id,
      providerId: 'credential',
      userId: account.id,
      password: account.passwordHash,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
}

/** Replaces the password hash and ends every session of the account. */
export async function replacePassword(trx: Transaction<Database>, userId: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('account')
    .set({ password: passwordHash, updatedAt: new Date().toISOString() })
    .where('userId', '=', userId)
    .where('providerId', '=', 'credential')
    .execute();
  await endSessions(trx, userId);
}

export async function setAccountDisabled(trx: Transaction<Database>, userId: string, disabled: boolean): Promise<void> {
  await trx
    .updateTable('user')
    .set({ disabled, updatedAt: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  if (disabled) await endSessions(trx, userId);
}

export async function endSessions(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('session').where('userId', '=', userId).execute();
}

/**
 * Turns two-factor sign-in off for an account (its TOTP secret and backup codes are deleted) and ends its
 * sessions. better-auth's own endpoint does this for the signed-in account; this is the operator's way.
 */
export async function clearTwoFactor(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('twoFactor').where('userId', '=', userId).execute();
  await trx
    .updateTable('user')
    .set({ twoFactorEnabled: false, updatedAt: new Date().toISOString() })
    .where('id', '=', userId)
    .execute();
  await endSessions(trx, userId);
}

/** Deletes the account's two-factor row (a set-up never confirmed); answers whether there was one. */
export async function deleteTwoFactorRow(trx: Transaction<Database>, userId: string): Promise<boolean> {
  const deleted = await trx.deleteFrom('twoFactor').where('userId', '=', userId).returning('id').execute();
  return deleted.length > 0;
}
