/**
 * No request starves the others (issue 7, item 10): one route at a time is loaded with 100 connections (autocannon,
 * in this process, asking for gzip as browsers do) while probes in a worker thread ask for `/healthz` and a project
 * page every 20 ms, each on a keep-alive connection opened before the load starts, and `/healthz` once more on a
 * new connection each time.
 * Prints each probe's p50, p99 and max beside the loaded route's throughput, and the same probes on an idle server
 * first. Target: `/healthz` and pages p99 ≤ 100 ms whichever route is under load, for the keep-alive probes. The
 * new-connection probe is reported, not judged: Node accepts one connection per event-loop turn (libuv ≥ 1.45), so
 * one opened in the same instant as the load's 100 waits for all of them to be accepted (bench/README.md).
 * The server runs as `npm start` runs it, on a fresh PGlite data directory with the sample imported (PostgreSQL too
 * with BENCH_DATABASE_URL).
 *
 *   npx tsx bench/starvation-bench.ts [seconds per route]   (default 10)
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import autocannon, { type Result } from 'autocannon';
import {
  type Backend,
  preparePglite,
  preparePostgres,
  rawGet,
  runCleanups,
  startAppServer,
  stopChild,
  waitFor200,
} from './portal-bench.js';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 100;
const PROBE_EVERY_MS = 20;
const TARGET_P99_MS = 100;
/** Visitors already connected (keep-alive), and one who opens a new connection for every request. */
const PROBES = [
  { label: '/healthz', path: '/healthz', newConnection: false },
  { label: '/projects/5', path: '/projects/5', newConnection: false },
  { label: '/healthz (new connection each time)', path: '/healthz', newConnection: true },
] as const;

type ProbeFigures = { p50: number; p99: number; max: number; count: number; failed: number };

/**
 * The probes run in a worker thread, on an event loop of their own: in this thread autocannon's work would delay
 * them and count as the server's. Each GETs its path every PROBE_EVERY_MS until told to stop, then posts its
 * latencies (ms) and how many answers were not 200. The keep-alive probes are visitors already on the site: each
 * opens its connection with one untimed request, and the worker posts 'ready' once all have, before any load
 * starts. The new-connection probe opens a TCP connection for every request, as a new visitor does. Plain
 * JavaScript (`eval`).
 */
const PROBE_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require('node:http');
let done = false;
parentPort.on('message', () => { done = true; });
const get = (path, agent) => new Promise((resolve) => {
  const req = request({ host: '127.0.0.1', port: workerData.port, path, agent }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', () => resolve(0));
  req.end();
});
const probe = async ({ path, newConnection }, connected) => {
  const agent = newConnection ? false : new Agent({ keepAlive: true, maxSockets: 1 });
  if (!newConnection) await get(path, agent);
  await connected(); // every probe starts timing together, after the keep-alive ones are connected
  const latencies = [];
  let failed = 0;
  while (!done) {
    const start = performance.now();
    const status = await get(path, agent);
    latencies.push(performance.now() - start);
    if (status !== 200) failed++;
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
  }
  if (agent) agent.destroy();
  return { latencies, failed };
};
let waiting = workerData.probes.length;
let allConnected;
const connectedAll = new Promise((resolve) => { allConnected = resolve; });
const connected = () => {
  if (--waiting === 0) { parentPort.postMessage('ready'); allConnected(); }
  return connectedAll;
};
Promise.all(workerData.probes.map((p) => probe(p, connected))).then((results) => parentPort.postMessage(results));
`;

function figuresOf({ latencies, failed }: { latencies: number[]; failed: number }): ProbeFigures {
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return { p50: at(50), p99: at(99), max: sorted.at(-1) ?? Number.NaN, count: sorted.length, failed };
}

/** The routes to load: pages, the API, the open-data page and one of its files (found on the pages). */
async function hotRoutes(port: number): Promise<string[]> {
  let page = '/downloads';
  for (let hops = 0; hops < 3; hops++) {
    const html = (await rawGet(port, page)).body.toString('utf8');
    const file = /href="(\/downloads\/[^"]+\.csv)"/.exec(html)?.[1];
    if (file) return [file, '/downloads', '/projects', '/projects/5', '/api/v1/projects', '/api/v1/vision', '/matrix'];
    page = /href="(\/downloads\/[^"]+)"/.exec(html)?.[1] ?? page;
  }
  throw new Error('no open-data file linked from /downloads');
}

const meetsTarget = (figures: ProbeFigures) => figures.p99 <= TARGET_P99_MS && figures.failed === 0;

function line(probe: (typeof PROBES)[number], figures: ProbeFigures): string {
  const label = probe.label;
  const verdict = probe.newConnection ? '(reported)' : meetsTarget(figures) ? 'PASS' : 'FAIL';
  return `    ${label.padEnd(36)} p50 ${figures.p50.toFixed(1).padStart(6)} ms  p99 ${figures.p99.toFixed(1).padStart(6)} ms  max ${figures.max.toFixed(1).padStart(7)} ms  (${figures.count} probes, ${figures.failed} not 200)  ${verdict}`;
}

/** Starts the probes, then the load once they are connected; resolves with their figures when the load ends. */
async function probeWhile(port: number, startLoad: () => Promise<unknown>): Promise<ProbeFigures[]> {
  const worker = new Worker(PROBE_WORKER, {
    eval: true,
    workerData: { port, probes: PROBES, everyMs: PROBE_EVERY_MS },
  });
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  await ready;
  const results = new Promise<{ latencies: number[]; failed: number }[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await startLoad();
  worker.postMessage('stop');
  const figures = (await results).map(figuresOf);
  await worker.terminate();
  return figures;
}

async function bench(backend: Backend): Promise<boolean> {
  console.log(`\n== ${backend.name}: ${CONNECTIONS} connections on one route for ${SECONDS} s at a time ==`);
  const { app, port } = await startAppServer(backend);
  let ok = true;
  try {
    await waitFor200(port, '/healthz', app);
    const routes = await hotRoutes(port);
    for (const path of [...routes, ...PROBES.map((p) => p.path)]) await rawGet(port, path); // caches filled, as after any first visit
    console.log('  idle server:');
    const idle = await probeWhile(port, () => sleep(Math.min(SECONDS, 5) * 1000));
    for (const [i, probe] of PROBES.entries()) console.log(line(probe, idle[i] as ProbeFigures));
    for (const route of routes) {
      // as browsers ask: the API and open-data answers are then gzipped per request
      let result: Result | undefined;
      const figures = await probeWhile(port, async () => {
        result = await autocannon({
          url: `http://127.0.0.1:${port}${route}`,
          connections: CONNECTIONS,
          duration: SECONDS,
          headers: { 'accept-encoding': 'gzip' },
        });
      });
      if (!result) throw new Error(`no autocannon result for ${route}`);
      const rps = result.requests.total / result.duration;
      console.log(
        `  under load: ${route} (${rps.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ${result.non2xx} not 2xx, ${result.errors + result.timeouts} errors)`,
      );
      for (const [i, probe] of PROBES.entries()) {
        const f = figures[i] as ProbeFigures;
        if (!probe.newConnection) ok &&= meetsTarget(f);
        console.log(line(probe, f));
      }
    }
  } finally {
    await stopChild(app);
  }
  return ok;
}

try {
  let ok = await bench(await preparePglite());
  const url = process.env.BENCH_DATABASE_URL;
  if (url) ok = (await bench(await preparePostgres(url))) && ok;
  else console.log('\n(PostgreSQL: set BENCH_DATABASE_URL to run it too)');
  console.log(`\ntarget p99 ≤ ${TARGET_P99_MS} ms for every keep-alive probe: ${ok ? 'met' : 'missed'}`);
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (figures move with the machine's load)`,
  );
} finally {
  await runCleanups();
}
