/**
 * First start on an empty PGlite data directory, side by side: today's path (initdb, forced with
 * RENKEI_PREPARED_DATA_DIR=off) and the prepared data directory (the build's cluster, copied into the empty directory).
 * Measures the time from spawning `node dist/cli/main.js serve` to its first 200 on /healthz, and the server's peak
 * RSS (VmHWM from /proc/PID/status, read after that answer). Targets (issue 7, item 9): ≤ 2 s and ≤ 450 MB.
 * `serve` does not import the sample, so the figures are the cost of making the database alone.
 * Run: npx tsx bench/fresh-start.ts [runs]   (default 3 runs of each path, alternating)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/helpers/free-port.js';
import { compiledServerArgs } from './compiled-server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIMEOUT_MS = 120_000;
type Path = 'initdb' | 'prepared';
type Figures = { answerMs: number; hwmKb: number; origin: string };

function vmHwmKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
}

async function measure(mode: Path): Promise<Figures> {
  compiledServerArgs(); // builds (and prepares the snapshot) before anything is timed
  const dataDir = mkdtempSync(path.join(tmpdir(), 'renkei-fresh-start-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    RENKEI_PREPARED_DATA_DIR: mode === 'initdb' ? 'off' : 'on',
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  const start = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['dist/cli/main.js', 'serve', '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    let answerMs = Number.NaN;
    while (performance.now() - start < TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) {
        answerMs = performance.now() - start;
        break;
      }
      await sleep(10);
    }
    if (Number.isNaN(answerMs)) throw new Error(`no answer within ${TIMEOUT_MS} ms:\n${output}`);
    const hwmKb = vmHwmKb(child.pid as number);
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`the server exited with ${code} after SIGTERM:\n${output}`);
    const origin = /初期データから/.test(output) ? 'prepared' : /initdb/.test(output) ? 'initdb' : '?';
    return { answerMs, hwmKb, origin };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const runs = Number(process.argv[2] ?? 3);
const results: Record<Path, Figures[]> = { initdb: [], prepared: [] };
console.log(`first start on an empty data directory, ${runs} runs each (node ${process.version})`);
for (let run = 1; run <= runs; run++) {
  for (const mode of ['initdb', 'prepared'] as const) {
    const figures = await measure(mode);
    if (figures.origin !== mode) throw new Error(`expected the ${mode} path, the server took ${figures.origin}`);
    results[mode].push(figures);
    console.log(
      `run ${run} ${mode.padEnd(8)}: first answer ${(figures.answerMs / 1000).toFixed(2)} s, ` +
        `peak RSS ${(figures.hwmKb / 1024).toFixed(0)} MB`,
    );
  }
}
for (const mode of ['initdb', 'prepared'] as const) {
  const answer = median(results[mode].map((f) => f.answerMs)) / 1000;
  const hwm = Math.max(...results[mode].map((f) => f.hwmKb)) / 1024;
  const verdict = mode === 'prepared' ? `  ${answer <= 2 && hwm <= 450 ? 'PASS' : 'FAIL'} (≤ 2 s, ≤ 450 MB)` : '';
  console.log(
    `${mode.padEnd(8)}: median first answer ${answer.toFixed(2)} s, max peak RSS ${hwm.toFixed(0)} MB${verdict}`,
  );
}
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`load average at the end: ${load} (figures move with the machine's load)`);
