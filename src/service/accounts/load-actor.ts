import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { findAccountById } from '../../store/account-store.js';
import type { Database } from '../../store/database.js';
import { listRoleGrants } from '../../store/role-grant-store.js';

/**
 * The actor of a signed-in account, with its grants read now (a role taken away applies to the next request);
 * undefined for an unknown or disabled account.
 */
export async function loadAccountActor(
  db: Kysely<Database>,
  userId: string,
  channel: 'web' | 'api',
): Promise<Actor | undefined> {
  const account = await findAccountById(db, userId);
  if (!account || account.disabled) return undefined;
  return { kind: 'account', userId, label: account.email, grants: await listRoleGrants(db, userId), channel };
}
