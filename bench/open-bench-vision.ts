import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { operatorActor } from '../src/domain/access-policy.js';
import { importDocument } from '../src/service/import-document.js';
import { type AreaResults, loadAreaResults } from '../src/service/results/load-area-results.js';
import { type OpenDatabase, openDatabase } from '../src/store/connect.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { buildSyntheticDocument } from './synthetic-document.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SEED = readFileSync(path.join(ROOT, 'samples', 'aomori-vision-r4-03.txt'), 'utf8');

export type BenchVision = { database: OpenDatabase; areaSlug: string; results: AreaResults; fiscalYear: number };

/**
 * An in-memory PGlite holding the sample (factor 1) or a synthetic vision of `factor`× its projects, imported by
 * the operator, with its results read and the plan's third fiscal year chosen: where the yearly benchmarks start.
 */
export async function openBenchVision(factor: number): Promise<BenchVision> {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  const text = factor === 1 ? SEED : buildSyntheticDocument(SEED, factor);
  const bytes = new TextEncoder().encode(text);
  const { areaSlug } = await importDocument(database.db, operatorActor('cli'), { fileName: 'v.txt', bytes });
  const results = await loadAreaResults(database.db, { areaSlug, audience: 'staff' });
  return { database, areaSlug, results, fiscalYear: results.vision.plan.fiscalYears[2] ?? 0 };
}
