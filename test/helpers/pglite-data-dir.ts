import { existsSync } from 'node:fs';
import path from 'node:path';
import { type OpenDatabase, openDatabase } from '../../src/store/connect.js';
import { freshClusterSnapshot } from './test-databases.js';

/**
 * A PGlite database in a real data directory (on disk, with its lock), started from a fresh cluster's snapshot
 * instead of running initdb (test-databases.ts freshClusterSnapshot).
 */
export async function openPgliteDataDir(dataDir: string): Promise<OpenDatabase> {
  const fresh = existsSync(path.join(dataDir, 'PG_VERSION')) ? undefined : await freshClusterSnapshot();
  return openDatabase({ dataDir, loadDataDir: fresh });
}
