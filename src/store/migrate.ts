import { createHash } from 'node:crypto';
import { getAuthTables } from 'better-auth/db';
import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import { authSchemaOptions, listPendingAuthSchema, migrateAuthSchema } from './auth-schema.js';
import type { Database } from './database.js';
import * as initialSchema from './migrations/0001-initial-schema.js';
import * as searchKeys from './migrations/0002-search-keys.js';
import * as writeSide from './migrations/0003-write-side.js';
import * as draftRevisions from './migrations/0004-draft-revisions.js';
import * as yearlyResults from './migrations/0005-yearly-results.js';
import * as councilOpinions from './migrations/0006-council-opinions.js';
import * as twoFactorAttempts from './migrations/0007-two-factor-attempts.js';
import * as schemaFingerprint from './migrations/0008-schema-fingerprint.js';
import * as publicDataVersion from './migrations/0009-public-data-version.js';
import { clearSchemaFingerprint, writeSchemaFingerprint } from './schema-fingerprint-store.js';

/**
 * Every migration, by name, in order. Listed here rather than found by a folder scan so that migrations run the
 * same under tsx, from a bundle and from any working directory. Add new files at the end; never rename one.
 */
const migrations: Record<string, Migration> = {
  '0001-initial-schema': initialSchema,
  '0002-search-keys': searchKeys,
  '0003-write-side': writeSide,
  '0004-draft-revisions': draftRevisions,
  '0005-yearly-results': yearlyResults,
  '0006-council-opinions': councilOpinions,
  '0007-two-factor-attempts': twoFactorAttempts,
  '0008-schema-fingerprint': schemaFingerprint,
  '0009-public-data-version': publicDataVersion,
};

/** Our migrations' names, oldest first (better-auth's come after them, named auth:…). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

const staticProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: staticProvider });
}

export type MigrationOutcome = { applied: string[] };

/**
 * What the code's latest schema is: our migrations' names and better-auth's tables as its options define them. A
 * database holding this fingerprint was brought there by this code (migrateToLatest), so nothing is pending.
 */
export function codeSchemaFingerprint(db: Kysely<Database>): string {
  const authTables = getAuthTables(authSchemaOptions(db));
  return createHash('sha256')
    .update(JSON.stringify({ migrations: MIGRATION_NAMES, authTables }))
    .digest('hex');
}

/**
 * Brings the schema to the latest migration, then better-auth's tables to what it expects; throws (after Kysely
 * rolled the batch back) when one fails.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  const resultSet: MigrationResultSet = await createMigrator(db).migrateToLatest();
  if (resultSet.error) {
    const failed = resultSet.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: resultSet.error });
  }
  const pendingAuth = await listPendingAuthSchema(db);
  if (pendingAuth.length > 0) await migrateAuthSchema(db);
  await writeSchemaFingerprint(db, codeSchemaFingerprint(db));
  const applied = (resultSet.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied: [...applied, ...pendingAuth] };
}

/**
 * Brings the schema up or down to the named migration (benchmarks compare figures before and after one).
 * Throws like migrateToLatest.
 */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationOutcome> {
  if (!(name in migrations)) throw new Error(`No migration ${name}`);
  await clearSchemaFingerprint(db);
  const resultSet: MigrationResultSet = await createMigrator(db).migrateTo(name);
  if (resultSet.error) {
    const failed = resultSet.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed`, { cause: resultSet.error });
  }
  // better-auth's tables stand beside ours at every point (they reference none of them): a restore to any point
  // finds them
  const pendingAuth = await listPendingAuthSchema(db);
  if (pendingAuth.length > 0) await migrateAuthSchema(db);
  const applied = (resultSet.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  return { applied: [...applied, ...pendingAuth] };
}

/** Names of migrations not yet applied, oldest first. */
export async function listPendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const infos = await createMigrator(db).getMigrations();
  const pending = infos.filter((m) => m.executedAt === undefined).map((m) => m.name);
  // better-auth's check reads the live tables: only meaningful once ours are in place
  return pending.length > 0 ? pending : listPendingAuthSchema(db);
}
