import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/database.js';

const tables = [
  'area',
  'municipality',
  'source_document',
  'vision_revision',
  'revision_municipality',
  'project_key',
  'project_version',
  'budget_cell',
  'kpi_key',
  'kpi',
] as const satisfies ReadonlyArray<keyof Database>;

/** Rows per table, to show that an operation wrote nothing (or exactly what it should). */
export async function countRows(db: Kysely<Database>): Promise<Record<(typeof tables)[number], number>> {
  const counts = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
