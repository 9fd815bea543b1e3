import type { Kysely } from 'kysely';
import { type Actor, mayTurnOffOwnTwoFactor } from '../../domain/access-policy.js';
import { findAccountById } from '../../store/account-store.js';
import type { Database } from '../../store/database.js';

/** Whether the account signs in with a second step, and whether it may turn that off itself. */
export type TwoFactorStatus = { enabled: boolean; mayTurnOff: boolean };

export async function readTwoFactorStatus(db: Kysely<Database>, actor: Actor): Promise<TwoFactorStatus> {
  if (actor.kind !== 'account') return { enabled: false, mayTurnOff: true };
  const account = await findAccountById(db, actor.userId);
  return { enabled: account?.twoFactorEnabled === true, mayTurnOff: mayTurnOffOwnTwoFactor(actor) };
}
