/**
 * Speed of the read API on one area, in one run (issue 4, item 5): requests/s and latency of `/api/v1/projects`
 * (every project of the sample as Vision JSON) at 50 concurrent connections, side by side with a bare
 * `node:http` server sending the same bytes; the same for a page of the area-scoped list
 * `/api/v1/areas/{slug}/projects` (filters, pagination, stable ids) for reference. Then the app's peak RSS and
 * the SQL statements per API request (a cached answer should cost at most its data-stamp query).
 * On PGlite (a fresh temporary data directory), then on PostgreSQL when BENCH_DATABASE_URL is set.
 * Target: the app ≥ 60 % of the bare server's throughput on `/api/v1/projects`; p99 is printed beside it.
 * Run: npx tsx bench/api-bench.ts
 *      BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/api-bench.ts
 * The machinery (child processes, loopback HTTP, the bare copy, autocannon slices) is bench/portal-bench.ts's.
 * Exits non-zero only when something did not work (an answer not 200, a request error); a missed target is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QueryCountReport } from './count-queries.js';
import {
  type Backend,
  type Child,
  cleanups,
  compareWithBare,
  fail,
  freePort,
  hasFailed,
  preparePglite,
  preparePostgres,
  rawGet,
  readMemoryMb,
  runCleanups,
  runNode,
  seconds,
  startBareCopy,
  startChild,
  stopChild,
  table,
  verdict,
  waitFor200,
} from './portal-bench.js';

const TARGET_PATH = '/api/v1/projects';
const TARGET_RATIO = 0.6;
const WATCHDOG_MS = 5 * 60_000;

type Summary = { backend: string; lines: string[] };

/** The paths to load: the target, and a page of the first area's scoped list (its slug read from /api/v1/areas). */
async function loadPaths(appPort: number): Promise<string[]> {
  const areas = await rawGet(appPort, '/api/v1/areas');
  if (areas.status !== 200) throw new Error(`GET /api/v1/areas answered ${areas.status}`);
  const slug = (JSON.parse(areas.body.toString()) as { items: { slug: string }[] }).items[0]?.slug;
  if (!slug) throw new Error('no area: the sample was not imported');
  return [TARGET_PATH, `/api/v1/areas/${encodeURIComponent(slug)}/projects?limit=50`];
}

async function benchBackend(backend: Backend, dir: string): Promise<Summary> {
  const summary: Summary = { backend: backend.name, lines: [] };
  console.log(`\n== ${backend.name} ==`);
  const appPort = await freePort();
  const app = startChild(`app server (${backend.name})`, ['--import', 'tsx', 'src/main.ts'], {
    ...backend.env,
    PORT: String(appPort),
  });
  let bare: Child | undefined;
  let paths: string[] = [];
  try {
    const ready = await waitFor200(appPort, '/healthz', app);
    console.log(`app server (pid ${app.child.pid}) answered /healthz after ${seconds(ready)}`);
    paths = await loadPaths(appPort);
    const started = await startBareCopy(appPort, paths, path.join(dir, `api-responses-${backend.name}.json`));
    bare = started.bare;
    console.log(`bare node:http server (pid ${bare.child.pid}) sends the same bytes and content-type:`);
    for (const urlPath of paths) {
      const { body, headers } = await rawGet(appPort, urlPath);
      console.log(`  ${urlPath}: ${body.length} bytes, ${headers['content-type']}, ETag ${headers.etag}`);
    }

    for (const { urlPath, app: appFigures, bare: bareFigures, ratio } of await compareWithBare(
      paths,
      appPort,
      started.port,
    )) {
      const judged = urlPath === TARGET_PATH;
      summary.lines.push(
        `${urlPath}: throughput ${(ratio * 100).toFixed(0)} % of bare` +
          (judged ? ` (target ≥ ${TARGET_RATIO * 100} %)  ${verdict(ratio >= TARGET_RATIO)}` : ' (for reference)') +
          `; p99 ${appFigures.p99.toFixed(2)} ms (bare ${bareFigures.p99.toFixed(2)} ms)`,
      );
    }
    const memory = readMemoryMb(app.child.pid ?? 0);
    console.log(
      `\napp server memory after the load: peak VmHWM ${memory.hwm.toFixed(0)} MB, VmRSS ${memory.rss.toFixed(0)} MB`,
    );
  } finally {
    await Promise.all([stopChild(app), bare ? stopChild(bare) : Promise.resolve()]);
  }
  await printQueryCounts(backend, paths);
  return summary;
}

/** SQL statements per request, the app in process on the same database (after the server stopped). */
async function printQueryCounts(backend: Backend, paths: string[]): Promise<void> {
  const counted = await runNode(
    'count-queries',
    ['--import', 'tsx', path.join('bench', 'count-queries.ts'), ...paths, `${TARGET_PATH}/5`],
    backend.env,
  );
  const json = counted.output.trim().split('\n').at(-1) ?? '';
  if (counted.code !== 0 || !json.startsWith('{')) {
    console.log(
      `\nSQL statements per request: not counted (${counted.output.trim().split('\n').slice(-3).join(' / ')})`,
    );
    return;
  }
  const report = JSON.parse(json) as QueryCountReport;
  console.log(
    '\nSQL statements per request (the app in process with a counting Kysely plugin; 1st request, then 2 more)',
  );
  table(
    ['path', 'status', '1st', '2nd', '3rd', 'tables on a cached answer'],
    report.paths.map((p) => [p.path, String(p.status), ...p.queries.map(String), p.tables.join(', ')]),
    [1, 2, 3, 4],
  );
}

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.log(`\nthe run took more than ${WATCHDOG_MS / 60_000} min: stopping`);
    process.kill(process.pid, 'SIGTERM');
  }, WATCHDOG_MS);
  watchdog.unref();
  const started = performance.now();
  const [load1, load5] = loadavg();
  console.log(
    `API benchmark: node ${process.version}, ${cpus().length} CPUs, load average ${load1?.toFixed(2)} / ${load5?.toFixed(2)}`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), 'renkei-bench-api-run-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const summaries: Summary[] = [];
  try {
    summaries.push(await benchBackend(await preparePglite(), dir));
    const postgresUrl = process.env.BENCH_DATABASE_URL;
    if (postgresUrl) summaries.push(await benchBackend(await preparePostgres(postgresUrl), dir));
    else console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://user@127.0.0.1:5432/db to include it)');
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await runCleanups();
  }
  console.log('\n== targets ==');
  for (const summary of summaries) for (const line of summary.lines) console.log(`${summary.backend}: ${line}`);
  console.log(
    `\nwhole run ${seconds(performance.now() - started)}${hasFailed() ? '; something did not work (above)' : ''}`,
  );
  if (hasFailed()) process.exitCode = 1;
}

await main();
