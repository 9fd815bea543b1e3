import type { Kysely } from 'kysely';
import type { AreaKind, MunicipalityRef, Vision } from '../domain/vision.js';
import {
  type AreaSummaryRow,
  listAreaSummaryRows,
  listRevisionMunicipalities,
  listRevisionSummaryRows,
  type RevisionSummaryRow,
  readRevisionKeys,
} from '../store/api-queries.js';
import type { AreaRow } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findCurrentRevision, readVision } from '../store/read-revision.js';
import { type AreaRevision, getArea, getPublishedRevision, type RevisionSelector } from './area-lookup.js';

/** Reads of the public API about areas and their revisions; NOT_FOUND (Japanese userMessage) for what is not there. */

export type AreaSummary = AreaSummaryRow;
export type RevisionSummary = RevisionSummaryRow;

export type AreaDetail = {
  slug: string;
  name: string;
  kind: AreaKind;
  latestRevision: AreaSummary['latestRevision'];
  /** the municipalities of the latest revision, in the document's order */
  municipalities: MunicipalityRef[];
};

export function listAreas(db: Kysely<Database>): Promise<AreaSummary[]> {
  return listAreaSummaryRows(db);
}

export async function getAreaDetail(db: Kysely<Database>, slug: string): Promise<AreaDetail> {
  const area = await getArea(db, slug);
  const latest = await findCurrentRevision(db, area);
  return {
    slug: area.slug,
    name: area.name,
    kind: area.kind,
    latestRevision: latest ? { seq: latest.seq, label: latest.label, createdAt: String(latest.created_at) } : null,
    municipalities: latest ? await listRevisionMunicipalities(db, latest.id) : [],
  };
}

export async function listAreaRevisions(
  db: Kysely<Database>,
  slug: string,
): Promise<{ area: AreaRow; revisions: RevisionSummary[] }> {
  const area = await getArea(db, slug);
  return { area, revisions: await listRevisionSummaryRows(db, area.id) };
}

/** The area's published revision with this seq, or its current one; NOT_FOUND when there is none. */
export function getAreaRevision(db: Kysely<Database>, slug: string, seq: RevisionSelector): Promise<AreaRevision> {
  return getPublishedRevision(db, slug, seq);
}

/** A revision's Vision JSON with the stable ids of its projects and KPIs (same order as `vision.projects`). */
export type RevisionData = {
  area: { slug: string; name: string };
  revision: { id: number; seq: number; label: string | null };
  vision: Vision;
  projectIds: number[];
  /** `kpiIds[i][j]`: the id of the j-th KPI of the i-th project */
  kpiIds: number[][];
};

/** Everything the API answers about one revision: read once, then kept (revisions never change). */
export async function readRevisionData(db: Kysely<Database>, { area, revision }: AreaRevision): Promise<RevisionData> {
  const vision = await readVision(db, area, revision);
  const keys = await readRevisionKeys(db, revision.id);
  return {
    area: { slug: area.slug, name: area.name },
    revision: { id: revision.id, seq: revision.seq, label: revision.label },
    vision,
    projectIds: keys.projectKeys,
    kpiIds: keys.kpiKeys,
  };
}
