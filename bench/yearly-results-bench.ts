import { performance } from 'node:perf_hooks';
import { operatorActor } from '../src/domain/access-policy.js';
import { assembleYearStatus } from '../src/service/results/assemble-year-status.js';
import { importResultsCsv } from '../src/service/results/import-results-csv.js';
import { loadAreaResults } from '../src/service/results/load-area-results.js';
import { setCostShareRule } from '../src/service/results/set-cost-share-rule.js';
import { openBenchVision } from './open-bench-vision.js';

const runs = Number(process.argv[2] ?? 5);
const operator = operatorActor('cli');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function measure(factor: number): Promise<void> {
  const { database, areaSlug, results, fiscalYear } = await openBenchVision(factor);
  const db = database.db;
  try {
    for (const project of results.vision.projects) {
      await setCostShareRule(db, operator, {
        areaSlug,
        projectNumber: project.number,
        rule: {
          kind: 'mix',
          parts: [
            { basis: 'equal', percent: 30 },
            { basis: 'population', percent: 70 },
          ],
        },
        expectedVersion: 0,
      });
    }
    const kpiRows = results.vision.projects.flatMap((p) =>
      p.kpis.flatMap((k, i) => (k.target.kind === 'merged_into' ? [] : [[p.number, i + 1, fiscalYear]])),
    );
    const spendingRows = results.vision.projects.flatMap((p) => [
      [p.number, fiscalYear, ''],
      ...results.municipalities
        .filter((m) => m.isCentralCity || p.participants.includes(m.name))
        .map((m) => [p.number, fiscalYear, m.code ?? '']),
    ]);
    const importTimes = { kpi: [] as number[], spending: [] as number[] };
    for (let run = 0; run < runs; run += 1) {
      // each run changes every value, so every row is written and audited
      const kpiCsv = [
        'project_number,kpi_number,fiscal_year,actual',
        ...kpiRows.map((r) => `${r.join(',')},${10 + run}`),
      ];
      const spendingCsv = [
        'project_number,fiscal_year,municipality_code,amount',
        ...spendingRows.map((r) => `${r.join(',')},${100 + run}`),
      ];
      for (const [kind, lines] of [
        ['kpi', kpiCsv],
        ['spending', spendingCsv],
      ] as const) {
        const started = performance.now();
        const summary = await importResultsCsv(db, operator, {
          fileName: `${kind}.csv`,
          text: lines.join('\n'),
          fiscalYear,
          areaSlug,
        });
        importTimes[kind].push(performance.now() - started);
        if (summary.changed !== lines.length - 1) throw new Error(`${kind}: ${summary.changed} of ${lines.length - 1}`);
      }
    }
    const statusTimes: number[] = [];
    let projectCount = 0;
    for (let run = 0; run < Math.max(runs, 5); run += 1) {
      const started = performance.now();
      const status = assembleYearStatus(await loadAreaResults(db, { areaSlug, audience: 'staff' }), fiscalYear);
      statusTimes.push(performance.now() - started);
      projectCount = status.projects.length;
    }
    console.log(
      [
        `${String(factor).padStart(2)}× (${projectCount} projects)`,
        `KPI actuals ${kpiRows.length} rows: ${median(importTimes.kpi).toFixed(0)} ms`,
        `spending ${spendingRows.length} rows: ${median(importTimes.spending).toFixed(0)} ms`,
        `status: ${median(statusTimes).toFixed(0)} ms (median)`,
      ].join(' | '),
    );
  } finally {
    await database.close();
  }
}

console.log(`yearly results on PGlite in process, ${runs} runs, medians`);
for (const factor of [1, 10]) await measure(factor);
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
