import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { RevisionRow } from './read-revision.js';

/** An area's revision by its number (1, 2, … in import order). */
export function findRevisionBySeq(db: Kysely<Database>, areaId: number, seq: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('vision_revision')
    .selectAll()
    .where('area_id', '=', areaId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

export type RevisionListRow = { id: number; seq: number; label: string | null; createdAt: string };

/** The area's revisions, newest first: number, label and when each was stored (no content). */
export async function listAreaRevisions(db: Kysely<Database>, areaId: number): Promise<RevisionListRow[]> {
  const rows = await db
    .selectFrom('vision_revision')
    .select(['id', 'seq', 'label', 'created_at'])
    .where('area_id', '=', areaId)
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, seq: r.seq, label: r.label, createdAt: r.created_at }));
}
