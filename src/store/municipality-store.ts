import type { Kysely, Transaction } from 'kysely';
import type { MunicipalityRef } from '../domain/vision.js';
import type { Database } from './database.js';

/**
 * Inserts or updates the area's municipalities (matched by name) and returns their ids in the given order.
 * A known code is never replaced by an unknown one.
 */
export async function upsertMunicipalities(
  trx: Transaction<Database>,
  areaId: number,
  municipalities: readonly MunicipalityRef[],
): Promise<number[]> {
  // One INSERT … ON CONFLICT may not touch a row twice: keep the first mention of each name.
  const unique = municipalities.filter((m, index) => municipalities.findIndex((o) => o.name === m.name) === index);
  if (unique.length === 0) return [];
  const rows = await trx
    .insertInto('municipality')
    .values(
      unique.map((m) => ({
        area_id: areaId,
        code: m.code,
        name: m.name,
        is_central_city: m.isCentralCity,
        position: municipalities.indexOf(m),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['area_id', 'name']).doUpdateSet((eb) => ({
        code: eb.fn.coalesce('excluded.code', 'municipality.code'),
        is_central_city: eb.ref('excluded.is_central_city'),
        position: eb.ref('excluded.position'),
      })),
    )
    .returning(['id', 'name'])
    .execute();
  const idByName = new Map(rows.map((r) => [r.name, r.id]));
  return municipalities.map((m) => idByName.get(m.name) as number);
}

/** The municipality of an area (by its slug) with this code, or undefined. */
export function findMunicipalityByCode(
  db: Kysely<Database>,
  input: { areaSlug: string; code: string },
): Promise<{ id: number; area_id: number; name: string; is_central_city: boolean } | undefined> {
  return db
    .selectFrom('municipality')
    .innerJoin('area', 'area.id', 'municipality.area_id')
    .select(['municipality.id', 'municipality.area_id', 'municipality.name', 'municipality.is_central_city'])
    .where('area.slug', '=', input.areaSlug)
    .where('municipality.code', '=', input.code)
    .executeTakeFirst();
}

/** A municipality of an area by its code (団体コード). */
export function findMunicipalityInArea(
  db: Kysely<Database>,
  input: { areaId: number; code: string },
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('municipality')
    .select('id')
    .where('area_id', '=', input.areaId)
    .where('code', '=', input.code)
    .executeTakeFirst();
}

/** The central city of an area, or undefined when the document named none. */
export function findCentralCity(db: Kysely<Database>, areaId: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('municipality')
    .select('id')
    .where('area_id', '=', areaId)
    .where('is_central_city', '=', true)
    .executeTakeFirst();
}
