import type { Kysely, Selectable } from 'kysely';
import type { KeyedProject } from '../domain/keyed-project.js';
import type { Project, Vision } from '../domain/vision.js';
import type { AreaTable, BudgetCellTable, Database, KpiTable, VisionRevisionTable } from './database.js';
import { rowToMunicipalityRef, rowToProject, toFinding, toPlan, toStructure } from './rows-to-vision.js';

export type RevisionRow = Selectable<VisionRevisionTable>;
export type RevisionSummary = { revisionId: number; seq: number; projectCount: number };

/** The area's current revision: the published one it points at (`area.current_revision_id`), the public data. */
export async function findCurrentRevision(
  db: Kysely<Database>,
  area: Pick<Selectable<AreaTable>, 'current_revision_id'>,
): Promise<RevisionRow | undefined> {
  if (area.current_revision_id === null) return undefined;
  return db.selectFrom('vision_revision').selectAll().where('id', '=', area.current_revision_id).executeTakeFirst();
}

/** A published revision of the area by its number; drafts are not found here (they are not public). */
export function findPublishedRevision(
  db: Kysely<Database>,
  areaId: number,
  seq: number,
): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('vision_revision')
    .selectAll()
    .where('area_id', '=', areaId)
    .where('seq', '=', seq)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** True once any area has a revision. */
export async function hasAnyRevision(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('vision_revision').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The revision made from a source document, with its number of projects. */
export async function findRevisionOfDocument(
  db: Kysely<Database>,
  sourceDocumentId: number,
): Promise<RevisionSummary | undefined> {
  const row = await db
    .selectFrom('vision_revision')
    .select((eb) => [
      'vision_revision.id',
      'vision_revision.seq',
      eb
        .selectFrom('project_version')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('project_version.revision_id', '=', 'vision_revision.id')
        .as('project_count'),
    ])
    .where('source_document_id', '=', sourceDocumentId)
    .executeTakeFirst();
  return row && { revisionId: row.id, seq: row.seq, projectCount: Number(row.project_count ?? 0) };
}

/** Rebuilds the Vision JSON of a revision from its rows. */
export async function readVision(
  db: Kysely<Database>,
  area: Pick<Selectable<AreaTable>, 'name' | 'kind'>,
  revision: RevisionRow,
): Promise<Vision> {
  const municipalities = await db
    .selectFrom('revision_municipality')
    .innerJoin('municipality', 'municipality.id', 'revision_municipality.municipality_id')
    .select(['municipality.code', 'municipality.name', 'municipality.is_central_city'])
    .where('revision_municipality.revision_id', '=', revision.id)
    .orderBy('revision_municipality.position')
    .execute();
  return {
    format: 'renkei-vision',
    version: 1,
    area: { name: area.name, kind: area.kind, municipalities: municipalities.map(rowToMunicipalityRef) },
    plan: toPlan(revision.plan),
    structure: toStructure(revision.structure),
    projects: await readProjects(db, revision.id),
    findings: revision.findings.map(toFinding),
  };
}

/** The projects of a revision in document order; only those with `number` when it is given. */
export async function readProjects(
  db: Kysely<Database>,
  revisionId: number,
  filter: { number?: number } = {},
): Promise<Project[]> {
  return (await readKeyedProjects(db, revisionId, filter)).map((p) => p.project);
}

/** The projects of a revision with their stable ids (project_key, kpi_key) and merge, in document order. */
export async function readKeyedProjects(
  db: Kysely<Database>,
  revisionId: number,
  filter: { number?: number } = {},
): Promise<KeyedProject[]> {
  let versionQuery = db.selectFrom('project_version').where('project_version.revision_id', '=', revisionId);
  if (filter.number !== undefined) versionQuery = versionQuery.where('project_version.number', '=', filter.number);

  const versions = await versionQuery.selectAll().orderBy('position').execute();
  if (versions.length === 0) return [];
  const cells = await versionQuery
    .innerJoin('budget_cell', 'budget_cell.project_version_id', 'project_version.id')
    .selectAll('budget_cell')
    .execute();
  const kpis = await versionQuery
    .innerJoin('kpi', 'kpi.project_version_id', 'project_version.id')
    .selectAll('kpi')
    .execute();
  const cellsByVersion = groupBy(cells, (c: Selectable<BudgetCellTable>) => c.project_version_id);
  const kpisByVersion = groupBy(kpis, (k: Selectable<KpiTable>) => k.project_version_id);
  return versions.map((v) => {
    const ownKpis = [...(kpisByVersion.get(v.id) ?? [])].sort((a, b) => a.position - b.position);
    return {
      key: v.project_key_id,
      kpiKeys: ownKpis.map((k) => k.kpi_key_id),
      merge:
        v.merged_into_project_key_id === null
          ? null
          : { intoKey: v.merged_into_project_key_id, reason: v.change_reason ?? '' },
      project: rowToProject(v, cellsByVersion.get(v.id) ?? [], ownKpis),
    };
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
