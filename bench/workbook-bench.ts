import { performance } from 'node:perf_hooks';
import { operatorActor } from '../src/domain/access-policy.js';
import { formatEntryWorkbook } from '../src/report/format-entry-workbook.js';
import { applyWorkbookImport } from '../src/service/results/apply-workbook-import.js';
import { buildEntryWorkbook } from '../src/service/results/build-entry-workbook.js';
import { loadAreaResults } from '../src/service/results/load-area-results.js';
import { planWorkbookImport } from '../src/service/results/plan-workbook-import.js';
import { openEntryWorkbook } from '../test/helpers/fill-entry-workbook.js';
import { median, openBenchVision } from './open-bench-vision.js';

const runs = Number(process.argv[2] ?? 3);
const operator = operatorActor('cli');

/** Every input cell of the workbook given a new value (amounts, totals, KPI actuals), as a town would. */
async function fillEverything(bytes: Uint8Array, run: number): Promise<{ bytes: Uint8Array; cells: number }> {
  const book = await openEntryWorkbook(bytes);
  let cells = 0;
  for (const [kind, key] of [
    ['parts', 'amount'],
    ['projects', 'actualTotal'],
    ['kpis', 'actual'],
  ] as const) {
    const sheet = book.sheetOf(kind);
    for (let n = 0; n < sheet.rowCount - 3; n += 1) {
      book.set(kind, book.idAt(kind, n), key, `${100 + run}`);
      cells += 1;
    }
  }
  return { bytes: await book.save(), cells };
}

async function measure(factor: number): Promise<void> {
  const { database, areaSlug } = await openBenchVision(factor);
  const results = await loadAreaResults(database.db, { areaSlug, audience: 'staff' });
  const fiscalYear = results.vision.plan.fiscalYears[2] ?? 0;
  const db = database.db;
  try {
    const central = results.municipalities.find((m) => m.isCentralCity);
    const request = { areaSlug, fiscalYear, municipalityCode: central?.code ?? '' };
    const makeTimes: number[] = [];
    const importTimes: number[] = [];
    let size = 0;
    let cells = 0;
    for (let run = 0; run < runs; run += 1) {
      const made = performance.now();
      const out = await formatEntryWorkbook(await buildEntryWorkbook(db, operator, request));
      makeTimes.push(performance.now() - made);
      const filled = await fillEverything(out, run);
      size = filled.bytes.length;
      cells = filled.cells;
      const started = performance.now();
      const plan = await planWorkbookImport(db, operator, {
        fileName: 'filled.xlsx',
        bytes: filled.bytes,
        expect: request,
        approve: true,
      });
      const { changed } = await applyWorkbookImport(db, operator, plan, { approve: true });
      importTimes.push(performance.now() - started);
      if (changed !== cells) throw new Error(`${changed} changes for ${cells} cells`);
    }
    console.log(
      [
        `${String(factor).padStart(2)}× (${results.vision.projects.length} projects)`,
        `central workbook ${(size / 1024).toFixed(0)} KB, ${cells} input cells filled`,
        `make: ${median(makeTimes).toFixed(0)} ms`,
        `import (read + check + store): ${median(importTimes).toFixed(0)} ms (median)`,
        `peak RSS so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      ].join(' | '),
    );
  } finally {
    await database.close();
  }
}

console.log(`entry workbook on PGlite in process, ${runs} runs, medians`);
for (const factor of [1, 10]) await measure(factor);
