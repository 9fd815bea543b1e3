import { type Kysely, sql } from 'kysely';

/**
 * The vision council's opinion (所見) on a project's fiscal year and the central city's response (対応方針)
 * (issue 9): one row per project and year, keyed on project_key so it follows renumbering. Both texts share the
 * row's version: a council member and the central city's staff each write their own field.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('council_opinion')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('project_key_id', 'integer', (c) => c.notNull().references('project_key.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opinion_by', 'text')
    .addColumn('response', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('response_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('council_opinion_unique', ['project_key_id', 'fiscal_year'])
    .execute();
  await db.schema
    .createIndex('council_opinion_area')
    .on('council_opinion')
    .columns(['area_id', 'fiscal_year'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('council_opinion').execute();
}
