import { type Kysely, sql } from 'kysely';

/**
 * The vision store: areas and their municipalities, imported documents, and append-only revisions that hold
 * full snapshots of projects, budgets and KPIs. Project and KPI ids stay stable across revisions through
 * the *_key tables. Migrations take Kysely<any>: they must not depend on today's table types.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('area')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('連携中枢都市圏', '定住自立圏', 'other')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('municipality')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('code', 'text', (c) => c.check(sql`code ~ '^[0-9]{6}$'`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_central_city', 'boolean', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('municipality_area_name_unique', ['area_id', 'name'])
    .execute();

  await db.schema
    .createTable('source_document')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('byte_size', 'bigint', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('source_document_area_sha256_unique', ['area_id', 'sha256'])
    .execute();

  await db.schema
    .createTable('vision_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('source_document_id', 'integer', (c) => c.notNull().unique().references('source_document.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('label', 'text')
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('structure', 'jsonb', (c) => c.notNull())
    .addColumn('findings', 'jsonb', (c) => c.notNull())
    .addColumn('vision', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('vision_revision_area_seq_unique', ['area_id', 'seq'])
    .execute();

  await db.schema
    .createTable('revision_municipality')
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('vision_revision.id'))
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipality.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('revision_municipality_pk', ['revision_id', 'municipality_id'])
    .execute();

  await db.schema
    .createTable('project_key')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('project_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('revision_id', 'integer', (c) => c.notNull().references('vision_revision.id'))
    .addColumn('project_key_id', 'integer', (c) => c.notNull().references('project_key.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_in_matrix', 'text')
    .addColumn('is_new', 'boolean', (c) => c.notNull())
    .addColumn('role', 'integer', (c) => c.notNull())
    .addColumn('policy_area', 'integer', (c) => c.notNull())
    .addColumn('sub_field', 'integer')
    .addColumn('related_municipalities', 'text')
    .addColumn('participants', 'jsonb', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('effect', 'text')
    .addColumn('roles', 'jsonb', (c) => c.notNull())
    .addColumn('notes', 'jsonb', (c) => c.notNull())
    .addColumn('source_first_line', 'integer', (c) => c.notNull())
    .addColumn('source_last_line', 'integer', (c) => c.notNull())
    .addUniqueConstraint('project_version_revision_position_unique', ['revision_id', 'position'])
    .addUniqueConstraint('project_version_revision_key_unique', ['revision_id', 'project_key_id'])
    .execute();
  await db.schema
    .createIndex('project_version_revision_number_index')
    .on('project_version')
    .columns(['revision_id', 'number'])
    .execute();

  await db.schema
    .createTable('budget_cell')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('project_version_id', 'integer', (c) => c.notNull().references('project_version.id'))
    .addColumn('fiscal_year', 'integer')
    .addColumn('amount', 'bigint')
    .addColumn('mark', 'text', (c) => c.check(sql`mark in ('blank', 'dash')`))
    .addCheckConstraint('budget_cell_amount_xor_mark', sql`(amount is null) <> (mark is null)`)
    .execute();
  await db.schema.createIndex('budget_cell_version_index').on('budget_cell').column('project_version_id').execute();
  await db.schema
    .createIndex('budget_cell_year_unique')
    .on('budget_cell')
    .columns(['project_version_id', 'fiscal_year'])
    .unique()
    .where(sql.ref('fiscal_year'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('budget_cell_total_unique')
    .on('budget_cell')
    .column('project_version_id')
    .unique()
    .where(sql.ref('fiscal_year'), 'is', null)
    .execute();

  await db.schema
    .createTable('kpi_key')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('project_key_id', 'integer', (c) => c.notNull().references('project_key.id'))
    .execute();

  await db.schema
    .createTable('kpi')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('project_version_id', 'integer', (c) => c.notNull().references('project_version.id'))
    .addColumn('kpi_key_id', 'integer', (c) => c.notNull().references('kpi_key.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('baseline_text', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'numeric')
    .addColumn('baseline_unit', 'text')
    .addColumn('baseline_as_of', 'text')
    .addColumn('target_text', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) =>
      c.notNull().check(sql`target_kind in ('absolute', 'per_year_at_least', 'percentage', 'merged_into', 'none')`),
    )
    .addColumn('target_value', 'numeric')
    .addColumn('target_unit', 'text')
    .addColumn('target_per', 'text', (c) => c.check(sql`target_per in ('年度', '年')`))
    .addColumn('target_merged_into', 'integer')
    .addColumn('target_fiscal_year', 'integer')
    .addUniqueConstraint('kpi_version_position_unique', ['project_version_id', 'position'])
    .addUniqueConstraint('kpi_version_key_unique', ['project_version_id', 'kpi_key_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'kpi',
    'kpi_key',
    'budget_cell',
    'project_version',
    'project_key',
    'revision_municipality',
    'vision_revision',
    'source_document',
    'municipality',
    'area',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
