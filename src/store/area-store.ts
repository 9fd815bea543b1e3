import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AreaKind } from '../domain/vision.js';
import type { AreaTable, Database } from './database.js';

export type AreaRow = Selectable<AreaTable>;

/**
 * Finds the area by slug, creating it when missing, and locks its row until the transaction ends, so that
 * two imports into one area run one after the other (revision numbers stay gapless and unique).
 */
export async function lockOrCreateArea(
  trx: Transaction<Database>,
  area: { slug: string; name: string; kind: AreaKind },
): Promise<AreaRow> {
  await trx
    .insertInto('area')
    .values(area)
    .onConflict((oc) => oc.column('slug').doNothing())
    .execute();
  return trx.selectFrom('area').selectAll().where('slug', '=', area.slug).forUpdate().executeTakeFirstOrThrow();
}

/** Records the name and kind of the latest imported revision. */
export async function updateAreaDescription(
  trx: Transaction<Database>,
  areaId: number,
  description: { name: string; kind: AreaKind },
): Promise<void> {
  await trx.updateTable('area').set(description).where('id', '=', areaId).execute();
}

export function findAreaBySlug(db: Kysely<Database>, slug: string): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The installation's default area: the first one created. */
export function findDefaultArea(db: Kysely<Database>): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

/** How many areas have at least one revision. */
export async function countAreas(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('area')
    .where((eb) => eb.exists(eb.selectFrom('vision_revision').whereRef('vision_revision.area_id', '=', 'area.id')))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
