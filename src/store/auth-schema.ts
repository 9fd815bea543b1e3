import type { BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type { Kysely } from 'kysely';
import { toAuthDatabase } from './auth-database.js';
import type { Database } from './database.js';

/** The name authenticator apps show beside the account (the `issuer` of the otpauth URI). */
export const TOTP_ISSUER = 'Renkei';

/**
 * What better-auth must know to create and read its tables (user, session, account, verification, and the
 * two-factor plugin's twoFactor with user.twoFactorEnabled): the database, the fields Renkei adds to an account
 * and the plugins that bring tables. The running auth (service/accounts/account-auth.ts) extends these options;
 * the schema comes from these alone, so the migration and the server always agree.
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
    plugins: [
      // TOTP only (no e-mail or SMS codes: sendOTP is not given); secrets and backup codes are stored encrypted
      // with the installation secret; no "trust this device" (every sign-in asks for the code)
      twoFactor({
        issuer: TOTP_ISSUER,
        totpOptions: { digits: 6, period: 30 },
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: 'encrypted' },
        twoFactorCookieMaxAge: 10 * 60,
      }),
    ],
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
