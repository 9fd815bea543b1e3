import { type Kysely, sql } from 'kysely';

/**
 * The schema fingerprint kept in the database (migration 0008): written after a full migration, compared at each
 * start (store/ensure-schema.ts). `Kysely<any>`: the table may not exist yet, or any more after a migration down.
 */
// biome-ignore lint/suspicious/noExplicitAny: read and written whatever the schema's point
type AnyDb = Kysely<any>;

/** The stored fingerprint, or undefined when there is none (or no table yet: an older schema). */
export async function readSchemaFingerprint(db: AnyDb): Promise<string | undefined> {
  if (!(await hasFingerprintTable(db))) return undefined;
  const row = await db.selectFrom('schema_fingerprint').select('fingerprint').executeTakeFirst();
  return row?.fingerprint as string | undefined;
}

export async function writeSchemaFingerprint(db: AnyDb, fingerprint: string): Promise<void> {
  await db
    .insertInto('schema_fingerprint')
    .values({ only_row: true, fingerprint })
    .onConflict((oc) => oc.column('only_row').doUpdateSet({ fingerprint }))
    .execute();
}

/** Before a migration to another point than the latest: the stored fingerprint would no longer be true. */
export async function clearSchemaFingerprint(db: AnyDb): Promise<void> {
  if (await hasFingerprintTable(db)) await db.deleteFrom('schema_fingerprint').execute();
}

async function hasFingerprintTable(db: AnyDb): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass('schema_fingerprint') is not null as found`.execute(
    db,
  );
  return rows[0]?.found === true;
}
