import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  AreaSettingTable,
  CostShareRuleTable,
  Database,
  KpiResultTable,
  KpiSettingTable,
  MunicipalityResultTable,
  ProjectResultTable,
  ResultYearTable,
} from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export type ProjectResultRow = Selectable<ProjectResultTable>;
export type KpiResultRow = Selectable<KpiResultTable>;

/** The stable keys of a revision's projects and of their KPIs (by position), so results follow renumbering. */
export type RevisionKeys = { number: number; projectKeyId: number; kpiKeyIds: number[] }[];

export async function readRevisionKeys(db: Db, revisionId: number): Promise<RevisionKeys> {
  const rows = await db
    .selectFrom('project_version')
    .leftJoin('kpi', 'kpi.project_version_id', 'project_version.id')
    .select(['project_version.number', 'project_version.project_key_id', 'kpi.kpi_key_id', 'kpi.position'])
    .where('project_version.revision_id', '=', revisionId)
    .orderBy('project_version.position')
    .orderBy('kpi.position')
    .execute();
  const byNumber = new Map<number, RevisionKeys[number]>();
  for (const row of rows) {
    let entry = byNumber.get(row.number);
    if (!entry) {
      entry = { number: row.number, projectKeyId: row.project_key_id, kpiKeyIds: [] };
      byNumber.set(row.number, entry);
    }
    if (row.kpi_key_id !== null) entry.kpiKeyIds.push(row.kpi_key_id);
  }
  return [...byNumber.values()];
}

/** Everything an area's yearly cycle has recorded, every fiscal year: small (projects × years × towns). */
export type AreaResultRows = {
  municipalityParts: Selectable<MunicipalityResultTable>[];
  projectResults: ProjectResultRow[];
  kpiResults: KpiResultRow[];
  publishedYears: Selectable<ResultYearTable>[];
  costShareRules: Selectable<CostShareRuleTable>[];
  kpiSettings: Selectable<KpiSettingTable>[];
  areaSetting: Selectable<AreaSettingTable> | undefined;
};

export async function readAreaResultRows(db: Db, areaId: number): Promise<AreaResultRows> {
  const [municipalityParts, projectResults, kpiResults, publishedYears, costShareRules] = await Promise.all([
    db.selectFrom('municipality_result').selectAll().where('area_id', '=', areaId).execute(),
    db.selectFrom('project_result').selectAll().where('area_id', '=', areaId).execute(),
    db.selectFrom('kpi_result').selectAll().where('area_id', '=', areaId).execute(),
    db.selectFrom('result_year').selectAll().where('area_id', '=', areaId).execute(),
    db.selectFrom('cost_share_rule').selectAll().where('area_id', '=', areaId).execute(),
  ]);
  const kpiSettings = await db
    .selectFrom('kpi_setting')
    .innerJoin('kpi_key', 'kpi_key.id', 'kpi_setting.kpi_key_id')
    .innerJoin('project_key', 'project_key.id', 'kpi_key.project_key_id')
    .selectAll('kpi_setting')
    .where('project_key.area_id', '=', areaId)
    .execute();
  const areaSetting = await db.selectFrom('area_setting').selectAll().where('area_id', '=', areaId).executeTakeFirst();
  return {
    municipalityParts,
    projectResults,
    kpiResults,
    publishedYears,
    costShareRules,
    kpiSettings,
    areaSetting,
  };
}

/** The central city's row for a project and year, locked until the transaction ends when `lock` is set. */
export function findProjectResult(
  db: Db,
  key: { projectKeyId: number; fiscalYear: number },
  options: { lock?: boolean } = {},
): Promise<ProjectResultRow | undefined> {
  let query = db
    .selectFrom('project_result')
    .selectAll()
    .where('project_key_id', '=', key.projectKeyId)
    .where('fiscal_year', '=', key.fiscalYear);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export type ProjectResultValues = Pick<
  ProjectResultRow,
  'actual_total' | 'progress' | 'next_steps' | 'self_evaluation' | 'version' | 'updated_by'
>;

/** Inserts version 1 (two first writers: the unique key refuses one) or updates the locked row. */
export async function writeProjectResult(
  trx: Transaction<Database>,
  key: { areaId: number; projectKeyId: number; fiscalYear: number },
  values: ProjectResultValues,
): Promise<ProjectResultRow> {
  if (values.version === 1) {
    return trx
      .insertInto('project_result')
      .values({ area_id: key.areaId, project_key_id: key.projectKeyId, fiscal_year: key.fiscalYear, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx
    .updateTable('project_result')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('project_key_id', '=', key.projectKeyId)
    .where('fiscal_year', '=', key.fiscalYear)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A KPI's row for a year, locked until the transaction ends when `lock` is set. */
export function findKpiResult(
  db: Db,
  key: { kpiKeyId: number; fiscalYear: number },
  options: { lock?: boolean } = {},
): Promise<KpiResultRow | undefined> {
  let query = db
    .selectFrom('kpi_result')
    .selectAll()
    .where('kpi_key_id', '=', key.kpiKeyId)
    .where('fiscal_year', '=', key.fiscalYear);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function writeKpiResult(
  trx: Transaction<Database>,
  key: { areaId: number; kpiKeyId: number; fiscalYear: number },
  values: Pick<KpiResultRow, 'actual' | 'not_counted_reason' | 'version' | 'updated_by'>,
): Promise<KpiResultRow> {
  if (values.version === 1) {
    return trx
      .insertInto('kpi_result')
      .values({ area_id: key.areaId, kpi_key_id: key.kpiKeyId, fiscal_year: key.fiscalYear, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx
    .updateTable('kpi_result')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('kpi_key_id', '=', key.kpiKeyId)
    .where('fiscal_year', '=', key.fiscalYear)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks a fiscal year's results public (again: the date moves to the latest publication). */
export async function publishResultYear(
  trx: Transaction<Database>,
  input: { areaId: number; fiscalYear: number; publishedBy: string },
): Promise<void> {
  await trx
    .insertInto('result_year')
    .values({ area_id: input.areaId, fiscal_year: input.fiscalYear, published_by: input.publishedBy })
    .onConflict((oc) =>
      oc
        .columns(['area_id', 'fiscal_year'])
        .doUpdateSet({ published_at: new Date().toISOString(), published_by: input.publishedBy }),
    )
    .execute();
}

export function findCostShareRule(
  trx: Transaction<Database>,
  projectKeyId: number,
): Promise<Selectable<CostShareRuleTable> | undefined> {
  return trx
    .selectFrom('cost_share_rule')
    .selectAll()
    .where('project_key_id', '=', projectKeyId)
    .forUpdate()
    .executeTakeFirst();
}

export async function writeCostShareRule(
  trx: Transaction<Database>,
  input: Omit<Selectable<CostShareRuleTable>, 'updated_at'>,
): Promise<void> {
  const values = { ...input, rule: JSON.stringify(input.rule), updated_at: new Date().toISOString() };
  await trx
    .insertInto('cost_share_rule')
    .values(values)
    .onConflict((oc) => oc.column('project_key_id').doUpdateSet(values))
    .execute();
}

export function findKpiSetting(
  trx: Transaction<Database>,
  kpiKeyId: number,
): Promise<Selectable<KpiSettingTable> | undefined> {
  return trx.selectFrom('kpi_setting').selectAll().where('kpi_key_id', '=', kpiKeyId).forUpdate().executeTakeFirst();
}

export async function writeKpiSetting(trx: Transaction<Database>, row: Selectable<KpiSettingTable>): Promise<void> {
  await trx
    .insertInto('kpi_setting')
    .values(row)
    .onConflict((oc) => oc.column('kpi_key_id').doUpdateSet(row))
    .execute();
}

export function findAreaSetting(
  trx: Transaction<Database>,
  areaId: number,
): Promise<Selectable<AreaSettingTable> | undefined> {
  return trx.selectFrom('area_setting').selectAll().where('area_id', '=', areaId).forUpdate().executeTakeFirst();
}

export async function writeAreaSetting(trx: Transaction<Database>, row: Selectable<AreaSettingTable>): Promise<void> {
  const values = {
    ...row,
    achievement_thresholds: JSON.stringify(row.achievement_thresholds),
    grade_thresholds: JSON.stringify(row.grade_thresholds),
  };
  await trx
    .insertInto('area_setting')
    .values(values)
    .onConflict((oc) => oc.column('area_id').doUpdateSet(values))
    .execute();
}

/** The fiscal years whose results an area has published, oldest first. */
export async function listPublishedYears(db: Db, areaId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('result_year')
    .select('fiscal_year')
    .where('area_id', '=', areaId)
    .orderBy('fiscal_year')
    .execute();
  return rows.map((r) => r.fiscal_year);
}
