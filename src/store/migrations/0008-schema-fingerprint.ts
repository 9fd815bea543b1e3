import { type Kysely, sql } from 'kysely';

/**
 * One row: the fingerprint of the schema the code last brought this database to (store/schema-fingerprint.ts). A
 * start that finds its own fingerprint skips the migrators' checks, whose catalog queries took most of a start's
 * schema step on PGlite.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('schema_fingerprint')
    .addColumn('only_row', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`only_row`))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('schema_fingerprint').execute();
}
