import type { Transaction } from 'kysely';
import type { Project } from '../domain/vision.js';
import type { Database } from './database.js';
import { insertInChunks } from './insert-in-chunks.js';
import { kpiKeyPasses, matchStableKeys, projectKeyPasses } from './match-stable-keys.js';

/**
 * The project_key of every project of a new revision: the key of the project it continues in the previous
 * revision (match-stable-keys.ts), or a new key.
 */
export async function assignProjectKeys(
  trx: Transaction<Database>,
  areaId: number,
  previousRevisionId: number | undefined,
  projects: readonly Project[],
): Promise<number[]> {
  const previous =
    previousRevisionId === undefined
      ? []
      : await trx
          .selectFrom('project_version')
          .select(['project_key_id', 'number', 'name'])
          .where('revision_id', '=', previousRevisionId)
          .orderBy('position')
          .execute();
  const keys = matchStableKeys(
    previous.map((p) => ({ key: p.project_key_id, item: p })),
    projects,
    projectKeyPasses,
  );
  const missing = keys.filter((k) => k === undefined).length;
  const created = await insertInChunks(
    Array.from({ length: missing }, () => ({ area_id: areaId })),
    (rows) => trx.insertInto('project_key').values(rows).returning('id').execute(),
  );
  const fresh = created.map((r) => r.id);
  return keys.map((key) => key ?? (fresh.shift() as number));
}

/** The kpi_key of every KPI of every project (same shape as `projects[i].kpis`). */
export async function assignKpiKeys(
  trx: Transaction<Database>,
  previousRevisionId: number | undefined,
  projects: readonly Project[],
  projectKeyIds: readonly number[],
): Promise<number[][]> {
  const previousByProjectKey = await loadPreviousKpis(trx, previousRevisionId);
  const keys = projects.map((project, index) =>
    matchStableKeys(
      previousByProjectKey.get(projectKeyIds[index] as number) ?? [],
      project.kpis.map((kpi, position) => ({ indicator: kpi.indicator, position })),
      kpiKeyPasses,
    ),
  );
  const missing = keys.flatMap((projectKeys, index) =>
    projectKeys.filter((k) => k === undefined).map(() => ({ project_key_id: projectKeyIds[index] as number })),
  );
  const created = await insertInChunks(missing, (rows) =>
    trx.insertInto('kpi_key').values(rows).returning(['id', 'project_key_id']).execute(),
  );
  // New keys of one project are interchangeable: hand them out per project, whatever order they came back in.
  const freshByProjectKey = new Map<number, number[]>();
  for (const row of created) {
    const list = freshByProjectKey.get(row.project_key_id) ?? [];
    list.push(row.id);
    freshByProjectKey.set(row.project_key_id, list);
  }
  return keys.map((projectKeys, index) =>
    projectKeys.map((key) => key ?? (freshByProjectKey.get(projectKeyIds[index] as number)?.shift() as number)),
  );
}

type PreviousKpi = { key: number; item: { indicator: string; position: number } };

async function loadPreviousKpis(
  trx: Transaction<Database>,
  previousRevisionId: number | undefined,
): Promise<Map<number, PreviousKpi[]>> {
  const byProjectKey = new Map<number, PreviousKpi[]>();
  if (previousRevisionId === undefined) return byProjectKey;
  const rows = await trx
    .selectFrom('kpi')
    .innerJoin('project_version', 'project_version.id', 'kpi.project_version_id')
    .select(['project_version.project_key_id', 'kpi.kpi_key_id', 'kpi.indicator', 'kpi.position'])
    .where('project_version.revision_id', '=', previousRevisionId)
    .orderBy('kpi.project_version_id')
    .orderBy('kpi.position')
    .execute();
  for (const row of rows) {
    const list = byProjectKey.get(row.project_key_id) ?? [];
    list.push({ key: row.kpi_key_id, item: { indicator: row.indicator, position: row.position } });
    byProjectKey.set(row.project_key_id, list);
  }
  return byProjectKey;
}
