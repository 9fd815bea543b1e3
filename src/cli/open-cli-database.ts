import { loadConfig } from '../config.js';
import type { OpenDatabase } from '../store/connect.js';
import type { CliIo } from './cli-io.js';

/**
 * Runs `work` on the configured database (DATABASE_URL, else PGlite in DATA_DIR) and always closes it, so that
 * PGlite's data directory is left whole. With `ensureSchema`, PGlite is migrated and a stale server refused.
 */
export async function withCliDatabase<T>(
  io: CliIo,
  options: { ensureSchema: boolean },
  work: (database: OpenDatabase) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, io.cwd);
  // loaded here, not at the top: `renkei import --help` should not wait for the database drivers
  const { openDatabase } = await import('../store/connect.js');
  const { ensureSchema } = await import('../store/ensure-schema.js');
  const database = await openDatabase(config);
  try {
    if (options.ensureSchema) {
      const applied = await ensureSchema(database);
      if (applied.length > 0) io.stderr(`スキーマを更新しました: ${applied.join(', ')}\n`);
    }
    return await work(database);
  } finally {
    await database.close();
  }
}
