import type { Kysely } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { importResultsCsv } from '../../src/service/results/import-results-csv.js';
import { loadAreaResults } from '../../src/service/results/load-area-results.js';
import { setCostShareRule } from '../../src/service/results/set-cost-share-rule.js';
import type { Database } from '../../src/store/database.js';

/**
 * A year of results for every project of an area, through `renkei results import`'s service: each KPI's actual
 * (the target for every third project, 90 % of it for the next, 30 % for the rest, so statuses vary) and each
 * project's actual total (its plan, else 100 千円). With `rules`, first an equal cost-share rule per project.
 */
export async function fillYearResults(
  db: Kysely<Database>,
  input: { areaSlug: string; fiscalYear: number; rules?: boolean },
): Promise<void> {
  const operator = operatorActor('cli');
  const { vision } = await loadAreaResults(db, { areaSlug: input.areaSlug, audience: 'staff' });
  if (input.rules) {
    for (const project of vision.projects) {
      await setCostShareRule(db, operator, {
        areaSlug: input.areaSlug,
        projectNumber: project.number,
        rule: { kind: 'equal' },
        expectedVersion: 0,
      });
    }
  }
  const ratio = (n: number) => [1, 0.9, 0.3][n % 3] ?? 1;
  const kpiLines = vision.projects.flatMap((p) =>
    p.kpis.flatMap((k, i) =>
      k.target.kind === 'merged_into'
        ? []
        : [
            `${p.number},${i + 1},${input.fiscalYear},${Math.round((k.target.value ?? 10) * ratio(p.number) * 100) / 100}`,
          ],
    ),
  );
  const spendingLines = vision.projects.map((p) => {
    const plan = p.budget.years.find((y) => y.fiscalYear === input.fiscalYear)?.amount ?? 100;
    return `${p.number},${input.fiscalYear},,${plan}`;
  });
  for (const [kind, lines] of [
    ['kpi', ['project_number,kpi_number,fiscal_year,actual', ...kpiLines]],
    ['spending', ['project_number,fiscal_year,municipality_code,amount', ...spendingLines]],
  ] as const) {
    await importResultsCsv(db, operator, {
      fileName: `${kind}.csv`,
      text: lines.join('\n'),
      fiscalYear: input.fiscalYear,
      areaSlug: input.areaSlug,
    });
  }
}
