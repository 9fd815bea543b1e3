import type { Kysely } from 'kysely';

/**
 * Renkei's own bookkeeping of two-factor codes (security review of ADR 0007): `used_totp_code` holds each TOTP code
 * an account has had accepted, so the same code cannot be used twice within its validity window (the primary key
 * decides between two posts of one code); `two_factor_failure` counts wrong codes on the steps where better-auth
 * does not (a signed-in account turning two-factor on or off). Both keep minutes of rows: old ones are deleted on
 * insert. `user_id` is better-auth's "user".id, whose table is created after ours, hence no foreign key.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the schema of their own time
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('used_totp_code')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('used_totp_code_pkey', ['user_id', 'code'])
    .execute();
  await db.schema
    .createTable('two_factor_failure')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('two_factor_failure_user')
    .on('two_factor_failure')
    .columns(['user_id', 'failed_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('two_factor_failure').execute();
  await db.schema.dropTable('used_totp_code').execute();
}
