import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { AreaKind, MunicipalityRef, Vision } from '../domain/vision.js';
import {
  type AreaRecord,
  type AreaSummaryRow,
  findAreaRecord,
  findRevisionOfArea,
  listAreaSummaryRows,
  listRevisionMunicipalities,
  listRevisionSummaryRows,
  type RevisionSummaryRow,
  readRevisionKeys,
} from '../store/api-queries.js';
import type { Database } from '../store/database.js';
import { type RevisionRow, readVision } from '../store/read-revision.js';
import { deriveAreaSlug } from './derive-area-slug.js';

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

/** An area with one of its revisions. */
export type AreaRevision = { area: AreaRecord; revision: RevisionRow };

export function listAreas(db: Kysely<Database>): Promise<AreaSummary[]> {
  return listAreaSummaryRows(db);
}

/**
 * The area of a slug as written in a URL: exactly, else as `deriveAreaSlug` would have made it
 * (`Aomori` → `aomori`, full-width letters), so a slug typed by hand finds its area.
 */
export async function getArea(db: Kysely<Database>, slug: string): Promise<AreaRecord> {
  const area = (await findAreaRecord(db, slug)) ?? (await findDerived(db, slug));
  if (!area) {
    throw new AppError('NOT_FOUND', `No area ${slug}`, { userMessage: `圏域「${slug}」は登録されていません。` });
  }
  return area;
}

async function findDerived(db: Kysely<Database>, slug: string): Promise<AreaRecord | undefined> {
  let derived: string;
  try {
    derived = deriveAreaSlug(slug);
  } catch {
    return undefined; // no letter or digit: no area can have it
  }
  return derived === slug ? undefined : findAreaRecord(db, derived);
}

export async function getAreaDetail(db: Kysely<Database>, slug: string): Promise<AreaDetail> {
  const area = await getArea(db, slug);
  const latest = await findRevisionOfArea(db, area.id, 'latest');
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
): Promise<{ area: AreaRecord; revisions: RevisionSummary[] }> {
  const area = await getArea(db, slug);
  return { area, revisions: await listRevisionSummaryRows(db, area.id) };
}

/** The area's revision with this seq, or its latest; NOT_FOUND when there is none. */
export async function getAreaRevision(
  db: Kysely<Database>,
  slug: string,
  seq: number | 'latest',
): Promise<AreaRevision> {
  const area = await getArea(db, slug);
  const revision = await findRevisionOfArea(db, area.id, seq);
  if (!revision) {
    throw new AppError('NOT_FOUND', `No revision ${seq} of area ${area.slug}`, {
      userMessage:
        seq === 'latest'
          ? `圏域「${area.name}」にはまだビジョンが取り込まれていません。`
          : `圏域「${area.name}」に第 ${seq} 版はありません。`,
    });
  }
  return { area, revision };
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
