import type { Transaction } from 'kysely';
import type { Project, Vision } from '../domain/vision.js';
import type { Database } from './database.js';
import { insertInChunks } from './insert-in-chunks.js';
import { upsertMunicipalities } from './municipality-store.js';
import { assignKpiKeys, assignProjectKeys } from './stable-key-store.js';
import { toBudgetCellRows, toKpiRow, toProjectVersionRow } from './vision-to-rows.js';

export type SavedRevision = { revisionId: number; seq: number; projectCount: number };

/**
 * Appends a revision holding the whole vision (municipalities, projects, budgets, KPIs) to the area.
 * Runs inside the caller's transaction, which must hold the area's row lock (area-store.ts lockOrCreateArea):
 * the next seq is read, then written.
 */
export async function saveVisionRevision(
  trx: Transaction<Database>,
  input: { areaId: number; sourceDocumentId: number; vision: Vision },
): Promise<SavedRevision> {
  const { areaId, sourceDocumentId, vision } = input;
  const municipalityIds = await upsertMunicipalities(trx, areaId, vision.area.municipalities);
  const previous = await trx
    .selectFrom('vision_revision')
    .select(['id', 'seq'])
    .where('area_id', '=', areaId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const seq = (previous?.seq ?? 0) + 1;
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
  await saveProjects(trx, { areaId, revisionId, previousRevisionId: previous?.id, projects: vision.projects });
  return { revisionId, seq, projectCount: vision.projects.length };
}

async function saveProjects(
  trx: Transaction<Database>,
  input: { areaId: number; revisionId: number; previousRevisionId: number | undefined; projects: readonly Project[] },
): Promise<void> {
  const { areaId, revisionId, previousRevisionId, projects } = input;
  const projectKeyIds = await assignProjectKeys(trx, areaId, previousRevisionId, projects);
  const versions = await insertInChunks(
    projects.map((project, position) =>
      toProjectVersionRow(project, { revisionId, projectKeyId: projectKeyIds[position] as number, position }),
    ),
    (rows) => trx.insertInto('project_version').values(rows).returning(['id', 'position']).execute(),
  );
  const versionIdByPosition = new Map(versions.map((v) => [v.position, v.id]));
  const versionIds = projects.map((_, position) => versionIdByPosition.get(position) as number);

  await insertInChunks(
    projects.flatMap((project, index) => toBudgetCellRows(project, versionIds[index] as number)),
    (rows) => trx.insertInto('budget_cell').values(rows).returning('id').execute(),
  );

  const kpiKeyIds = await assignKpiKeys(trx, previousRevisionId, projects, projectKeyIds);
  await insertInChunks(
    projects.flatMap((project, index) =>
      project.kpis.map((kpi, position) =>
        toKpiRow(kpi, {
          projectVersionId: versionIds[index] as number,
          kpiKeyId: kpiKeyIds[index]?.[position] as number,
          position,
        }),
      ),
    ),
    (rows) => trx.insertInto('kpi').values(rows).returning('id').execute(),
  );
}
