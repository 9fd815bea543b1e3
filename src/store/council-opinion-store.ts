import type { Kysely, Selectable, Transaction } from 'kysely';
import type { CouncilOpinionTable, Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export type CouncilOpinionRow = Selectable<CouncilOpinionTable>;

/** The row of a project's fiscal year, locked until the transaction ends when `lock` is set. */
export function findCouncilOpinion(
  db: Db,
  key: { projectKeyId: number; fiscalYear: number },
  options: { lock?: boolean } = {},
): Promise<CouncilOpinionRow | undefined> {
  let query = db
    .selectFrom('council_opinion')
    .selectAll()
    .where('project_key_id', '=', key.projectKeyId)
    .where('fiscal_year', '=', key.fiscalYear);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every opinion of an area's fiscal year. */
export function listCouncilOpinions(db: Db, areaId: number, fiscalYear: number): Promise<CouncilOpinionRow[]> {
  return db
    .selectFrom('council_opinion')
    .selectAll()
    .where('area_id', '=', areaId)
    .where('fiscal_year', '=', fiscalYear)
    .execute();
}

export type CouncilOpinionValues = Pick<
  CouncilOpinionRow,
  'opinion' | 'opinion_by' | 'response' | 'response_by' | 'version'
>;

/** Inserts version 1 (two first writers: the unique key refuses one) or updates the locked row. */
export async function writeCouncilOpinion(
  trx: Transaction<Database>,
  key: { areaId: number; projectKeyId: number; fiscalYear: number },
  values: CouncilOpinionValues,
): Promise<CouncilOpinionRow> {
  if (values.version === 1) {
    return trx
      .insertInto('council_opinion')
      .values({ area_id: key.areaId, project_key_id: key.projectKeyId, fiscal_year: key.fiscalYear, ...values })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx
    .updateTable('council_opinion')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('project_key_id', '=', key.projectKeyId)
    .where('fiscal_year', '=', key.fiscalYear)
    .returningAll()
    .executeTakeFirstOrThrow();
}
