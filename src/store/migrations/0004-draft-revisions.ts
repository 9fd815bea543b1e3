import { type Kysely, sql } from 'kysely';

/**
 * Draft revisions (issue 8):
 * - a draft carries a version, bumped by every edit, so a stale edit is refused (409) like any other record's;
 * - a project of a revision may say which project it was merged into and why (「NO.4に統合」): the diff reads it;
 * - a published revision is immutable, and the database itself says so: its row and the rows of its projects,
 *   budget cells, KPIs and municipalities refuse UPDATE and DELETE (publishing is the one update of a draft's row,
 *   from status draft). Inserts are not refused here, so a backup can be restored row by row; the one save path
 *   (store/save-vision-revision.ts, store/draft-store.ts) writes project rows into drafts only.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  // run in one transaction after 0003, whose updates left deferred foreign-key checks pending: PostgreSQL alters no
  // table with pending trigger events, so check them now, and defer them again at the end as they were
  await sql`set constraints all immediate`.execute(db);
  await db.schema
    .alterTable('vision_revision')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .execute();
  await db.schema
    .alterTable('project_version')
    .addColumn('merged_into_project_key_id', 'integer', (c) => c.references('project_key.id'))
    .addColumn('change_reason', 'text')
    .execute();

  await sql`create function refuse_published_revision_change() returns trigger language plpgsql as $$
    begin
      if old.status = 'published' then
        raise exception 'revision % is published and cannot change (% refused)', old.id, tg_op
          using errcode = 'insufficient_privilege';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger vision_revision_published_is_immutable before update or delete on vision_revision
    for each row execute function refuse_published_revision_change()`.execute(db);

  await sql`create function refuse_published_row_change() returns trigger language plpgsql as $$
    declare
      revision_status text;
    begin
      if tg_table_name = 'project_version' or tg_table_name = 'revision_municipality' then
        select status into revision_status from vision_revision where id = old.revision_id;
      else
        select r.status into revision_status from vision_revision r
          join project_version p on p.revision_id = r.id where p.id = old.project_version_id;
      end if;
      if revision_status = 'published' then
        raise exception '% of a published revision cannot change (% refused)', tg_table_name, tg_op
          using errcode = 'insufficient_privilege';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  for (const table of ['project_version', 'budget_cell', 'kpi', 'revision_municipality']) {
    await sql`create trigger ${sql.raw(`${table}_published_is_immutable`)} before update or delete on ${sql.table(table)}
      for each row execute function refuse_published_row_change()`.execute(db);
  }
  await sql`set constraints all deferred`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['project_version', 'budget_cell', 'kpi', 'revision_municipality']) {
    await sql`drop trigger ${sql.raw(`${table}_published_is_immutable`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function refuse_published_row_change()`.execute(db);
  await sql`drop trigger vision_revision_published_is_immutable on vision_revision`.execute(db);
  await sql`drop function refuse_published_revision_change()`.execute(db);
  await db.schema
    .alterTable('project_version')
    .dropColumn('change_reason')
    .dropColumn('merged_into_project_key_id')
    .execute();
  await db.schema.alterTable('vision_revision').dropColumn('version').execute();
}
