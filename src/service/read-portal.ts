import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Vision } from '../domain/vision.js';
import { findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findLatestRevision, findNewestRevisionId, readVision } from '../store/read-revision.js';
import { getSourceDocumentInfo, type SourceDocumentInfo } from '../store/source-document-store.js';

/** Everything the public pages show of the current revision, read once per revision. */
export type PortalSnapshot = {
  /** changes when any revision is added: the cache key of rendered pages */
  stamp: string;
  vision: Vision;
  revision: { seq: number; label: string | null; createdAt: string };
  document: SourceDocumentInfo | null;
};

/** A cheap stamp of the data (one indexed query), to tell whether cached pages are still current. */
export async function findDataStamp(db: Kysely<Database>): Promise<string> {
  return `r${(await findNewestRevisionId(db)) ?? 0}`;
}

/** The current revision of the installation's area with its source document; NOT_FOUND before any import. */
export async function readPortalSnapshot(db: Kysely<Database>): Promise<PortalSnapshot> {
  const stamp = await findDataStamp(db);
  const area = await findDefaultArea(db);
  const revision = area && (await findLatestRevision(db, area.id));
  if (!area || !revision) {
    throw new AppError('NOT_FOUND', 'No vision has been imported yet', {
      userMessage: 'ビジョンがまだ取り込まれていません。',
    });
  }
  return {
    stamp,
    vision: await readVision(db, area, revision),
    revision: { seq: revision.seq, label: revision.label, createdAt: String(revision.created_at) },
    document: (await getSourceDocumentInfo(db, revision.source_document_id)) ?? null,
  };
}
