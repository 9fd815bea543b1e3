import type { Kysely, Selectable, Transaction } from 'kysely';
import { normalizeAreaSlug } from '../domain/area-slug.js';
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

/**
 * The one area lookup of every reader (pages, API, downloads, CLI): the slug as stored, else as `normalizeAreaSlug`
 * turns what was typed (`Aomori` → `aomori`, full-width letters), so a slug typed by hand finds its area.
 */
export async function findAreaBySlug(db: Kysely<Database>, typed: string): Promise<AreaRow | undefined> {
  const candidates = [...new Set([typed, normalizeAreaSlug(typed)])].filter((s) => s !== '');
  const rows = await db.selectFrom('area').selectAll().where('slug', 'in', candidates).execute();
  return rows.find((r) => r.slug === typed) ?? rows[0];
}

/** Makes a revision the one the public sees (an import, a publication, a rollback). */
export async function setCurrentRevision(
  trx: Transaction<Database>,
  areaId: number,
  revisionId: number,
): Promise<void> {
  await trx.updateTable('area').set({ current_revision_id: revisionId }).where('id', '=', areaId).execute();
}

/** The installation's default area: the first one created. */
export function findDefaultArea(db: Kysely<Database>): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

/** How many areas have a published revision. */
export async function countAreas(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('area')
    .where('current_revision_id', 'is not', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** An area's slug by its id (grants name areas by id). */
export async function findAreaSlug(db: Kysely<Database>, areaId: number): Promise<string | undefined> {
  const row = await db.selectFrom('area').select('slug').where('id', '=', areaId).executeTakeFirst();
  return row?.slug;
}

/** Every area's id, slug and name, in the order they were created. */
export function listAreaNames(db: Kysely<Database>): Promise<Array<Pick<AreaRow, 'id' | 'slug' | 'name'>>> {
  return db.selectFrom('area').select(['id', 'slug', 'name']).orderBy('id').execute();
}

/** The area's row, locked until the transaction ends (a draft's edit, a publication, a rollback). */
export function lockArea(trx: Transaction<Database>, areaId: number): Promise<AreaRow> {
  return trx.selectFrom('area').selectAll().where('id', '=', areaId).forUpdate().executeTakeFirstOrThrow();
}
