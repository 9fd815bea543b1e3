/** Timing and printing for the national benchmarks. */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_ADMIN_URL, type EngineName } from './national-db.js';

export type Timing = { median: number; p95: number; p99: number; min: number; max: number; runs: number };

/** `warmup` unmeasured runs, then `runs` measured ones; milliseconds. Returns the last result too. */
export async function timeRuns<T>(
  run: () => Promise<T>,
  options: { warmup?: number; runs?: number } = {},
): Promise<{ timing: Timing; result: T }> {
  let result = await run();
  for (let i = 1; i < (options.warmup ?? 2); i++) result = await run();
  const times: number[] = [];
  for (let i = 0; i < (options.runs ?? 15); i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  return { timing: summarize(times), result };
}

export function summarize(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return {
    median: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    runs: sorted.length,
  };
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

/** A plain text table; `numeric` columns are right-aligned. Japanese text counts two columns a character. */
export function printTable(header: string[], rows: string[][], numeric: number[] = []): void {
  const width = (s: string) => [...s].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return numeric.includes(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  console.log(`  ${line(header)}`);
  console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(`  ${line(row)}`);
}

export type BenchArgs = { seed: number; engines: EngineName[]; adminUrl: string; runs: number; seconds: number };

/**
 * Command line of both national benchmarks: `--seed N` (1), `--engines pglite,postgresql` (both), `--runs N`
 * (15 timed runs per read), `--seconds N` (10 s of load per group). PostgreSQL: BENCH_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres; a scratch database is created and dropped there.
 */
export function readBenchArgs(): BenchArgs {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      engines: { type: 'string' },
      runs: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const engines = (values.engines ?? 'pglite,postgresql').split(',').map((e) => {
    if (e === 'pglite') return 'PGlite' as const;
    if (e === 'postgresql') return 'PostgreSQL' as const;
    throw new Error(`unknown engine ${e}: pglite or postgresql`);
  });
  return {
    seed: Number(values.seed ?? 1),
    engines,
    adminUrl: process.env.BENCH_DATABASE_URL || DEFAULT_ADMIN_URL,
    runs: Number(values.runs ?? 15),
    seconds: Number(values.seconds ?? 10),
  };
}

/** The database server's address without credentials, for the printed figures. */
export function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}
