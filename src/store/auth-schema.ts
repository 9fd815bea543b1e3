import type { BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import type { Kysely } from 'kysely';
import { toAuthDatabase } from './auth-database.js';
import type { Database } from './database.js';

/**
 * What better-auth must know to create and read its tables (user, session, account, verification): the database
 * and the fields Renkei adds to an account. The running auth (service/accounts/create-auth.ts) extends these
 * options; the schema comes from these alone, so the migration and the server always agree.
 */
export function authSchemaOptions(db: Kysely<Database>) {
  return {
    database: { db: toAuthDatabase(db), type: 'postgres' },
    user: {
      additionalFields: {
        /** a disabled account cannot sign in and its sessions are ended */
        disabled: { type: 'boolean', defaultValue: false, input: false, required: true },
      },
    },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;
}

/** Creates or completes better-auth's tables through its own migrations (next to ours: store/migrate.ts). */
export async function migrateAuthSchema(db: Kysely<Database>): Promise<void> {
  const { runMigrations } = await getMigrations(authSchemaOptions(db));
  await runMigrations();
}

/** The better-auth tables or columns still to create (a PostgreSQL server is migrated by `renkei migrate`). */
export async function listPendingAuthSchema(db: Kysely<Database>): Promise<string[]> {
  const { toBeCreated, toBeAdded } = await getMigrations(authSchemaOptions(db));
  return [
    ...toBeCreated.map((t) => `auth:${t.table}`),
    ...toBeAdded.map((t) => `auth:${t.table}(${Object.keys(t.fields).join(',')})`),
  ];
}
