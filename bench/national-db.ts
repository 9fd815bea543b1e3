/**
 * Databases for the national benchmarks: a PGlite data directory in a temporary folder, or a scratch database
 * `renkei_bench_national_…` created on a PostgreSQL server and dropped afterwards; and the load of the synthetic
 * national dataset into one, one transaction per area through saveAreaVision (the store's save path).
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { operatorActor } from '../src/domain/access-policy.js';
import { saveAreaVision } from '../src/service/area-save-vision.js';
import { type OpenDatabase, openDatabase } from '../src/store/connect.js';
import type { Database } from '../src/store/database.js';
import { generateArea, generateRevision, type NationalPlan } from './national-dataset.js';

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type EngineName = 'PGlite' | 'PostgreSQL';

export type BenchDatabase = {
  engine: EngineName;
  /** environment for an app process on the same data (DATABASE_URL, or DATA_DIR) */
  env: Record<string, string>;
  open(): Promise<OpenDatabase>;
  /** removes the data (drops the database, deletes the folder) */
  dispose(): Promise<void>;
};

/** A fresh PGlite data directory in a temporary folder. */
export function createPgliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'renkei-bench-national-'));
  const dataDir = path.join(dir, 'data');
  return {
    engine: 'PGlite',
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A scratch database on the server of `adminUrl` (a URL that may create and drop databases). */
export async function createPostgresDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `renkei_bench_national_${process.pid}_${randomBytes(3).toString('hex')}`;
  await runAdmin(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    engine: 'PostgreSQL',
    env: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ databaseUrl }),
    dispose: () => runAdmin(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type LoadFigures = {
  areas: number;
  revisions: number;
  projects: number;
  totalMs: number;
  /** milliseconds per area transaction, in load order */
  perAreaMs: number[];
};

/**
 * Loads every area of the plan (one transaction each), then a second revision of every `reviseEvery`-th area
 * (budgets re-estimated, stable keys matched against the first). `onProgress` is called after each area.
 */
export async function loadNationalDataset(
  db: Kysely<Database>,
  plan: NationalPlan,
  options: { reviseEvery?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<LoadFigures> {
  const reviseEvery = options.reviseEvery ?? 4;
  const revised = plan.areas.filter((a) => reviseEvery > 0 && a.index % reviseEvery === 0);
  const total = plan.areas.length + revised.length;
  const perAreaMs: number[] = [];
  let projects = 0;
  const started = performance.now();
  const save = async (slug: string, vision: Parameters<typeof saveAreaVision>[2]['vision'], name: string) => {
    const t = performance.now();
    const saved = await saveAreaVision(db, operatorActor('system'), { areaSlug: slug, vision, sourceName: name });
    perAreaMs.push(performance.now() - t);
    projects += saved.projectCount;
    options.onProgress?.(perAreaMs.length, total);
  };
  for (const area of plan.areas) {
    const { slug, vision } = generateArea(plan, area.index);
    await save(slug, vision, `${slug}-r1.json`);
  }
  for (const area of revised) {
    const { slug, vision } = generateRevision(plan, area.index);
    await save(slug, vision, `${slug}-r2.json`);
  }
  return { areas: plan.areas.length, revisions: total, projects, totalMs: performance.now() - started, perAreaMs };
}

/** Row counts of the big tables and the database's size on disk (PGlite: the data directory's tables). */
export async function describeDatabase(db: Kysely<Database>): Promise<{ rows: Record<string, number>; mb: number }> {
  const rows: Record<string, number> = {};
  for (const table of ['area', 'municipality', 'vision_revision', 'project_version', 'budget_cell', 'kpi'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows[table] = Number(row.n);
  }
  const size = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(db);
  return { rows, mb: Number(size.rows[0]?.bytes ?? 0) / 1024 / 1024 };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}
