import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Channel } from '../domain/access-policy.js';
import type { AuditEntryTable, Database } from './database.js';

export type AuditEntryInput = {
  actorUserId: string | null;
  actorLabel: string;
  actorRoles: string[];
  channel: Channel;
  action: string;
  entity: string;
  entityId: string | null;
  areaId: number | null;
  before: unknown;
  after: unknown;
};

export type AuditEntry = Omit<AuditEntryInput, 'before' | 'after'> & {
  id: number;
  at: string;
  before: unknown;
  after: unknown;
  dataVersion: number;
};

/** Appends entries in the caller's transaction (the table refuses anything but INSERT). */
export async function appendAuditEntries(
  trx: Transaction<Database>,
  entries: readonly AuditEntryInput[],
  dataVersion: number,
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto('audit_entry')
    .values(
      entries.map((e) => ({
        actor_user_id: e.actorUserId,
        actor_label: e.actorLabel,
        actor_roles: JSON.stringify(e.actorRoles),
        channel: e.channel,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        area_id: e.areaId,
        before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
        after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
        data_version: dataVersion,
      })),
    )
    .execute();
}

export type AuditFilter = {
  actor?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  /** ISO dates, inclusive (`to` up to the end of that day, UTC) */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
};

/** Entries matching the filter, newest first, with the total count for paging. */
export async function listAuditEntries(
  db: Kysely<Database>,
  filter: AuditFilter,
): Promise<{ total: number; entries: AuditEntry[] }> {
  let query = db.selectFrom('audit_entry');
  if (filter.actor) query = query.where('actor_label', 'ilike', `%${escapeLike(filter.actor)}%`);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', `${filter.from}T00:00:00Z`);
  if (filter.to) query = query.where('at', '<', nextDay(filter.to));
  const [{ n }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
  ]);
  return { total: Number(n), entries: rows.map(rowToAuditEntry) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function nextDay(isoDate: string): string {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

function rowToAuditEntry(row: Selectable<AuditEntryTable>): AuditEntry {
  return {
    id: Number(row.id),
    at: String(row.at),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    actorRoles: row.actor_roles,
    channel: row.channel,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    areaId: row.area_id,
    before: row.before,
    after: row.after,
    dataVersion: Number(row.data_version),
  };
}
