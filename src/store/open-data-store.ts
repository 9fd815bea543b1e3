import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export type RevisionListRow = { id: number; seq: number; label: string | null; createdAt: string };

/** The area's published revisions, newest first: number, label and when each was stored (no content). */
export async function listAreaRevisions(db: Kysely<Database>, areaId: number): Promise<RevisionListRow[]> {
  const rows = await db
    .selectFrom('vision_revision')
    .select(['id', 'seq', 'label', 'created_at'])
    .where('area_id', '=', areaId)
    .where('status', '=', 'published')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, seq: r.seq, label: r.label, createdAt: r.created_at }));
}
