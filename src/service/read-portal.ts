import type { Kysely } from 'kysely';
import type { Vision } from '../domain/vision.js';
import { type AreaRow, countAreas } from '../store/area-store.js';
import { readPublicDataVersion } from '../store/data-version-store.js';
import type { Database } from '../store/database.js';
import { readVision } from '../store/read-revision.js';
import { getSourceDocumentInfo, type SourceDocumentInfo } from '../store/source-document-store.js';
import { getPublishedRevision } from './area-lookup.js';

/** Everything the public pages show of an area's current revision, read once per revision. */
export type PortalSnapshot = {
  /** the public data stamp it was read under: the cache key of rendered pages */
  stamp: string;
  area: { slug: string; name: string; kind: Vision['area']['kind'] };
  vision: Vision;
  revision: { id: number; seq: number; label: string | null; createdAt: string };
  document: SourceDocumentInfo | null;
  /** how many areas the installation holds: pages link to the list of areas when there are several */
  areaCount: number;
};

/**
 * A cheap stamp of what the public sees (one single-row read): every write the public can see bumps it, so public
 * caches key on it; a draft, an account or an unpublished year's result leaves it.
 */
export async function findPublicDataStamp(db: Kysely<Database>): Promise<string> {
  return `v${await readPublicDataVersion(db)}`;
}

/**
 * The current revision of an area (by slug; the installation's default area, the first one created, when no slug
 * is given) with its source document. NOT_FOUND for an unknown slug, and before any import. Given the snapshot
 * read under an earlier stamp, it is reused when the area, its current revision and the number of areas are the
 * same (a published year's results or an assessment setting change the stamp but not the vision): three small
 * reads instead of the whole vision.
 */
export async function readPortalSnapshot(
  db: Kysely<Database>,
  areaSlug?: string,
  previous?: PortalSnapshot,
): Promise<PortalSnapshot> {
  const stamp = await findPublicDataStamp(db);
  const { area, revision } = await getPublishedRevision(db, areaSlug);
  const areaCount = await countAreas(db);
  if (
    previous &&
    previous.revision.id === revision.id &&
    previous.areaCount === areaCount &&
    previous.area.slug === area.slug &&
    previous.area.name === area.name &&
    previous.area.kind === area.kind
  ) {
    return { ...previous, stamp };
  }
  return {
    stamp,
    area: describeArea(area),
    vision: await readVision(db, area, revision),
    revision: { id: revision.id, seq: revision.seq, label: revision.label, createdAt: String(revision.created_at) },
    document:
      revision.source_document_id === null
        ? null
        : ((await getSourceDocumentInfo(db, revision.source_document_id)) ?? null),
    areaCount,
  };
}

function describeArea(area: AreaRow): PortalSnapshot['area'] {
  return { slug: area.slug, name: area.name, kind: area.kind };
}
