/**
 * The council report's figures (issue 9): time to read the year (load + assess every year up to it + opinions)
 * and to write HTML, xlsx and PDF, for the sample's 55 projects with a year of results and for a 10× synthetic
 * vision, on PGlite in this process; the peak RSS of this process after each size (Chromium, which prints the
 * PDF, is a separate process and is not counted in it).
 * Run: npx tsx bench/report-bench.ts [runs]
 */
import { performance } from 'node:perf_hooks';
import {
  type ReportFormat,
  readCouncilReport,
  renderCouncilReport,
} from '../src/service/council-report/council-report-file.js';
import { fillYearResults } from '../test/helpers/fill-year-results.js';
import { median, openBenchVision } from './open-bench-vision.js';

const runs = Number(process.argv[2] ?? 3);
const megabytes = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

async function measure(factor: number): Promise<void> {
  const { database, areaSlug } = await openBenchVision(factor);
  const db = database.db;
  try {
    const fiscalYear = 2021;
    await fillYearResults(db, { areaSlug, fiscalYear, rules: true });
    const times: Record<'read' | ReportFormat, number[]> = { read: [], html: [], xlsx: [], pdf: [] };
    const sizes: Partial<Record<ReportFormat, number>> = {};
    let projects = 0;
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      const report = await readCouncilReport(db, { areaSlug, fiscalYear, audience: 'staff' });
      times.read.push(performance.now() - started);
      projects = report.projects.length;
      // Chromium's print is the slow part: one PDF per size is enough for its figure
      for (const format of run === 0 ? (['html', 'xlsx', 'pdf'] as const) : (['html', 'xlsx'] as const)) {
        started = performance.now();
        sizes[format] = (await renderCouncilReport(report, format)).byteLength;
        times[format].push(performance.now() - started);
      }
    }
    const figure = (format: ReportFormat) =>
      `${format} ${median(times[format]).toFixed(0)} ms (${((sizes[format] ?? 0) / 1024).toFixed(0)} KB)`;
    console.log(
      [
        `${String(factor).padStart(2)}× (${projects} projects)`,
        `read ${median(times.read).toFixed(0)} ms`,
        figure('html'),
        figure('xlsx'),
        figure('pdf'),
        `peak RSS so far ${megabytes(process.resourceUsage().maxRSS)}`,
      ].join(' | '),
    );
  } finally {
    await database.close();
  }
}

console.log(`council report on PGlite in process, ${runs} runs (PDF: 1 run), medians`);
for (const factor of [1, 10]) await measure(factor);
console.log(`peak RSS of this process: ${megabytes(process.resourceUsage().maxRSS)}`);
