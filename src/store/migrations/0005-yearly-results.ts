import { type Kysely, sql } from 'kysely';

/**
 * The yearly cycle's results (issue 8):
 * - each municipality's part of a project's result gets a state: draft → submitted → approved, or returned with a
 *   reason (only approved parts of a published fiscal year are public);
 * - the central city's part per project and fiscal year: the actual total (決算額), the progress comment (取組状況),
 *   the issues and next steps (課題・今後の方向性) and its self-evaluation;
 * - each KPI's actual per fiscal year, or 「未集計」 with a reason;
 * - the publication of a fiscal year's results;
 * - the cost-share rule per project, per-KPI settings (direction, cumulative reading) and per-area achievement
 *   thresholds.
 * Rows key on project_key / kpi_key, so results follow a project across renumbering and revisions.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('municipality_result')
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`state in ('draft', 'submitted', 'approved', 'returned')`),
    )
    .addColumn('return_reason', 'text')
    .execute();
  await sql`alter table municipality_result add constraint municipality_result_returned_has_reason
    check ((state = 'returned') = (return_reason is not null))`.execute(db);

  await db.schema
    .createTable('project_result')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('project_key_id', 'integer', (c) => c.notNull().references('project_key.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('actual_total', 'bigint', (c) => c.check(sql`actual_total >= 0`))
    .addColumn('progress', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('self_evaluation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('project_result_unique', ['project_key_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('kpi_result')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('kpi_key_id', 'integer', (c) => c.notNull().references('kpi_key.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('actual', 'numeric')
    .addColumn('not_counted_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addCheckConstraint('kpi_result_value_or_reason', sql`actual is null or not_counted_reason is null`)
    .addUniqueConstraint('kpi_result_unique', ['kpi_key_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('result_year')
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_year_pkey', ['area_id', 'fiscal_year'])
    .execute();

  await db.schema
    .createTable('cost_share_rule')
    .addColumn('project_key_id', 'integer', (c) => c.primaryKey().references('project_key.id'))
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('rule', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kpi_setting')
    .addColumn('kpi_key_id', 'integer', (c) => c.primaryKey().references('kpi_key.id'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('higher', 'lower')`))
    .addColumn('cumulative', 'text', (c) => c.notNull().check(sql`cumulative in ('none', 'sum_of_years', 'reported')`))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .execute();

  await db.schema
    .createTable('area_setting')
    .addColumn('area_id', 'integer', (c) => c.primaryKey().references('area.id'))
    .addColumn('achievement_thresholds', 'jsonb', (c) => c.notNull())
    .addColumn('grade_thresholds', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'area_setting',
    'kpi_setting',
    'cost_share_rule',
    'result_year',
    'kpi_result',
    'project_result',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`alter table municipality_result drop constraint municipality_result_returned_has_reason`.execute(db);
  await db.schema.alterTable('municipality_result').dropColumn('return_reason').dropColumn('state').execute();
}
