import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { importDocument } from '../../src/service/import-document.js';
import { importResultsCsv } from '../../src/service/results/import-results-csv.js';
import { publishYearResults } from '../../src/service/results/publish-result-year.js';
import { setCostShareRule } from '../../src/service/results/set-cost-share-rule.js';
import type { Database } from '../../src/store/database.js';
import { repoPath, SEED_DOCUMENT } from './read-fixture.js';

export const RESULTS_AREA = '青森圏域';
/** the seed's codes: 青森市 (central city), then the towns in the document's order */
export const AREA_CODES = ['022012', '023019', '023035', '023078', '023043'] as const;
/** figures of a fiscal year that is entered but never published: none may appear on a public page or file */
export const UNPUBLISHED = { fiscalYear: 2023, kpiActual: 777_777, amount: 888_888 } as const;

/**
 * The seed vision with results for FY2022 (project 1: 均等割 30％・人口割 70％, 390千円 spent, 平内町's part
 * entered, its KPI 49; project 4: both KPIs) and FY2023, recorded as the operator; nothing published yet.
 */
export async function seedResults(db: Kysely<Database>): Promise<void> {
  await importDocument(db, operatorActor('cli'), {
    fileName: 'aomori.txt',
    bytes: readFileSync(repoPath(SEED_DOCUMENT)),
  });
  await recordResults(db);
}

/** The results of seedResults, for a database that already holds the seed vision. */
export async function recordResults(db: Kysely<Database>): Promise<void> {
  const operator = operatorActor('cli');
  await setCostShareRule(db, operator, {
    areaSlug: RESULTS_AREA,
    projectNumber: 1,
    rule: {
      kind: 'mix',
      parts: [
        { basis: 'equal', percent: 30 },
        { basis: 'population', percent: 70 },
      ],
    },
    expectedVersion: 0,
  });
  const load = (fiscalYear: number, name: string, text: string) =>
    importResultsCsv(db, operator, { fileName: name, text, fiscalYear, areaSlug: RESULTS_AREA });
  await load(
    2022,
    'kpi-2022.csv',
    'project_number,kpi_number,fiscal_year,actual\r\n4,1,2022,30\r\n4,2,2022,800\r\n1,1,2022,49\r\n',
  );
  await load(
    2022,
    'spending-2022.csv',
    `project_number,fiscal_year,municipality_code,amount\r\n1,2022,,390\r\n1,2022,${AREA_CODES[1]},15\r\n`,
  );
  const { fiscalYear, kpiActual, amount } = UNPUBLISHED;
  await load(
    fiscalYear,
    'kpi-2023.csv',
    `project_number,kpi_number,fiscal_year,actual\r\n4,1,${fiscalYear},${kpiActual}\r\n`,
  );
  await load(
    fiscalYear,
    'spending-2023.csv',
    `project_number,fiscal_year,municipality_code,amount\r\n1,${fiscalYear},,${amount}\r\n`,
  );
}

/** Publishes a fiscal year's results as the operator. */
export async function publishResults(db: Kysely<Database>, fiscalYear: number): Promise<void> {
  await publishYearResults(db, operatorActor('cli'), { areaSlug: RESULTS_AREA, fiscalYear });
}
