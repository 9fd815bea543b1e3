import type { Kysely } from 'kysely';
import { findAccountByEmail } from '../../store/account-store.js';
import type { Database } from '../../store/database.js';
import {
  countTwoFactorFailures,
  deleteTwoFactorFailures,
  deleteUsedTotpCode,
  insertTwoFactorFailure,
  insertUsedTotpCode,
} from '../../store/two-factor-attempt-store.js';

/**
 * Renkei's own rules on two-factor codes, beside better-auth's (ADR 0007):
 * - a TOTP code works once (ASVS 2.8.4): it is claimed for the account before better-auth checks it, refused while
 *   claimed (2 minutes: longer than the 90 s a code is accepted), and released again if it was wrong;
 * - a signed-in account gets 5 wrong codes per 15 minutes when turning two-factor on or off, where better-auth's
 *   per-challenge and per-account limits do not apply (they count only sign-ins).
 */
const REUSE_MINUTES = 2;
const KEEP_USED_MINUTES = 10;
export const MAX_TWO_FACTOR_FAILURES = 5;
const FAILURE_MINUTES = 15;

/** Claims a TOTP code for the account: false when the account used it within the last 2 minutes. */
export function claimTotpCode(db: Kysely<Database>, userId: string, code: string): Promise<boolean> {
  return insertUsedTotpCode(db, userId, code, REUSE_MINUTES, KEEP_USED_MINUTES);
}

/** Releases a claimed code that better-auth refused: only accepted codes count as used. */
export function releaseTotpCode(db: Kysely<Database>, userId: string, code: string): Promise<void> {
  return deleteUsedTotpCode(db, userId, code);
}

/** Whether the account has had 5 wrong codes within 15 minutes on the signed-in steps. */
export async function isTwoFactorLocked(db: Kysely<Database>, userId: string): Promise<boolean> {
  return (await countTwoFactorFailures(db, userId, FAILURE_MINUTES)) >= MAX_TWO_FACTOR_FAILURES;
}

export function noteTwoFactorFailure(db: Kysely<Database>, userId: string): Promise<void> {
  return insertTwoFactorFailure(db, userId, FAILURE_MINUTES);
}

/** A right code clears the count, as better-auth does for sign-ins. */
export function clearTwoFactorFailures(db: Kysely<Database>, userId: string): Promise<void> {
  return deleteTwoFactorFailures(db, userId);
}

/** The id of the account a pending sign-in is for (its e-mail passed the password step). */
export async function findUserIdByEmail(db: Kysely<Database>, email: string): Promise<string | undefined> {
  return (await findAccountByEmail(db, email))?.id;
}
