import { AppError } from '../domain/errors.js';
import type { OpenDatabase } from './connect.js';
import { codeSchemaFingerprint, listPendingMigrations, migrateToLatest } from './migrate.js';
import { readSchemaFingerprint } from './schema-fingerprint-store.js';

/**
 * Makes sure the schema is current before the data is used. PGlite belongs to this process alone, so it is
 * migrated on the spot; a PostgreSQL server is shared, so its schema changes only through `renkei migrate`
 * (DESIGN.md §4) and a stale one is an error here. Returns the migrations applied. A database holding the code's
 * schema fingerprint needs neither: one query instead of the migrators' catalog reads (~0.3 s of a PGlite start).
 */
export async function ensureSchema(database: OpenDatabase): Promise<string[]> {
  if ((await readSchemaFingerprint(database.db)) === codeSchemaFingerprint(database.db)) return [];
  if (database.engine === 'pglite') return (await migrateToLatest(database.db)).applied;
  const pending = await listPendingMigrations(database.db);
  if (pending.length > 0) {
    throw new AppError('CONFIG_INVALID', `Database schema is behind: pending ${pending.join(', ')}`, {
      userMessage: `データベースのスキーマが最新ではありません（未適用: ${pending.join(', ')}）。先に \`renkei migrate\` を実行してください。`,
    });
  }
  return [];
}
