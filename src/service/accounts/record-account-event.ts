import type { Kysely } from 'kysely';
import type { Channel } from '../../domain/access-policy.js';
import { appendAuditEntries } from '../../store/audit-store.js';
import { readDataVersion } from '../../store/data-version-store.js';
import type { Database } from '../../store/database.js';

/**
 * Records a sign-in, a refused sign-in or a sign-out. These change no data anyone reads, so unlike a write they do
 * not bump the data version (caches stay warm); the entry carries the version in force.
 */
export async function recordAccountEvent(
  db: Kysely<Database>,
  event: {
    action: 'account.sign_in' | 'account.sign_in_refused' | 'account.sign_out' | 'account.change_password';
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
