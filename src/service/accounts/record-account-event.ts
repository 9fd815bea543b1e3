import type { Kysely } from 'kysely';
import type { Channel } from '../../domain/access-policy.js';
import { appendAuditEntries } from '../../store/audit-store.js';
import { readDataVersion } from '../../store/data-version-store.js';
import type { Database } from '../../store/database.js';

/** What an account does itself, outside the data: recorded by recordAccountEvent. */
export type AccountEventAction =
  | 'account.sign_in'
  | 'account.sign_in_refused'
  | 'account.sign_out'
  | 'account.change_password'
  /** a wrong or refused second step (TOTP or backup code) of a sign-in */
  | 'account.two_factor_refused'
  | 'account.two_factor_enable'
  | 'account.two_factor_disable'
  /** a new set of backup codes; the old ones stop working (the codes themselves are never recorded) */
  | 'account.two_factor_backup_codes'
  /** an admin's attempt to turn two-factor off (mayTurnOffOwnTwoFactor) */
  | 'account.two_factor_disable_refused';

/**
 * Records a sign-in (either step), a refused sign-in, a sign-out, or a change to the account's own sign-in
 * (password, two-factor). These change no data anyone reads, so unlike a write they do
 * not bump the data version (caches stay warm); the entry carries the version in force.
 */
export async function recordAccountEvent(
  db: Kysely<Database>,
  event: {
    action: AccountEventAction;
    userId: string | null;
    email: string;
    channel: Channel;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await appendAuditEntries(
      trx,
      [
        {
          actorUserId: event.userId,
          actorLabel: event.email,
          actorRoles: [],
          channel: event.channel,
          action: event.action,
          entity: 'account',
          entityId: event.email,
          areaId: null,
          before: null,
          after: event.detail ?? null,
        },
      ],
      await readDataVersion(trx),
    );
  });
}
