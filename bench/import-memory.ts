/**
 * Peak memory (RSS) and wall time of `renkei import` of the sample into a fresh PGlite data directory,
 * measured on a child process. Run: npx tsx bench/import-memory.ts [runs] [document]
 * Peak RSS comes from GNU time (`/usr/bin/time -v`, the largest of the process and its children) when present,
 * else from sampling VmHWM in /proc for the child and its descendants every 20 ms.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'bin', 'renkei.js');
const GNU_TIME = '/usr/bin/time';

type Measurement = { exitCode: number | null; wallMs: number; peakRssKb: number; source: string; output: string };

/** Kilobytes of VmHWM (peak RSS) of a process, or 0 when it is gone. */
function readVmHwmKb(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(match?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function descendantsOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text !== '') children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process has exited between two reads
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

function runImport(document: string, dataDir: string, useGnuTime: boolean): Promise<Measurement> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const cli = [process.execPath, CLI, 'import', document];
  const timeReport = path.join(dataDir, '..', `${path.basename(dataDir)}.time`);
  const [command, ...args] = useGnuTime ? [GNU_TIME, '-v', '-o', timeReport, ...cli] : cli;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command ?? '', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    let sampledKb = 0;
    const sampler = setInterval(() => {
      if (child.pid === undefined) return;
      for (const pid of [child.pid, ...descendantsOf(child.pid)]) sampledKb = Math.max(sampledKb, readVmHwmKb(pid));
    }, 20);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearInterval(sampler);
      const wallMs = performance.now() - start;
      const report = useGnuTime && existsSync(timeReport) ? readFileSync(timeReport, 'utf8') : '';
      rmSync(timeReport, { force: true });
      const gnuKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? Number.NaN);
      const fromGnu = useGnuTime && Number.isFinite(gnuKb);
      resolve({
        exitCode,
        wallMs,
        peakRssKb: fromGnu ? gnuKb : sampledKb,
        source: fromGnu ? 'GNU time' : '/proc VmHWM, sampled',
        output,
      });
    });
  });
}

async function main(): Promise<void> {
  const runs = Math.max(1, Number(process.argv[2] ?? 3) || 3);
  const document = path.resolve(process.argv[3] ?? path.join(ROOT, 'samples', 'aomori-vision-r4-03.txt'));
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the benchmark runs \`renkei import\``);
  const useGnuTime = existsSync(GNU_TIME);
  console.log(`renkei import ${path.relative(ROOT, document)} into a fresh PGlite data directory, ${runs} runs`);
  for (let run = 1; run <= runs; run++) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'renkei-bench-import-'));
    try {
      const m = await runImport(document, dataDir, useGnuTime);
      const status = m.exitCode === 0 ? 'ok' : `FAILED (exit ${m.exitCode})`;
      const mb = (m.peakRssKb / 1024).toFixed(0);
      console.log(`run ${run}: ${status}  wall ${(m.wallMs / 1000).toFixed(2)} s  peak RSS ${mb} MB (${m.source})`);
      const said = m.output.trim().split('\n').at(-1) ?? '';
      if (run === 1 && m.exitCode === 0) console.log(`  renkei said: ${said}`);
      if (m.exitCode !== 0) {
        console.log(m.output.trim().split('\n').slice(-15).join('\n'));
        process.exitCode = 1;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

await main();
