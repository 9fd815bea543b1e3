import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { ensureSchema } from '../../src/store/ensure-schema.js';
import {
  codeSchemaFingerprint,
  listPendingMigrations,
  MIGRATION_NAMES,
  migrateTo,
  migrateToLatest,
} from '../../src/store/migrate.js';
import { readSchemaFingerprint, writeSchemaFingerprint } from '../../src/store/schema-fingerprint-store.js';
import { testEngines } from '../helpers/test-databases.js';

const tables = [
  'account',
  'area',
  'area_setting',
  'audit_entry',
  'budget_cell',
  'cost_share_rule',
  'council_opinion',
  'data_version',
  'installation_secret',
  'kpi',
  'kpi_key',
  'kpi_result',
  'kpi_setting',
  'municipality',
  'municipality_result',
  'project_key',
  'project_result',
  'project_version',
  'result_year',
  'revision_municipality',
  'role_grant',
  'schema_fingerprint',
  'session',
  'source_document',
  'twoFactor',
  'two_factor_failure',
  'used_totp_code',
  'user',
  'verification',
  'vision_revision',
];
const ours = [...MIGRATION_NAMES];
/** better-auth's tables, created by its own migrations right after ours */
const auth = ['auth:user', 'auth:session', 'auth:account', 'auth:verification', 'auth:twoFactor'];

for (const engine of testEngines) {
  describe(`migrations on ${engine.name}`, () => {
    test('run once on an empty database, then find nothing to do', async () => {
      const database = await engine.open();
      try {
        assert.deepEqual(await listPendingMigrations(database.db), ours);
        assert.deepEqual(await migrateToLatest(database.db), { applied: [...ours, ...auth] });
        assert.deepEqual(await migrateToLatest(database.db), { applied: [] });
        assert.deepEqual(await listPendingMigrations(database.db), []);
        const names = (await database.db.introspection.getTables()).map((t) => t.name).sort();
        assert.deepEqual(names, tables);
      } finally {
        await database.close();
      }
    });

    test('an installation made before two-factor sign-in gets the plugin’s table and column', async () => {
      const database = await engine.open();
      try {
        await migrateToLatest(database.db);
        await sql`drop table "twoFactor"`.execute(database.db);
        await sql`alter table "user" drop column "twoFactorEnabled"`.execute(database.db);
        assert.deepEqual(await listPendingMigrations(database.db), ['auth:twoFactor', 'auth:user(twoFactorEnabled)']);
        assert.deepEqual(await migrateToLatest(database.db), {
          applied: ['auth:twoFactor', 'auth:user(twoFactorEnabled)'],
        });
        assert.deepEqual(await listPendingMigrations(database.db), []);
      } finally {
        await database.close();
      }
    });

    test('ensureSchema trusts the code’s fingerprint and checks again when it differs or was cleared', async () => {
      const database = await engine.open();
      try {
        await migrateToLatest(database.db);
        assert.equal(await readSchemaFingerprint(database.db), codeSchemaFingerprint(database.db));
        // a change made behind the migrators' back is not seen while the fingerprint is the code's: the check skipped
        await sql`alter table "user" drop column "twoFactorEnabled"`.execute(database.db);
        assert.deepEqual(await ensureSchema(database), []);
        await writeSchemaFingerprint(database.db, 'made by another version');
        if (engine.name === 'pglite') {
          assert.deepEqual(await ensureSchema(database), ['auth:user(twoFactorEnabled)']);
          assert.equal(await readSchemaFingerprint(database.db), codeSchemaFingerprint(database.db));
        } else {
          await assert.rejects(ensureSchema(database), /auth:user\(twoFactorEnabled\)/);
          await migrateToLatest(database.db);
        }
        // a migration to an older point clears it, so the next start finds the pending ones
        await migrateTo(database.db, '0007-two-factor-attempts');
        assert.equal(await readSchemaFingerprint(database.db), undefined);
        assert.deepEqual(
          await listPendingMigrations(database.db),
          MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf('0008-schema-fingerprint')),
        );
      } finally {
        await database.close();
      }
    });

    test(
      engine.name === 'pglite'
        ? 'ensureSchema migrates PGlite on the spot'
        : 'ensureSchema refuses a stale server schema and names `renkei migrate`',
      async () => {
        const database = await engine.open();
        try {
          if (engine.name === 'pglite') {
            assert.deepEqual(await ensureSchema(database), [...ours, ...auth]);
          } else {
            await assert.rejects(ensureSchema(database), (error: { code?: string; userMessage?: string }) => {
              assert.equal(error.code, 'CONFIG_INVALID');
              assert.match(error.userMessage ?? '', /renkei migrate/);
              return true;
            });
          }
        } finally {
          await database.close();
        }
      },
    );
  });
}
