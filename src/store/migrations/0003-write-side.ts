import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * The write side's foundation (issue 7):
 * - a revision is no longer always an imported document: its source is optional, it has a status (draft until
 *   published, then immutable), an origin, the revision it was based on and who made it;
 * - "the current revision" of an area is one column, `area.current_revision_id`, not the highest seq computed in
 *   many places, so a draft never shows publicly and a rollback is one update;
 * - one data version that every write bumps: caches and ETags key on it;
 * - an append-only audit log that the database itself refuses to update, delete or truncate;
 * - role grants per area and municipality (the accounts themselves are better-auth's tables);
 * - the installation's secret (signs session cookies), made once and kept with the data so a backup restores it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('vision_revision')
    .alterColumn('source_document_id', (c) => c.dropNotNull())
    .execute();
  await db.schema
    .alterTable('vision_revision')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('published').check(sql`status in ('draft', 'published')`))
    .addColumn('origin', 'text', (c) =>
      c.notNull().defaultTo('import').check(sql`origin in ('import', 'program', 'draft')`),
    )
    .addColumn('based_on_revision_id', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('published_at', 'timestamptz')
    .execute();
  await sql`update vision_revision set published_at = created_at`.execute(db);
  await sql`alter table vision_revision add constraint vision_revision_published_has_date
    check ((status = 'published') = (published_at is not null))`.execute(db);

  await db.schema.alterTable('area').addColumn('current_revision_id', 'integer').execute();
  // area ⇄ vision_revision reference each other: checked at commit, so a restore (or any loader) may insert either
  // first within one transaction
  await sql`alter table vision_revision add constraint vision_revision_based_on_fkey foreign key (based_on_revision_id)
    references vision_revision (id) deferrable initially deferred`.execute(db);
  await sql`alter table area add constraint area_current_revision_id_fkey foreign key (current_revision_id)
    references vision_revision (id) deferrable initially deferred`.execute(db);
  await sql`update area set current_revision_id = (
      select id from vision_revision r where r.area_id = area.id order by seq desc limit 1)`.execute(db);

  await db.schema
    .createTable('data_version')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into data_version (id, version) values (true, (select count(*) + 1 from vision_revision))`.execute(
    db,
  );

  await db.schema
    .createTable('audit_entry')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('actor_roles', 'jsonb', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('web', 'api', 'cli', 'import', 'system')`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('area_id', 'integer', (c) => c.references('area.id'))
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('data_version', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entry_at_index').on('audit_entry').column('at').execute();
  await db.schema.createIndex('audit_entry_actor_index').on('audit_entry').column('actor_label').execute();
  await sql`create function refuse_audit_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function refuse_audit_change()`.execute(db);
  await sql`create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function refuse_audit_change()`.execute(db);

  await db.schema
    .createTable('role_grant')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'central_staff', 'municipality_staff', 'council')`),
    )
    .addColumn('area_id', 'integer', (c) => c.references('area.id'))
    .addColumn('municipality_id', 'integer', (c) => c.references('municipality.id'))
    .addCheckConstraint(
      'role_grant_scope',
      sql`case role
        when 'admin' then area_id is null and municipality_id is null
        when 'municipality_staff' then area_id is not null and municipality_id is not null
        else area_id is not null and municipality_id is null end`,
    )
    .execute();
  await db.schema.createIndex('role_grant_user_index').on('role_grant').column('user_id').execute();

  await db.schema
    .createTable('installation_secret')
    .addColumn('id', 'boolean', (c) => c.primaryKey().defaultTo(true).check(sql`id`))
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('installation_secret')
    .values({ id: true, secret: randomBytes(32).toString('hex') })
    .execute();

  await db.schema
    .createTable('municipality_result')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('area_id', 'integer', (c) => c.notNull().references('area.id'))
    .addColumn('project_key_id', 'integer', (c) => c.notNull().references('project_key.id'))
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('municipality_id', 'integer', (c) => c.notNull().references('municipality.id'))
    .addColumn('amount', 'bigint', (c) => c.check(sql`amount >= 0`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('municipality_result_unique', ['project_key_id', 'fiscal_year', 'municipality_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['municipality_result', 'installation_secret', 'role_grant']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop trigger audit_entry_no_truncate on audit_entry`.execute(db);
  await sql`drop trigger audit_entry_no_update on audit_entry`.execute(db);
  await db.schema.dropTable('audit_entry').execute();
  await sql`drop function refuse_audit_change()`.execute(db);
  await db.schema.dropTable('data_version').execute();
  await db.schema.alterTable('area').dropColumn('current_revision_id').execute();
  for (const column of ['published_at', 'created_by', 'based_on_revision_id', 'origin', 'status']) {
    await db.schema.alterTable('vision_revision').dropColumn(column).execute();
  }
  await db.schema
    .alterTable('vision_revision')
    .alterColumn('source_document_id', (c) => c.setNotNull())
    .execute();
}
