import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ResultState } from '../domain/result-state.js';
import type { Database, MunicipalityResultTable } from './database.js';

export type MunicipalityResultRow = Selectable<MunicipalityResultTable>;

type Key = { projectKeyId: number; fiscalYear: number; municipalityId: number };

/** The row of one municipality's part, locked until the transaction ends when `lock` is set (version checks). */
export function findMunicipalityResult(
  db: Kysely<Database> | Transaction<Database>,
  key: Key,
  options: { lock?: boolean } = {},
): Promise<MunicipalityResultRow | undefined> {
  let query = db
    .selectFrom('municipality_result')
    .selectAll()
    .where('project_key_id', '=', key.projectKeyId)
    .where('fiscal_year', '=', key.fiscalYear)
    .where('municipality_id', '=', key.municipalityId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * Writes the part at `version`: a new row (version 1) is a plain insert, so two writers racing to create it do not
 * both win (the unique key refuses the second: PostgreSQL error 23505); a later version updates the row the
 * caller has locked with `findMunicipalityResult(…, { lock: true })`.
 */
export async function writeMunicipalityResult(
  trx: Transaction<Database>,
  input: Key & {
    areaId: number;
    amount: number | null;
    comment: string;
    state: ResultState;
    returnReason: string | null;
    version: number;
    updatedBy: string;
  },
): Promise<MunicipalityResultRow> {
  if (input.version === 1) {
    return trx
      .insertInto('municipality_result')
      .values({
        area_id: input.areaId,
        project_key_id: input.projectKeyId,
        fiscal_year: input.fiscalYear,
        municipality_id: input.municipalityId,
        amount: input.amount,
        comment: input.comment,
        state: input.state,
        return_reason: input.returnReason,
        version: 1,
        updated_by: input.updatedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  return trx
    .updateTable('municipality_result')
    .set({
      amount: input.amount,
      comment: input.comment,
      state: input.state,
      return_reason: input.returnReason,
      version: input.version,
      updated_by: input.updatedBy,
      updated_at: new Date().toISOString(),
    })
    .where('project_key_id', '=', input.projectKeyId)
    .where('fiscal_year', '=', input.fiscalYear)
    .where('municipality_id', '=', input.municipalityId)
    .where('version', '=', input.version - 1)
    .returningAll()
    .executeTakeFirstOrThrow();
}
