/**
 * Parse time of the sample document and of synthetic documents with 10× and 100× its projects.
 * Run: npx tsx bench/parse-bench.ts [runs]   (targets: seed ≤ 20 ms median; time per project flat)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../src/import/parse-document.js';
import { buildSyntheticDocument } from './synthetic-document.js';

const SEED_PATH = new URL('../samples/aomori-vision-r4-03.txt', import.meta.url);
const FACTORS = [1, 10, 100];
/** Warm-up: at least this many runs and this long, so that the JIT has settled before timing. */
const WARM_UP = { runs: 5, ms: 2000 };

type Stats = { median: number; p90: number; min: number };

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

function measure(text: string, runs: number): Stats {
  const warmUpEnd = performance.now() + WARM_UP.ms;
  for (let i = 0; i < WARM_UP.runs || performance.now() < warmUpEnd; i++) parseDocument(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    parseDocument(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p90: quantile(times, 0.9), min: times[0] ?? Number.NaN };
}

const ms = (value: number, digits = 2) => `${value.toFixed(digits)} ms`;

function main(): void {
  const runs = Math.max(20, Number(process.argv[2] ?? 20) || 20);
  const seed = readFileSync(SEED_PATH, 'utf8');
  const seedProjects = parseDocument(seed).vision.projects.length;
  console.log(
    `parseDocument: ${runs} timed runs after ≥ ${WARM_UP.runs} runs / ${WARM_UP.ms} ms of warm-up, node ${process.version}`,
  );
  console.log('size   lines   projects (expected)  median      p90         min         per project  growth');
  let previous: { projects: number; median: number } | undefined;
  for (const factor of FACTORS) {
    const text = factor === 1 ? seed : buildSyntheticDocument(seed, factor);
    const result = parseDocument(text);
    const projects = result.vision.projects.length;
    const expected = seedProjects * factor;
    const stats = measure(text, runs);
    const perProject = stats.median / projects;
    const growth = previous
      ? `×${(projects / previous.projects).toFixed(0)} projects → ×${(stats.median / previous.median).toFixed(1)} time`
      : '';
    previous = { projects, median: stats.median };
    const check = projects === expected ? 'ok' : 'MISMATCH';
    console.log(
      [
        `${factor}×`.padEnd(6),
        String(text.split('\n').length).padEnd(7),
        `${projects} (${expected} ${check})`.padEnd(20),
        ms(stats.median).padEnd(11),
        ms(stats.p90).padEnd(11),
        ms(stats.min).padEnd(11),
        ms(perProject, 4).padEnd(12),
        growth,
      ].join(' '),
    );
    if (projects !== expected) process.exitCode = 1;
  }
  console.log('Linear growth: time per project stays flat, and ×10 projects cost about ×10 time.');
}

main();
