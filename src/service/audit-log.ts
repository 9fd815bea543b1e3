import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { isAllowed } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { type AuditFilter, listAuditEntries, type AuditEntry as StoredAuditEntry } from '../store/audit-store.js';
import type { Database } from '../store/database.js';

export type AuditEntry = StoredAuditEntry;
export type { AuditFilter };

/** The audit log for someone allowed to read it (admins). */
export async function readAuditLog(
  db: Kysely<Database>,
  actor: Actor,
  filter: AuditFilter,
): Promise<{ total: number; entries: AuditEntry[] }> {
  if (!isAllowed(actor, 'audit.read')) {
    throw new AppError('FORBIDDEN', `${actor.label} may not read the audit log`, {
      userMessage: '操作記録を見る権限がありません。',
    });
  }
  return listAuditEntries(db, filter);
}
