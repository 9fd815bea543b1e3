import { type Kysely, sql } from 'kysely';
import type { AreaKind, MunicipalityRef } from '../domain/vision.js';
import type { Database } from './database.js';
import { rowToMunicipalityRef } from './rows-to-vision.js';

/**
 * Reads of the public API that the vision store does not already offer: summaries across areas and
 * revisions, and the stable keys of a revision's projects and KPIs. Counts are of a revision's rows, so a
 * summary never rebuilds a whole vision.
 */

export type AreaSummaryRow = {
  slug: string;
  name: string;
  kind: AreaKind;
  latestRevision: { seq: number; label: string | null; createdAt: string } | null;
  municipalityCount: number;
  projectCount: number;
  /** the installation's default area (the first created): the one the URLs without an area answer for */
  isDefault: boolean;
};

/**
 * Every area that holds a vision, oldest first, with its latest revision's seq and its counts of municipalities
 * and projects.
 */
export async function listAreaSummaryRows(db: Kysely<Database>): Promise<AreaSummaryRow[]> {
  const rows = await db
    .selectFrom('area')
    .leftJoin('vision_revision as latest', 'latest.id', 'area.current_revision_id')
    .select((eb) => [
      'area.slug',
      'area.name',
      'area.kind',
      'latest.seq',
      'latest.label',
      'latest.created_at',
      eb
        .selectFrom('revision_municipality')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('revision_municipality.revision_id', '=', 'latest.id')
        .as('municipality_count'),
      eb
        .selectFrom('project_version')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('project_version.revision_id', '=', 'latest.id')
        .as('project_count'),
    ])
    .orderBy('area.id')
    .execute();
  const defaultSlug = rows[0]?.slug;
  return rows
    .filter((row) => row.seq !== null)
    .map((row) => ({
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      latestRevision: row.seq === null ? null : { seq: row.seq, label: row.label, createdAt: String(row.created_at) },
      municipalityCount: Number(row.municipality_count ?? 0),
      projectCount: Number(row.project_count ?? 0),
      isDefault: row.slug === defaultSlug,
    }));
}

/** The municipalities of a revision, in the order the document lists them. */
export async function listRevisionMunicipalities(db: Kysely<Database>, revisionId: number): Promise<MunicipalityRef[]> {
  const rows = await db
    .selectFrom('revision_municipality')
    .innerJoin('municipality', 'municipality.id', 'revision_municipality.municipality_id')
    .select(['municipality.code', 'municipality.name', 'municipality.is_central_city'])
    .where('revision_municipality.revision_id', '=', revisionId)
    .orderBy('revision_municipality.position')
    .execute();
  return rows.map(rowToMunicipalityRef);
}

export type RevisionSummaryRow = {
  seq: number;
  label: string | null;
  createdAt: string;
  /** null for a revision drafted in Renkei or saved by a program */
  sourceDocument: { fileName: string; sha256: string; byteSize: number } | null;
  projectCount: number;
  findingCount: number;
};

/** The revisions of an area, oldest first, with the document each came from. */
export async function listRevisionSummaryRows(db: Kysely<Database>, areaId: number): Promise<RevisionSummaryRow[]> {
  const rows = await db
    .selectFrom('vision_revision')
    .leftJoin('source_document', 'source_document.id', 'vision_revision.source_document_id')
    .select((eb) => [
      'vision_revision.seq',
      'vision_revision.label',
      'vision_revision.created_at',
      'source_document.file_name',
      'source_document.sha256',
      'source_document.byte_size',
      sql<number>`jsonb_array_length(vision_revision.findings)`.as('finding_count'),
      eb
        .selectFrom('project_version')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('project_version.revision_id', '=', 'vision_revision.id')
        .as('project_count'),
    ])
    .where('vision_revision.area_id', '=', areaId)
    .where('vision_revision.status', '=', 'published')
    .orderBy('vision_revision.seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    label: row.label,
    createdAt: String(row.created_at),
    sourceDocument:
      row.file_name === null || row.sha256 === null
        ? null
        : { fileName: row.file_name, sha256: row.sha256, byteSize: Number(row.byte_size) },
    projectCount: Number(row.project_count ?? 0),
    findingCount: Number(row.finding_count),
  }));
}

/**
 * The stable keys of a revision, in the order `readProjects` returns its projects (document position) and
 * each project's KPIs (their position): `projectKeys[i]` is the i-th project's key, `kpiKeys[i][j]` its j-th KPI's.
 */
export async function readRevisionKeys(
  db: Kysely<Database>,
  revisionId: number,
): Promise<{ projectKeys: number[]; kpiKeys: number[][] }> {
  const projects = await db
    .selectFrom('project_version')
    .select(['id', 'project_key_id'])
    .where('revision_id', '=', revisionId)
    .orderBy('position')
    .execute();
  const kpis = await db
    .selectFrom('kpi')
    .innerJoin('project_version', 'project_version.id', 'kpi.project_version_id')
    .select(['kpi.project_version_id', 'kpi.kpi_key_id'])
    .where('project_version.revision_id', '=', revisionId)
    .orderBy('project_version.position')
    .orderBy('kpi.position')
    .execute();
  const kpiKeysByVersion = new Map<number, number[]>();
  for (const kpi of kpis) {
    const list = kpiKeysByVersion.get(kpi.project_version_id) ?? [];
    list.push(kpi.kpi_key_id);
    kpiKeysByVersion.set(kpi.project_version_id, list);
  }
  return {
    projectKeys: projects.map((p) => p.project_key_id),
    kpiKeys: projects.map((p) => kpiKeysByVersion.get(p.id) ?? []),
  };
}
