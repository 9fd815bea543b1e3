/**
 * Speed of the public portal, in one run: requests/s and latency of `/projects` and of a project page at 50
 * concurrent connections, side by side with a bare `node:http` server sending the same bytes; page weights
 * (HTML, CSS, JavaScript); the server's peak RSS after the load; SQL statements per page request.
 * On PGlite (a fresh temporary data directory), then on PostgreSQL when BENCH_DATABASE_URL is set (a scratch
 * database is created through that server, migrated, filled and dropped at the end).
 * Targets (issue 3, item 9): app ≥ 50 % of the bare server's throughput, p99 ≤ 50 ms, ≤ 30 KB of JavaScript per
 * page, peak RSS ≤ 450 MB on PGlite and ≤ 150 MB on PostgreSQL.
 * Run: npx tsx bench/portal-bench.ts
 *      BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/portal-bench.ts
 * Exits non-zero only when something did not work (a page not 200, a request error); a missed target is printed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { freePort } from '../test/helpers/free-port.js';
import type { CapturedResponses } from './bare-server.js';
import { compiledServerArgs } from './compiled-server.js';
import type { QueryCountReport } from './count-queries.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'renkei.js');
const SAMPLE = path.join(ROOT, 'samples', 'aomori-vision-r4-03.txt');

const LOAD_PATHS = ['/projects', '/projects/5'] as const;
const PAGE_PATHS = [
  '/',
  '/matrix',
  '/projects',
  '/projects/5',
  '/municipalities/023078',
  '/findings',
  '/accessibility',
  '/assets/site.css',
] as const;
export const CONNECTIONS = 50;
export const WARMUP_S = 2;
export const MEASURE_S = 10;
/** the measured seconds are cut in slices run app, bare, bare, app, … so that drift on a noisy machine is shared */
export const SLICES = 2;
const HEADERS_TO_REPEAT = ['content-type', 'etag', 'cache-control'] as const;

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const TARGET_JS_BYTES = 30 * 1024;
const TARGET_RSS_MB = { PGlite: 450, PostgreSQL: 150 } as const;

const START_TIMEOUT_MS = 90_000;
const CLI_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
/** the whole run, both databases, is expected to take about 2½ minutes */
const WATCHDOG_MS = 6 * 60_000;

export type BackendName = keyof typeof TARGET_RSS_MB;
export type Backend = { name: BackendName; env: NodeJS.ProcessEnv };

// ---------------------------------------------------------------------------------------------------------------
// Child processes, cleanup

export type Child = { label: string; child: ChildProcess; output: () => string; exited: Promise<void> };

const liveChildren = new Set<Child>();
export const cleanups: Array<() => Promise<void> | void> = [];
let failed = false;

/** True once `fail` was called: something did not work. */
export const hasFailed = () => failed;

export function fail(message: string): void {
  failed = true;
  console.log(`  FAILED: ${message}`);
}

export function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'PORT', 'NODE_OPTIONS']) delete env[name];
  return { ...env, ...extra };
}

export function startChild(label: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const entry: Child = { label, child, output: () => output, exited };
  liveChildren.add(entry);
  void exited.then(() => liveChildren.delete(entry));
  return entry;
}

const hasExited = (c: Child) => c.child.exitCode !== null || c.child.signalCode !== null;

/** SIGTERM, then SIGKILL when the process has not exited within 10 s. */
export async function stopChild(c: Child): Promise<void> {
  if (hasExited(c)) return;
  c.child.kill('SIGTERM');
  const outcome = await Promise.race([c.exited.then(() => 'exited' as const), sleep(STOP_GRACE_MS)]);
  if (outcome !== 'exited') {
    console.log(`  (${c.label} did not stop within ${STOP_GRACE_MS / 1000} s of SIGTERM: killed)`);
    c.child.kill('SIGKILL');
    await c.exited;
  }
}

/** Runs `node <args>` to the end; resolves with its exit code and output. */
export async function runNode(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const c = startChild(label, args, env);
  const outcome = await Promise.race([c.exited.then(() => 'exited' as const), sleep(CLI_TIMEOUT_MS)]);
  if (outcome !== 'exited') {
    await stopChild(c);
    throw new Error(`${label} did not finish within ${CLI_TIMEOUT_MS / 1000} s:\n${c.output()}`);
  }
  return { code: c.child.exitCode, output: c.output() };
}

async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const { code, output } = await runNode(`renkei ${args[0]}`, [CLI, ...args], env);
  if (code !== 0) throw new Error(`renkei ${args.join(' ')} exited with ${code}:\n${output}`);
  return output.trim().split('\n').at(-1) ?? '';
}

export async function runCleanups(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.log(`  cleanup: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

process.once('exit', () => {
  for (const c of liveChildren) c.child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping`);
    void Promise.all([...liveChildren].map(stopChild))
      .then(runCleanups)
      .finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP on loopback

export type Raw = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** The exact bytes of a response (no Accept-Encoding, no connection reuse). */
export function rawGet(port: number, urlPath: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ host: '127.0.0.1', port, path: urlPath, agent: false, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${urlPath}: no answer within 10 s`)));
    request.on('error', reject);
  });
}

export async function waitFor200(port: number, urlPath: string, server: Child): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < START_TIMEOUT_MS) {
    if (hasExited(server)) throw new Error(`${server.label} exited early:\n${server.output()}`);
    try {
      if ((await rawGet(port, urlPath)).status === 200) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`no 200 from ${urlPath} within ${START_TIMEOUT_MS / 1000} s:\n${server.output()}`);
}

/**
 * Takes the app's exact bytes (and content-type, ETag, Cache-Control) of each path and serves them from
 * bare-server.ts in a child process, after checking that it sends the same bytes. Throws when a path does not
 * answer 200; the bare server is stopped then.
 */
export async function startBareCopy(
  appPort: number,
  paths: readonly string[],
  responsesFile: string,
): Promise<{ bare: Child; port: number }> {
  const captured: CapturedResponses = {};
  for (const urlPath of paths) {
    const first = await rawGet(appPort, urlPath);
    if (first.status !== 200) throw new Error(`GET ${urlPath} answered ${first.status}:\n${first.body.toString()}`);
    const again = await rawGet(appPort, urlPath);
    if (!again.body.equals(first.body)) console.log(`  note: two GET ${urlPath} gave different bytes`);
    const headers: Record<string, string> = {};
    for (const name of HEADERS_TO_REPEAT) {
      const value = first.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    captured[urlPath] = { headers, bodyBase64: first.body.toString('base64') };
  }
  writeFileSync(responsesFile, JSON.stringify(captured));
  const bare = startChild('bare server', ['--import', 'tsx', path.join('bench', 'bare-server.ts'), responsesFile], {
    ...childEnv({}),
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the bare server did not start within 30 s')), 30_000);
      bare.child.stdout?.on('data', (chunk: Buffer) => {
        const port = /listening (\d+)/.exec(chunk.toString())?.[1];
        if (port) {
          clearTimeout(timer);
          resolve(Number(port));
        }
      });
      bare.child.once('exit', () => reject(new Error(`the bare server exited:\n${bare.output()}`)));
    });
    for (const urlPath of paths) {
      const fromBare = await rawGet(port, urlPath);
      const same = fromBare.body.equals(Buffer.from(captured[urlPath]?.bodyBase64 ?? '', 'base64'));
      if (!same || fromBare.headers['content-type'] !== captured[urlPath]?.headers['content-type']) {
        throw new Error(`the bare server does not send the app's bytes for ${urlPath}`);
      }
    }
    return { bare, port };
  } catch (error) {
    await stopChild(bare);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Setup of the two databases

export async function preparePglite(): Promise<Backend> {
  const dir = mkdtempSync(path.join(tmpdir(), 'renkei-bench-portal-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = childEnv({ DATA_DIR: path.join(dir, 'data') });
  const start = performance.now();
  const said = await runCli(['import', SAMPLE], env);
  console.log(`prepared a PGlite data directory in ${seconds(performance.now() - start)}: ${said}`);
  return { name: 'PGlite', env };
}

export async function preparePostgres(baseUrl: string): Promise<Backend> {
  const base = new URL(baseUrl);
  const name = `renkei_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: baseUrl });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end();
    }
  });
  const url = new URL(base.href);
  url.pathname = `/${name}`;
  const env = childEnv({ DATABASE_URL: url.href });
  const start = performance.now();
  await runCli(['migrate'], env);
  const said = await runCli(['import', SAMPLE], env);
  console.log(`prepared PostgreSQL database ${name} on ${base.host} in ${seconds(performance.now() - start)}: ${said}`);
  return { name: 'PostgreSQL', env };
}

// ---------------------------------------------------------------------------------------------------------------
// Load

export type Target = 'app' | 'bare';
export type Tally = { seconds: number; requests: number; errors: number; non2xx: number; latencies: number[] };

const emptyTally = (): Tally => ({ seconds: 0, requests: 0, errors: 0, non2xx: 0, latencies: [] });

async function load(url: string, duration: number, tally?: Tally): Promise<Result> {
  const instance = autocannon({ url, connections: CONNECTIONS, duration });
  if (tally) instance.on('response', (_client, _status, _bytes, ms) => tally.latencies.push(ms));
  const result = await instance;
  if (tally) {
    tally.seconds += result.duration;
    tally.requests += result.requests.total;
    tally.errors += result.errors + result.timeouts;
    tally.non2xx += result.non2xx;
  }
  return result;
}

/** Warm-up of both, then MEASURE_S seconds each in slices ordered app, bare, bare, app (or the mirror). */
export async function loadPath(urls: Record<Target, string>, appFirst: boolean): Promise<Record<Target, Tally>> {
  const tallies: Record<Target, Tally> = { app: emptyTally(), bare: emptyTally() };
  const [first, second]: [Target, Target] = appFirst ? ['app', 'bare'] : ['bare', 'app'];
  for (const target of [first, second]) await load(urls[target], WARMUP_S);
  const slice = MEASURE_S / SLICES;
  for (let i = 0; i < SLICES; i++) {
    const order = i % 2 === 0 ? [first, second] : [second, first];
    for (const target of order) await load(urls[target], slice, tallies[target]);
  }
  return tallies;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export type LoadFigures = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

export function figures(tally: Tally): LoadFigures {
  const sorted = Float64Array.from(tally.latencies).sort();
  return {
    rps: tally.requests / tally.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: tally.errors,
    non2xx: tally.non2xx,
  };
}

/** Loads each path on the app and on the bare server (alternating who goes first) and prints the table. */
export async function compareWithBare(
  paths: readonly string[],
  appPort: number,
  barePort: number,
): Promise<{ urlPath: string; app: LoadFigures; bare: LoadFigures; ratio: number }[]> {
  console.log(
    `\nload: ${CONNECTIONS} connections, warm-up ${WARMUP_S} s, then ${MEASURE_S} s measured per server ` +
      `in ${SLICES * 2} alternating slices of ${MEASURE_S / SLICES} s (autocannon ${autocannonVersion()}, in this process)`,
  );
  const rows: string[][] = [];
  const results = [];
  for (const [index, urlPath] of paths.entries()) {
    const urls = { app: `http://127.0.0.1:${appPort}${urlPath}`, bare: `http://127.0.0.1:${barePort}${urlPath}` };
    const tallies = await loadPath(urls, index % 2 === 0);
    const app = figures(tallies.app);
    const bare = figures(tallies.bare);
    const ratio = app.rps / bare.rps;
    for (const [target, f] of [
      ['app', app],
      ['bare node:http', bare],
    ] as const) {
      rows.push([
        urlPath,
        target,
        f.rps.toFixed(0),
        f.p50.toFixed(2),
        f.p99.toFixed(2),
        `${f.errors}/${f.non2xx}`,
        target === 'app' ? `${(ratio * 100).toFixed(0)} %` : '',
      ]);
      if (f.errors > 0 || f.non2xx > 0) fail(`${target} ${urlPath}: ${f.errors} errors, ${f.non2xx} non-2xx`);
    }
    results.push({ urlPath, app, bare, ratio });
  }
  table(['path', 'server', 'req/s (mean)', 'p50 ms', 'p99 ms', 'errors/non-2xx', 'app/bare'], rows, [2, 3, 4, 5, 6]);
  return results;
}

// ---------------------------------------------------------------------------------------------------------------
// Page weights

type Weight = { path: string; status: number; bytes: number; gzip: number; scripts: number; jsBytes: number };

/** Bytes of JavaScript a page loads: inline scripts and external ones (fetched); JSON data blocks are not code. */
async function javascriptOf(html: string, port: number): Promise<{ scripts: number; jsBytes: number }> {
  let scripts = 0;
  let jsBytes = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    scripts++;
    const attributes = match[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !/javascript|ecmascript|^module$/.test(type)) continue;
    const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1];
    if (src === undefined) {
      jsBytes += Buffer.byteLength(match[2] ?? '');
    } else {
      const url = new URL(src, `http://127.0.0.1:${port}/`);
      jsBytes += url.host === `127.0.0.1:${port}` ? (await rawGet(port, url.pathname + url.search)).body.length : 0;
    }
  }
  // an unclosed tag still counts as a script
  const opened = html.match(/<script\b/gi)?.length ?? 0;
  return { scripts: Math.max(scripts, opened), jsBytes };
}

async function pageWeights(port: number): Promise<Weight[]> {
  const weights: Weight[] = [];
  for (const urlPath of PAGE_PATHS) {
    const { status, headers, body } = await rawGet(port, urlPath);
    const isHtml = String(headers['content-type'] ?? '').includes('text/html');
    const js = isHtml ? await javascriptOf(body.toString('utf8'), port) : { scripts: 0, jsBytes: 0 };
    weights.push({ path: urlPath, status, bytes: body.length, gzip: gzipSync(body).length, ...js });
  }
  return weights;
}

// ---------------------------------------------------------------------------------------------------------------
// Memory

export function readMemoryMb(pid: number): { hwm: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
}

// ---------------------------------------------------------------------------------------------------------------
// Printing

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function table(header: string[], rows: string[][], rightAligned: number[] = []): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}

type Summary = { backend: BackendName; lines: string[] };

// ---------------------------------------------------------------------------------------------------------------
// One backend

/** Starts the server as `npm start` runs it, on a free port, with the backend's environment. */
export async function startAppServer(backend: Backend, fixedPort?: number): Promise<{ app: Child; port: number }> {
  const port = fixedPort ?? (await freePort());
  const app = startChild(`app server (${backend.name})`, compiledServerArgs(), { ...backend.env, PORT: String(port) });
  return { app, port };
}

async function benchBackend(backend: Backend, dir: string): Promise<Summary> {
  const summary: Summary = { backend: backend.name, lines: [] };
  console.log(`\n== ${backend.name} ==`);

  const { app, port: appPort } = await startAppServer(backend);
  let bare: Child | undefined;
  try {
    const ready = await waitFor200(appPort, '/healthz', app);
    const atStart = readMemoryMb(app.child.pid ?? 0);
    console.log(
      `app server (pid ${app.child.pid}) answered /healthz after ${seconds(ready)}; VmRSS ${atStart.rss.toFixed(0)} MB then`,
    );

    const started = await startBareCopy(appPort, LOAD_PATHS, path.join(dir, `responses-${backend.name}.json`));
    bare = started.bare;
    const barePort = started.port;
    console.log(`bare node:http server (pid ${bare.child.pid}) sends the same bytes and content-type`);

    // page weights (before the load, so that the peak RSS read after it covers every page rendered)
    console.log('\npage weights (one GET each, no compression on the wire; gzip shown for reference)');
    const weights = await pageWeights(appPort);
    table(
      ['path', 'status', 'bytes', 'size', 'gzip', '<script> tags', 'JS bytes', `JS ≤ ${kb(TARGET_JS_BYTES)}`],
      weights.map((w) => [
        w.path,
        String(w.status),
        String(w.bytes),
        kb(w.bytes),
        kb(w.gzip),
        String(w.scripts),
        String(w.jsBytes),
        verdict(w.jsBytes <= TARGET_JS_BYTES),
      ]),
      [1, 2, 3, 4, 5, 6],
    );
    for (const w of weights) if (w.status !== 200) fail(`GET ${w.path} answered ${w.status}`);
    const maxJs = Math.max(...weights.map((w) => w.jsBytes));
    summary.lines.push(
      `JavaScript per page ≤ ${kb(TARGET_JS_BYTES)}: max ${maxJs} bytes  ${verdict(maxJs <= TARGET_JS_BYTES)}`,
    );

    // load
    for (const { urlPath, app: f, ratio } of await compareWithBare(LOAD_PATHS, appPort, barePort)) {
      summary.lines.push(
        `${urlPath}: throughput ${(ratio * 100).toFixed(0)} % of bare (target ≥ ${TARGET_RATIO * 100} %)  ${verdict(ratio >= TARGET_RATIO)};` +
          ` p99 ${f.p99.toFixed(2)} ms (target ≤ ${TARGET_P99_MS} ms)  ${verdict(f.p99 <= TARGET_P99_MS)}`,
      );
    }

    // memory, read before the server stops
    const pid = app.child.pid ?? 0;
    const memory = readMemoryMb(pid);
    const rssTarget = TARGET_RSS_MB[backend.name];
    console.log(
      `\napp server memory after the load (/proc/${pid}/status): peak VmHWM ${memory.hwm.toFixed(0)} MB, ` +
        `VmRSS ${memory.rss.toFixed(0)} MB (target ≤ ${rssTarget} MB; VmRSS was ${atStart.rss.toFixed(0)} MB after start)`,
    );
    summary.lines.push(
      `peak RSS (VmHWM) ${memory.hwm.toFixed(0)} MB, VmRSS ${memory.rss.toFixed(0)} MB (target ≤ ${rssTarget} MB)  ${verdict(memory.hwm <= rssTarget)}`,
    );
  } finally {
    await Promise.all([stopChild(app), bare ? stopChild(bare) : Promise.resolve()]);
    if (app.child.exitCode !== 0 && app.child.exitCode !== null) {
      console.log(`  note: the app server exited with ${app.child.exitCode}`);
    }
  }

  // statements per request (after the server stopped: a PGlite data directory has one user at a time)
  const counted = await runNode(
    'count-queries',
    ['--import', 'tsx', path.join('bench', 'count-queries.ts'), ...PAGE_PATHS.slice(0, -1)],
    backend.env,
  );
  const json = counted.output.trim().split('\n').at(-1) ?? '';
  if (counted.code === 0 && json.startsWith('{')) {
    const report = JSON.parse(json) as QueryCountReport;
    console.log(
      '\nSQL statements per request (the app in process with a counting Kysely plugin; 1st request, then 2 more)',
    );
    table(
      ['path', 'status', '1st', '2nd', '3rd', 'tables on a cached page'],
      report.paths.map((p) => [p.path, String(p.status), ...p.queries.map(String), p.tables.join(', ')]),
      [1, 2, 3, 4],
    );
  } else {
    console.log(
      `\nSQL statements per request: not counted (${counted.output.trim().split('\n').slice(-3).join(' / ')})`,
    );
  }
  return summary;
}

export function autocannonVersion(): string {
  const file = path.join(ROOT, 'node_modules', 'autocannon', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Starts a benchmark run: a watchdog that stops it, the machine line, and a temporary folder removed at the end. */
export function startRun(title: string, watchdogMs: number): { started: number; dir: string } {
  const watchdog = setTimeout(() => {
    console.log(`\nthe run took more than ${watchdogMs / 60_000} min: stopping`);
    process.kill(process.pid, 'SIGTERM');
  }, watchdogMs);
  watchdog.unref();
  const started = performance.now();
  const [load1, load5] = loadavg();
  console.log(
    `${title}: node ${process.version}, ${cpus().length} CPUs, load average ${load1?.toFixed(2)} / ${load5?.toFixed(2)}`,
  );
  const dir = mkdtempSync(path.join(tmpdir(), `renkei-bench-${title.split(' ')[0]?.toLowerCase()}-run-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { started, dir };
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  compiledServerArgs(); // build before anything is timed
  const { started, dir } = startRun('portal benchmark', WATCHDOG_MS);
  const summaries: Summary[] = [];
  try {
    summaries.push(await benchBackend(await preparePglite(), dir));
    const postgresUrl = process.env.BENCH_DATABASE_URL;
    if (postgresUrl) {
      summaries.push(await benchBackend(await preparePostgres(postgresUrl), dir));
    } else {
      console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://user@127.0.0.1:5432/db to include it)');
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await runCleanups();
  }
  console.log('\n== targets ==');
  for (const summary of summaries) for (const line of summary.lines) console.log(`${summary.backend}: ${line}`);
  console.log(`\nwhole run ${seconds(performance.now() - started)}${failed ? '; something did not work (above)' : ''}`);
  if (failed) process.exitCode = 1;
}

// run when started (npx tsx bench/portal-bench.ts), not when bench/api-bench.ts imports the helpers above
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
