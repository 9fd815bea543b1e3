/**
 * Load time of the synthetic national dataset (bench/national-dataset.ts: about 130 areas, 1,700 municipalities,
 * 11,500 projects), one transaction per area through saveAreaVision, then a second revision of every 4th area.
 * On PGlite (a fresh temporary data directory) and PostgreSQL (a scratch database created and dropped), each
 * with the schema before migration 0002 (search keys) and after it: the generated columns cost something at insert.
 *
 * Run:  npx tsx bench/national-load.ts [--seed 1] [--engines pglite,postgresql]
 *       BENCH_DATABASE_URL=postgres://user@host:5432/postgres picks the PostgreSQL server (default 127.0.0.1:5432).
 */
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import { migrateTo } from '../src/store/migrate.js';
import { generateArea, planNationalDataset } from './national-dataset.js';
import {
  type BenchDatabase,
  createPgliteDatabase,
  createPostgresDatabase,
  describeDatabase,
  type EngineName,
  loadNationalDataset,
  percentile,
} from './national-db.js';
import { describeServer, ms, printTable, readBenchArgs } from './national-figures.js';

const SCHEMAS = [
  { label: 'before (0001)', migration: '0001-initial-schema' },
  { label: 'after (0002)', migration: '0002-search-keys' },
] as const;

async function createDatabase(engine: EngineName, adminUrl: string): Promise<BenchDatabase> {
  return engine === 'PGlite' ? createPgliteDatabase() : createPostgresDatabase(adminUrl);
}

async function main(): Promise<void> {
  const args = readBenchArgs();
  const plan = planNationalDataset({ seed: args.seed });
  let projects = 0;
  let kpis = 0;
  for (const area of plan.areas) {
    const { vision } = generateArea(plan, area.index);
    projects += vision.projects.length;
    kpis += vision.projects.reduce((sum, p) => sum + p.kpis.length, 0);
  }
  const [load1] = loadavg();
  console.log(
    `national load: node ${process.version}, ${cpus().length} CPUs, load average ${load1?.toFixed(2)}; ` +
      `seed ${args.seed}: ${plan.areas.length} areas, ${plan.areas.reduce((s, a) => s + a.municipalities.length, 0)} ` +
      `municipalities, ${projects} projects, ${kpis} KPIs, ${plan.fiscalYears} fiscal years; ` +
      `then a 2nd revision of every 4th area`,
  );
  if (args.engines.includes('PostgreSQL')) console.log(`PostgreSQL server: ${describeServer(args.adminUrl)}`);

  const rows: string[][] = [];
  for (const engine of args.engines) {
    for (const schema of SCHEMAS) {
      const target = await createDatabase(engine, args.adminUrl);
      try {
        const database = await target.open();
        try {
          await migrateTo(database.db, schema.migration);
          let lastPrinted = 0;
          const figures = await loadNationalDataset(database.db, plan, {
            onProgress: (done, total) => {
              if (done - lastPrinted >= 40 || done === total) {
                lastPrinted = done;
                process.stderr.write(`  ${engine} ${schema.label}: ${done}/${total}\r`);
              }
            },
          });
          await sql`analyze`.execute(database.db);
          const described = await describeDatabase(database.db);
          const cells =
            (described.rows.budget_cell ?? 0) + (described.rows.kpi ?? 0) + (described.rows.project_version ?? 0);
          rows.push([
            engine,
            schema.label,
            String(figures.revisions),
            String(described.rows.project_version),
            (figures.totalMs / 1000).toFixed(1),
            ms(percentile(figures.perAreaMs, 50)),
            ms(percentile(figures.perAreaMs, 95)),
            ms(Math.max(...figures.perAreaMs)),
            Math.round(cells / (figures.totalMs / 1000)).toLocaleString('en-US'),
            described.mb.toFixed(0),
          ]);
        } finally {
          await database.close();
        }
      } finally {
        await target.dispose();
      }
    }
  }
  process.stderr.write(`${' '.repeat(60)}\r`);
  console.log('\nload: one transaction per area revision (saveAreaVision), then ANALYZE');
  printTable(
    [
      'engine',
      'schema',
      'revisions',
      'project rows',
      'total s',
      'per area p50 ms',
      'p95 ms',
      'max ms',
      'rows/s',
      'database MB',
    ],
    rows,
    [2, 3, 4, 5, 6, 7, 8, 9],
  );
  console.log('  rows/s: project, budget cell and KPI rows stored per second of the whole load');
}

await main();
