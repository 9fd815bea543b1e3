import type { Vision } from '../domain/vision.js';
import { budgetsTableSpec, listBudgetRows } from './budget-table.js';
import { costSharesTableSpec } from './cost-share-table.js';
import { findingsTableSpec } from './finding-table.js';
import { kpisTableSpec, listKpiRows } from './kpi-table.js';
import { listMunicipalityRows, municipalitiesTableSpec } from './municipality-table.js';
import { toAreaContext, toAreaRecords } from './open-data-context.js';
import { describeTable, fillTable, type OpenDataTable, type OpenDataTableInfo } from './open-data-table.js';
import {
  listParticipation,
  listProjectTexts,
  participationTableSpec,
  projectContentsTableSpec,
  projectsTableSpec,
} from './project-tables.js';
import { kpiActualsTableSpec, NO_RESULTS, type ResultRecords, spendingActualsTableSpec } from './result-tables.js';

/**
 * The tables of one revision, in the order the downloads list them: everything in the Vision JSON that is
 * data, one value per cell (the structure's declared counts and raw texts stay in the JSON), then the published
 * yearly results (empty tables when none are given).
 *
 * @example buildOpenDataTables(vision).map((t) => t.fileName) // ['projects.csv', 'budgets.csv', …]
 */
export function buildOpenDataTables(vision: Vision, results: ResultRecords = NO_RESULTS): OpenDataTable[] {
  const ctx = toAreaContext(vision);
  const { projects } = vision;
  return [
    fillTable(projectsTableSpec, toAreaRecords(ctx, projects)),
    fillTable(budgetsTableSpec, toAreaRecords(ctx, listBudgetRows(projects))),
    fillTable(kpisTableSpec, toAreaRecords(ctx, listKpiRows(projects))),
    fillTable(participationTableSpec, listParticipation(vision.area.name, vision.area.municipalities, projects)),
    fillTable(projectContentsTableSpec, toAreaRecords(ctx, listProjectTexts(projects))),
    fillTable(municipalitiesTableSpec, listMunicipalityRows(vision.area, projects)),
    fillTable(
      findingsTableSpec,
      toAreaRecords(
        ctx,
        vision.findings.map((finding, i) => ({ position: i + 1, finding })),
      ),
    ),
    fillTable(kpiActualsTableSpec, toAreaRecords(ctx, results.kpiActuals)),
    fillTable(spendingActualsTableSpec, toAreaRecords(ctx, results.spending)),
    fillTable(costSharesTableSpec, toAreaRecords(ctx, results.costShares)),
  ];
}

/** The same tables without rows: what the data dictionary documents. */
export function describeOpenDataTables(): OpenDataTableInfo[] {
  return [
    describeTable(projectsTableSpec),
    describeTable(budgetsTableSpec),
    describeTable(kpisTableSpec),
    describeTable(participationTableSpec),
    describeTable(projectContentsTableSpec),
    describeTable(municipalitiesTableSpec),
    describeTable(findingsTableSpec),
    describeTable(kpiActualsTableSpec),
    describeTable(spendingActualsTableSpec),
    describeTable(costSharesTableSpec),
  ];
}
