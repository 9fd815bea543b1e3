import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { operatorActor } from '../src/domain/access-policy.js';
import { importDocument } from '../src/service/import-document.js';
import { type OpenDatabase, openDatabase } from '../src/store/connect.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { buildSyntheticDocument } from './synthetic-document.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = readFileSync(path.join(ROOT, 'samples', 'aomori-vision-r4-03.txt'), 'utf8');

/** The middle value (the upper one of an even count). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * A fresh in-memory PGlite holding the sample (factor 1) or a synthetic vision with `factor`× its projects; the
 * caller closes the database.
 */
export async function openBenchVision(factor: number): Promise<{ database: OpenDatabase; areaSlug: string }> {
  const database = await openDatabase({});
  try {
    await migrateToLatest(database.db);
    const text = factor === 1 ? SEED : buildSyntheticDocument(SEED, factor);
    const imported = await importDocument(database.db, operatorActor('cli'), {
      fileName: 'v.txt',
      bytes: new TextEncoder().encode(text),
    });
    return { database, areaSlug: imported.areaSlug };
  } catch (error) {
    await database.close();
    throw error;
  }
}
