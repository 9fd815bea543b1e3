import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Vision } from '../domain/vision.js';
import { type AreaRow, countAreas, findAreaBySlug, findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findLatestRevision, findNewestRevisionId, readVision } from '../store/read-revision.js';
import { getSourceDocumentInfo, type SourceDocumentInfo } from '../store/source-document-store.js';

/** Everything the public pages show of an area's current revision, read once per revision. */
export type PortalSnapshot = {
  /** changes when any revision is added: the cache key of rendered pages */
  stamp: string;
  area: { slug: string; name: string; kind: Vision['area']['kind'] };
  vision: Vision;
  revision: { seq: number; label: string | null; createdAt: string };
  document: SourceDocumentInfo | null;
  /** how many areas the installation holds: pages link to the list of areas when there are several */
  areaCount: number;
};

/** A cheap stamp of the data (one indexed query), to tell whether cached pages are still current. */
export async function findDataStamp(db: Kysely<Database>): Promise<string> {
  return `r${(await findNewestRevisionId(db)) ?? 0}`;
}

/**
 * The current revision of an area (by slug; the installation's default area, the first one created, when no slug
 * is given) with its source document. NOT_FOUND for an unknown slug, and before any import.
 */
export async function readPortalSnapshot(db: Kysely<Database>, areaSlug?: string): Promise<PortalSnapshot> {
  const stamp = await findDataStamp(db);
  const area = areaSlug === undefined ? await findDefaultArea(db) : await findAreaBySlug(db, areaSlug);
  if (!area && areaSlug !== undefined) {
    throw new AppError('NOT_FOUND', `No area ${areaSlug}`, {
      userMessage: `圏域「${areaSlug}」は登録されていません。`,
    });
  }
  const revision = area && (await findLatestRevision(db, area.id));
  if (!area || !revision) {
    throw new AppError('NOT_FOUND', 'No vision has been imported yet', {
      userMessage: 'ビジョンがまだ取り込まれていません。',
    });
  }
  return {
    stamp,
    area: describeArea(area),
    vision: await readVision(db, area, revision),
    revision: { seq: revision.seq, label: revision.label, createdAt: String(revision.created_at) },
    document: (await getSourceDocumentInfo(db, revision.source_document_id)) ?? null,
    areaCount: await countAreas(db),
  };
}

function describeArea(area: AreaRow): PortalSnapshot['area'] {
  return { slug: area.slug, name: area.name, kind: area.kind };
}
