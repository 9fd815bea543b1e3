import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { compiledServerArgs } from './compiled-server.js';
import type { QueryCountReport } from './count-queries.js';
import {
  type Backend,
  type Child,
  compareWithBare,
  fail,
  hasFailed,
  preparePglite,
  preparePostgres,
  rawGet,
  readMemoryMb,
  runCleanups,
  runNode,
  seconds,
  startAppServer,
  startBareCopy,
  startRun,
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
  const { app, port: appPort } = await startAppServer(backend);
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
  compiledServerArgs(); // build before anything is timed
  const { started, dir } = startRun('API benchmark', WATCHDOG_MS);
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
