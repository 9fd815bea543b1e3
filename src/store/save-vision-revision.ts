import type { Transaction } from 'kysely';
import type { KeyedProject } from '../domain/keyed-project.js';
import type { Project, Vision } from '../domain/vision.js';
import { setCurrentRevision } from './area-store.js';
import type { Database, RevisionOrigin, RevisionStatus } from './database.js';
import { insertInChunks } from './insert-in-chunks.js';
import { upsertMunicipalities } from './municipality-store.js';
import { assignKpiKeys, assignProjectKeys } from './stable-key-store.js';
import { toBudgetCellRows, toKpiRow, toProjectVersionRow } from './vision-to-rows.js';

export type SavedRevision = { revisionId: number; seq: number; projectCount: number };

export type NewRevision = {
  areaId: number;
  /** the document it was read from; null for a revision saved by a program or drafted in Renkei */
  sourceDocumentId: number | null;
  vision: Vision;
  origin: RevisionOrigin;
  /** 'published' makes it the area's current revision at once; a draft waits */
  status: RevisionStatus;
  createdBy: string;
};

/**
 * Appends a revision holding the whole vision (municipalities, projects, budgets, KPIs) to the area; a published
 * one becomes the area's current revision. Runs inside the caller's transaction, which must hold the area's row
 * lock (area-store.ts lockOrCreateArea): the next seq is read, then written. Project and KPI ids carry over from
 * the area's current revision (the one this revision follows).
 */
export async function saveVisionRevision(trx: Transaction<Database>, input: NewRevision): Promise<SavedRevision> {
  const { areaId, sourceDocumentId, vision } = input;
  const municipalityIds = await upsertMunicipalities(trx, areaId, vision.area.municipalities);
  const seq = await nextRevisionSeq(trx, areaId);
  const area = await trx
    .selectFrom('area')
    .select('current_revision_id')
    .where('id', '=', areaId)
    .executeTakeFirstOrThrow();
  const basedOn = area.current_revision_id;
  const { id: revisionId } = await trx
    .insertInto('vision_revision')
    .values({
      area_id: areaId,
      source_document_id: sourceDocumentId,
      seq,
      label: vision.plan.revision?.label ?? null,
      plan: JSON.stringify(vision.plan),
      structure: JSON.stringify(vision.structure),
      findings: JSON.stringify(vision.findings),
      vision: JSON.stringify(vision),
      status: input.status,
      origin: input.origin,
      based_on_revision_id: basedOn,
      created_by: input.createdBy,
      published_at: input.status === 'published' ? new Date().toISOString() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  if (municipalityIds.length > 0) {
    await trx
      .insertInto('revision_municipality')
      .values(municipalityIds.map((id, position) => ({ revision_id: revisionId, municipality_id: id, position })))
      .onConflict((oc) => oc.doNothing()) // a name listed twice is one municipality
      .execute();
  }
  await saveProjects(trx, { areaId, revisionId, previousRevisionId: basedOn ?? undefined, projects: vision.projects });
  if (input.status === 'published') await setCurrentRevision(trx, areaId, revisionId);
  return { revisionId, seq, projectCount: vision.projects.length };
}

/** The number the area's next revision takes; the caller holds the area's row lock. */
export async function nextRevisionSeq(trx: Transaction<Database>, areaId: number): Promise<number> {
  const last = await trx
    .selectFrom('vision_revision')
    .select('seq')
    .where('area_id', '=', areaId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (last?.seq ?? 0) + 1;
}

async function saveProjects(
  trx: Transaction<Database>,
  input: { areaId: number; revisionId: number; previousRevisionId: number | undefined; projects: readonly Project[] },
): Promise<void> {
  const { areaId, revisionId, previousRevisionId, projects } = input;
  const projectKeyIds = await assignProjectKeys(trx, areaId, previousRevisionId, projects);
  const kpiKeyIds = await assignKpiKeys(trx, previousRevisionId, projects, projectKeyIds);
  await insertKeyedProjects(
    trx,
    revisionId,
    projects.map((project, index) => ({
      key: projectKeyIds[index] as number,
      kpiKeys: kpiKeyIds[index] ?? [],
      merge: null,
      project,
    })),
  );
}

/**
 * Writes the projects of a revision with the stable ids they already have: the one place project, budget and KPI
 * rows are inserted (an import after its keys were matched, a draft after an edit). The caller has checked that
 * the revision is not published (the database refuses changing a published revision's rows, migration 0004).
 */
export async function insertKeyedProjects(
  trx: Transaction<Database>,
  revisionId: number,
  projects: readonly KeyedProject[],
): Promise<void> {
  const versions = await insertInChunks(
    projects.map(({ project, key, merge }, position) => ({
      ...toProjectVersionRow(project, { revisionId, projectKeyId: key, position }),
      merged_into_project_key_id: merge?.intoKey ?? null,
      change_reason: merge?.reason ?? null,
    })),
    (rows) => trx.insertInto('project_version').values(rows).returning(['id', 'position']).execute(),
  );
  const versionIdByPosition = new Map(versions.map((v) => [v.position, v.id]));
  const versionIds = projects.map((_, position) => versionIdByPosition.get(position) as number);

  await insertInChunks(
    projects.flatMap(({ project }, index) => toBudgetCellRows(project, versionIds[index] as number)),
    (rows) => trx.insertInto('budget_cell').values(rows).returning('id').execute(),
  );
  await insertInChunks(
    projects.flatMap(({ project, kpiKeys }, index) =>
      project.kpis.map((kpi, position) =>
        toKpiRow(kpi, {
          projectVersionId: versionIds[index] as number,
          kpiKeyId: kpiKeys[position] as number,
          position,
        }),
      ),
    ),
    (rows) => trx.insertInto('kpi').values(rows).returning('id').execute(),
  );
}
