import { type Kysely, sql } from 'kysely';

/**
 * `data_version.public_version`: the data version of the newest write the public can see. Public caches (pages, API,
 * open data) key on it, so a draft, an account or an unpublished year's result no longer drops them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('data_version')
    .addColumn('public_version', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update data_version set public_version = version`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('data_version').dropColumn('public_version').execute();
}
