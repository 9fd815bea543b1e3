/**
 * Time from starting the server (`node dist/main.js`, built first as `npm start` does) on an existing PGlite data directory to
 * its first 200 on /healthz and on /api/v1/projects. Target: first answer ≤ 3 s.
 * Run: npx tsx bench/first-answer.ts [runs] [dataDir]
 * Without dataDir, a temporary one is prepared by one start of the server (which imports the sample).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/free-port.js';
import { compiledServerArgs } from './compiled-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PATHS = ['/healthz', '/api/v1/projects'] as const;
const START_TIMEOUT_MS = 120_000;
const POLL_MS = 10;

type Server = {
  child: ChildProcess;
  output: () => string;
  /** when the server printed its first line: node, tsx and the modules are loaded by then */
  firstOutputAt: () => number | undefined;
  exited: Promise<number | null>;
};

function startServer(port: number, dataDir: string): Server {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, compiledServerArgs(), { cwd: ROOT, env, stdio: 'pipe' });
  let output = '';
  let firstOutputAt: number | undefined;
  child.stdout?.on('data', (chunk: Buffer) => {
    firstOutputAt ??= performance.now();
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, firstOutputAt: () => firstOutputAt, exited };
}

/** Milliseconds from `start` until `url` answers 200; throws when the server exits or time runs out. */
async function waitFor200(url: string, start: number, server: Server): Promise<number> {
  while (performance.now() - start < START_TIMEOUT_MS) {
    if (server.child.exitCode !== null) throw new Error(`the server exited early:\n${server.output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - start;
    } catch {
      // not listening yet
    }
    await sleep(POLL_MS);
  }
  throw new Error(`no 200 from ${url} within ${START_TIMEOUT_MS} ms:\n${server.output()}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const code = await Promise.race([server.exited, sleep(15_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    server.child.kill('SIGKILL');
    await server.exited;
    console.log('  (the server did not stop within 15 s of SIGTERM: killed)');
  }
}

/** One start: milliseconds to the first 200 of each path, and to the server's first log line. */
async function measureStart(dataDir: string): Promise<{ answers: number[]; firstLog: number }> {
  const port = await freePort();
  const start = performance.now();
  const server = startServer(port, dataDir);
  try {
    const answers = await Promise.all(PATHS.map((p) => waitFor200(`http://127.0.0.1:${port}${p}`, start, server)));
    return { answers, firstLog: (server.firstOutputAt() ?? Number.NaN) - start };
  } finally {
    await stopServer(server);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  compiledServerArgs(); // build before anything is timed
  const runs = Math.max(1, Number(process.argv[2] ?? 5) || 5);
  const given = process.argv[3];
  const dataDir = given ? path.resolve(given) : mkdtempSync(path.join(tmpdir(), 'renkei-bench-start-'));
  try {
    if (!given || !existsSync(dataDir) || readdirSync(dataDir).length === 0) {
      const { answers } = await measureStart(dataDir);
      console.log(`prepared ${dataDir}: first start with the sample import answered in ${seconds(answers[1] ?? 0)}`);
    }
    console.log(`start → first 200, existing data directory, ${runs} runs (node ${process.version})`);
    const results: number[][] = [];
    for (let run = 1; run <= runs; run++) {
      const { answers, firstLog } = await measureStart(dataDir);
      results.push(answers);
      const line = PATHS.map((p, i) => `${p} ${seconds(answers[i] ?? 0)}`).join('  ');
      console.log(`run ${run}: ${line}  (first log line at ${seconds(firstLog)})`);
    }
    const medians = PATHS.map((_, i) => median(results.map((times) => times[i] ?? 0)));
    console.log(`median: ${PATHS.map((p, i) => `${p} ${seconds(medians[i] ?? 0)}`).join('  ')}  (target ≤ 3 s)`);
  } finally {
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
