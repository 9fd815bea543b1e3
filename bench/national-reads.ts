/**
 * The heaviest reads of a national portal, on the synthetic national dataset (bench/national-dataset.ts), on PGlite
 * and PostgreSQL: spending by fiscal year and policy area across areas, projects and cost per municipality across
 * areas, text search across areas, the comparison of areas, one area's snapshot (what a page that is not cached
 * reads). Each is timed with the schema before migration 0002 and after it, on the same data (ANALYZE after each).
 * Then an app process (`node dist/main.js`, built first as `npm start` does) serves the data and autocannon sends 20 concurrent
 * clients at groups of URLs spread over every area: p50/p99 per group (target with PostgreSQL: p99 ≤ 100 ms).
 *
 * Run:  npx tsx bench/national-reads.ts [--seed 1] [--engines pglite,postgresql] [--runs 15] [--seconds 10]
 *       BENCH_DATABASE_URL=postgres://user@host:5432/postgres picks the PostgreSQL server (default 127.0.0.1:5432).
 * Exits non-zero only when something did not work (a URL not 200, a request error); a missed target is printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon, { type Options } from 'autocannon';
import { type Kysely, sql } from 'kysely';
import { toSearchKey } from '../src/domain/search-key.js';
import { compareAreas } from '../src/service/area-comparison.js';
import { listAreas } from '../src/service/area-directory.js';
import { searchAllAreas } from '../src/service/area-search.js';
import { findPublicDataStamp, readPortalSnapshot } from '../src/service/read-portal.js';
import { withLatestRevisions } from '../src/store/area-statistics-store.js';
import { openDatabase } from '../src/store/connect.js';
import { summarizeMunicipalities, sumSpendingByFiscalYearAndPolicyArea } from '../src/store/cross-area-store.js';
import type { Database } from '../src/store/database.js';
import { migrateTo } from '../src/store/migrate.js';
import { freePort } from '../test/helpers/free-port.js';
import { compiledServerArgs } from './compiled-server.js';
import { generateArea, type NationalPlan, planNationalDataset } from './national-dataset.js';
import {
  type BenchDatabase,
  createPgliteDatabase,
  createPostgresDatabase,
  type EngineName,
  loadNationalDataset,
} from './national-db.js';
import { describeServer, ms, printTable, readBenchArgs, summarize, type Timing, timeRuns } from './national-figures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 20;
const TARGET_P99_MS = 100;
const SEARCHES = ['創業', '観光 利用者数', '存在しない語'] as const;

let failed = false;
const fail = (message: string) => {
  failed = true;
  console.log(`  FAILED: ${message}`);
};

// ── the reads ──

type Read = { name: string; run: (db: Kysely<Database>) => Promise<unknown>; size: (result: unknown) => string };

const rows = (r: unknown) => `${(r as unknown[]).length} rows`;

/**
 * Search before migration 0002: the same query with each row's search key computed while it is read (what the
 * stored generated columns of 0002 replace). Kept here to measure the difference, not used by the application.
 */
async function searchComputingKeys(db: Kysely<Database>, text: string): Promise<number> {
  const keys = text.normalize('NFKC').split(/\s+/).map(toSearchKey).filter(Boolean);
  const key = (expression: string) =>
    sql.raw(`translate(regexp_replace(lower(normalize(${expression}, NFKC)), '\\s+', '', 'g'), 'ヶヵ', 'ケケ')`);
  const projectKey = key(
    `pv.name || ' ' || coalesce(pv.name_in_matrix, '') || ' ' || pv.content::text || ' ' || coalesce(pv.effect, '')`,
  );
  const kpiKey = key(`k.indicator || ' ' || coalesce(k.note, '')`);
  const matched = await withLatestRevisions(db)
    .selectFrom('latest')
    .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) =>
      eb.and(
        keys.map((k) => {
          const pattern = `%${k.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          return sql<boolean>`(${projectKey} like ${pattern} or exists (select from kpi as k
            where k.project_version_id = pv.id and ${kpiKey} like ${pattern}))`;
        }),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(matched.n);
}

function readsFor(plan: NationalPlan, schema: 'before' | 'after'): Read[] {
  const middle = plan.areas[Math.floor(plan.areas.length / 2)]?.slug ?? '';
  return [
    {
      name: 'spending by fiscal year × policy area, all areas',
      run: sumSpendingByFiscalYearAndPolicyArea,
      size: rows,
    },
    { name: 'projects and cost per municipality, all areas', run: summarizeMunicipalities, size: rows },
    ...SEARCHES.map(
      (text): Read => ({
        name: `search all areas: 「${text}」`,
        run: (db) => (schema === 'before' ? searchComputingKeys(db, text) : searchAllAreas(db, text, 100)),
        size: (r) => `${typeof r === 'number' ? r : (r as { total: number }).total} hits`,
      }),
    ),
    {
      name: 'compare areas (/areas/compare data)',
      run: compareAreas,
      size: (r) => `${(r as { areas: unknown[] }).areas.length} areas`,
    },
    { name: 'list of areas (/areas data)', run: listAreas, size: rows },
    {
      name: `one area's snapshot (${middle})`,
      run: (db) => readPortalSnapshot(db, middle),
      size: (r) => `${(r as { vision: { projects: unknown[] } }).vision.projects.length} projects`,
    },
    { name: 'data stamp (every request, at most 1/s)', run: findPublicDataStamp, size: (r) => String(r) },
  ];
}

async function timeReads(db: Kysely<Database>, reads: Read[], runs: number) {
  const out = new Map<string, { timing: Timing; size: string }>();
  for (const read of reads) {
    const { timing, result } = await timeRuns(() => read.run(db), { runs });
    out.set(read.name, { timing, size: read.size(result) });
  }
  return out;
}

// ── the app under load ──

type App = { child: ChildProcess; port: number; output: () => string };

async function startApp(env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port) };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  if (!env.DATA_DIR) delete childEnv.DATA_DIR;
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, compiledServerArgs(), {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port, output: () => output };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`the app did not answer within 60 s:\n${output}`);
}

async function stopApp(app: App): Promise<void> {
  if (app.child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => app.child.once('exit', () => resolve()));
  app.child.kill('SIGTERM');
  const outcome = await Promise.race([exited.then(() => 'exited'), sleep(10_000)]);
  if (outcome !== 'exited') {
    app.child.kill('SIGKILL');
    await exited;
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** URL groups over every area: a few per area, so the page cache (2,000 pages) can hold a group once warm. */
function urlGroups(plan: NationalPlan): { name: string; urls: string[] }[] {
  const api: string[] = ['/api/v1/projects', '/api/v1/areas'];
  const pages: string[] = [];
  const everyProject: string[] = [];
  for (const area of plan.areas) {
    const { vision } = generateArea(plan, area.index);
    for (const p of vision.projects) everyProject.push(`/areas/${area.slug}/projects/${p.number}`);
    const numbers = [1, 7, 19, vision.projects.length];
    const partner = vision.area.municipalities.find((m) => !m.isCentralCity)?.code;
    api.push(`/api/v1/areas/${area.slug}/projects`, `/api/v1/areas/${area.slug}/projects/${numbers[1]}`);
    pages.push(
      `/areas/${area.slug}/`,
      `/areas/${area.slug}/projects`,
      ...numbers.map((n) => `/areas/${area.slug}/projects/${n}`),
      `/areas/${area.slug}/projects?q=${encodeURIComponent('相談')}`,
    );
    if (partner) pages.push(`/areas/${area.slug}/municipalities/${partner}`);
  }
  const crossArea = ['/areas', '/areas/compare', ...SEARCHES.map((q) => `/areas/search?q=${encodeURIComponent(q)}`)];
  return [
    { name: 'API /api/v1 (areas, projects)', urls: api },
    { name: 'area pages /areas/{slug}/…', urls: pages },
    { name: 'pages across areas', urls: crossArea },
    // more pages than the page cache keeps (2,000): most requests render a page from the area's snapshot
    { name: 'every project page (uncached)', urls: shuffle(everyProject, plan.seed) },
  ];
}

/** A fixed order that visits areas at random, the same on every run. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed * 2654435761;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Each URL once, 20 at a time: what the first visitors after a change pay (pages not yet cached). */
async function firstPass(port: number, urls: string[]): Promise<{ timing: Timing; bad: string[] }> {
  const times: number[] = [];
  const bad: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < urls.length) {
        const url = urls[next++] as string;
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${port}${url}`);
        await response.arrayBuffer();
        times.push(performance.now() - started);
        if (response.status !== 200) bad.push(`${url} → ${response.status}`);
      }
    }),
  );
  return { timing: summarize(times), bad };
}

/** autocannon, 20 connections, each request a URL of the group picked in turn. */
async function steadyLoad(port: number, urls: string[], seconds: number) {
  let index = 0;
  const latencies: number[] = [];
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => {
          const url = urls[index++ % urls.length] as string;
          return { ...request, path: url };
        },
      },
    ],
  } as Options;
  const instance = autocannon(options);
  instance.on('response', (_client, _status, _bytes, time) => {
    latencies.push(time);
  });
  const result = await instance;
  return {
    rps: result.requests.total / result.duration,
    timing: summarize(latencies),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function loadApp(target: BenchDatabase, plan: NationalPlan, seconds: number) {
  const app = await startApp(target.env);
  const out: string[][] = [];
  const verdicts: string[] = [];
  try {
    for (const group of urlGroups(plan)) {
      // URLs the build does not serve (e.g. an API route not there yet) are reported and left out
      const probed = await Promise.all(
        group.urls.slice(0, 3).map(async (url) => [url, (await fetch(`http://127.0.0.1:${app.port}${url}`)).status]),
      );
      const missing = probed.filter(([, status]) => status === 404).map(([url]) => String(url));
      const urls = group.urls.filter(
        (url) => !missing.some((m) => url.replace(/national-\d+/, 'X') === m.replace(/national-\d+/, 'X')),
      );
      if (missing.length > 0) console.log(`  note: ${missing.join(', ')} answered 404: left out of "${group.name}"`);
      // the uncached group has no first pass: its load is the first visit of most of its pages
      const cold =
        group.urls.length > 5000 ? await firstPass(app.port, urls.slice(0, 0)) : await firstPass(app.port, urls);
      for (const bad of cold.bad.slice(0, 5)) fail(bad);
      const steady = await steadyLoad(app.port, urls, seconds);
      if (steady.errors > 0 || steady.non2xx > 0)
        fail(`${group.name}: ${steady.errors} errors, ${steady.non2xx} non-2xx`);
      out.push([
        group.name,
        String(urls.length),
        ms(cold.timing.median),
        ms(cold.timing.p99),
        ms(cold.timing.max),
        steady.rps.toFixed(0),
        ms(steady.timing.median),
        ms(steady.timing.p99),
        `${steady.errors}/${steady.non2xx}`,
      ]);
      const p99 = steady.timing.p99;
      verdicts.push(
        `${group.name}: p99 ${ms(p99)} ms (target ≤ ${TARGET_P99_MS} ms) ${p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'}`,
      );
    }
    const sizes = await Promise.all(
      ['/areas', '/areas/compare', `/areas/${plan.areas[0]?.slug}/projects`].map(async (url) => {
        const bytes = (await (await fetch(`http://127.0.0.1:${app.port}${url}`)).arrayBuffer()).byteLength;
        return `${url} ${(bytes / 1024).toFixed(0)} KB`;
      }),
    );
    console.log(`  page sizes (uncompressed): ${sizes.join(', ')}`);
    const rss = peakRssMb(app.child.pid ?? 0);
    return { rows: out, verdicts, rss };
  } finally {
    await stopApp(app);
  }
}

// ── one engine ──

async function benchEngine(engine: EngineName, plan: NationalPlan, args: ReturnType<typeof readBenchArgs>) {
  console.log(`\n== ${engine} ==`);
  const target = engine === 'PGlite' ? createPgliteDatabase() : await createPostgresDatabase(args.adminUrl);
  try {
    const database = await target.open();
    let before: Awaited<ReturnType<typeof timeReads>>;
    let after: Awaited<ReturnType<typeof timeReads>>;
    let migrationMs = 0;
    let afterWithoutJit: Awaited<ReturnType<typeof timeReads>> | undefined;
    try {
      await migrateTo(database.db, '0001-initial-schema');
      const load = await loadNationalDataset(database.db, plan);
      await sql`analyze`.execute(database.db);
      console.log(`loaded ${load.revisions} area revisions in ${(load.totalMs / 1000).toFixed(1)} s (schema 0001)`);
      before = await timeReads(database.db, readsFor(plan, 'before'), args.runs);
      const started = performance.now();
      await migrateTo(database.db, '0002-search-keys');
      migrationMs = performance.now() - started;
      await sql`analyze`.execute(database.db);
      after = await timeReads(database.db, readsFor(plan, 'after'), args.runs);
      if (engine === 'PostgreSQL') {
        const jit = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(database.db);
        console.log(`server setting jit = ${jit.rows[0]?.jit}; the last column sets jit = off for the connection`);
      }
    } finally {
      await database.close();
    }
    if (target.env.DATABASE_URL) {
      const url = new URL(target.env.DATABASE_URL);
      url.searchParams.set('options', '-c jit=off');
      const withoutJit = await openDatabase({ databaseUrl: url.toString() });
      try {
        afterWithoutJit = await timeReads(withoutJit.db, readsFor(plan, 'after'), args.runs);
      } finally {
        await withoutJit.close();
      }
    }
    console.log(
      `\nreads (${args.runs} timed runs after 2 warm-up runs, in process; ms): schema 0001 → 0002 ` +
        `(migration 0002 took ${(migrationMs / 1000).toFixed(1)} s on the loaded data)`,
    );
    printTable(
      [
        'read',
        'result',
        'before median',
        'before p95',
        'after median',
        'after p95',
        ...(afterWithoutJit ? ['after, jit off: median'] : []),
      ],
      readsFor(plan, 'after').map((read) => {
        const b = before.get(read.name);
        const a = after.get(read.name);
        return [
          read.name,
          a?.size ?? '',
          ms(b?.timing.median ?? NaN),
          ms(b?.timing.p95 ?? NaN),
          ms(a?.timing.median ?? NaN),
          ms(a?.timing.p95 ?? NaN),
          ...(afterWithoutJit ? [ms(afterWithoutJit.get(read.name)?.timing.median ?? NaN)] : []),
        ];
      }),
      [2, 3, 4, 5, 6],
    );

    console.log(
      `\nHTTP: an app process on this data (schema 0002), ${CONNECTIONS} concurrent clients; first pass = each URL ` +
        `once (not yet cached), then ${args.seconds} s of autocannon over the same URLs in turn`,
    );
    const http = await loadApp(target, plan, args.seconds);
    printTable(
      ['URLs', 'count', 'first p50', 'first p99', 'first max', 'req/s', 'p50 ms', 'p99 ms', 'errors/non-2xx'],
      http.rows,
      [1, 2, 3, 4, 5, 6, 7],
    );
    console.log(`app process peak RSS (VmHWM): ${http.rss.toFixed(0)} MB`);
    return http.verdicts.map((v) => `${engine}: ${v}`);
  } finally {
    await target.dispose();
  }
}

async function main(): Promise<void> {
  compiledServerArgs(); // build before anything is timed
  const args = readBenchArgs();
  const plan = planNationalDataset({ seed: args.seed });
  const [load1] = loadavg();
  console.log(
    `national reads: node ${process.version}, ${cpus().length} CPUs, load average ${load1?.toFixed(2)}; seed ` +
      `${args.seed}, ${plan.areas.length} areas (a 2nd revision of every 4th)`,
  );
  if (args.engines.includes('PostgreSQL')) console.log(`PostgreSQL server: ${describeServer(args.adminUrl)}`);
  const verdicts: string[] = [];
  for (const engine of args.engines) {
    try {
      verdicts.push(...(await benchEngine(engine, plan, args)));
    } catch (error) {
      fail(`${engine}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log('\n== targets ==');
  for (const line of verdicts) console.log(line);
  if (failed) process.exitCode = 1;
}

await main();
