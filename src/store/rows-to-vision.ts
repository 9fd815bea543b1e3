import type { Selectable } from 'kysely';
import type {
  Budget,
  BudgetCell,
  Finding,
  Kpi,
  MunicipalityRef,
  Plan,
  PolicyArea,
  Project,
  Role,
  SubField,
} from '../domain/vision.js';
import type { BudgetCellTable, KpiTable, MunicipalityTable, ProjectVersionTable } from './database.js';

/**
 * Explicit row → domain mappers. Objects are built key by key in the order of domain/vision.ts, which is also
 * the order of Vision JSON: jsonb does not keep key order, and answers should read the same as the export.
 */

export function rowToMunicipalityRef(
  row: Pick<Selectable<MunicipalityTable>, 'code' | 'name' | 'is_central_city'>,
): MunicipalityRef {
  return { code: row.code, name: row.name, isCentralCity: row.is_central_city };
}

export function rowToProject(
  row: Selectable<ProjectVersionTable>,
  cells: ReadonlyArray<Selectable<BudgetCellTable>>,
  kpis: ReadonlyArray<Selectable<KpiTable>>,
): Project {
  return {
    number: row.number,
    name: row.name,
    nameInMatrix: row.name_in_matrix,
    isNew: row.is_new,
    role: row.role,
    policyArea: row.policy_area,
    subField: row.sub_field,
    relatedMunicipalities: row.related_municipalities,
    participants: [...row.participants],
    content: [...row.content],
    effect: row.effect,
    budget: rowsToBudget(cells),
    roles: { centralCity: row.roles.centralCity, partners: row.roles.partners },
    kpis: [...kpis].sort((a, b) => a.position - b.position).map(rowToKpi),
    notes: [...row.notes],
    source: { lines: [row.source_first_line, row.source_last_line] },
  };
}

function toBudgetCell(row: Selectable<BudgetCellTable>): BudgetCell {
  if (row.mark !== null) return { amount: null, mark: row.mark };
  return { amount: row.amount as number, mark: null };
}

/** Fiscal-year cells in year order; the total is the cell without a year (a blank when none was stored). */
export function rowsToBudget(cells: ReadonlyArray<Selectable<BudgetCellTable>>): Budget {
  const yearCells = cells
    .filter((c) => c.fiscal_year !== null)
    .sort((a, b) => (a.fiscal_year as number) - (b.fiscal_year as number));
  const totalCell = cells.find((c) => c.fiscal_year === null);
  return {
    years: yearCells.map((c) => ({ fiscalYear: c.fiscal_year as number, ...toBudgetCell(c) })),
    total: totalCell ? toBudgetCell(totalCell) : { amount: null, mark: 'blank' },
  };
}

export function rowToKpi(row: Selectable<KpiTable>): Kpi {
  return {
    indicator: row.indicator,
    note: row.note,
    baseline: {
      text: row.baseline_text,
      value: row.baseline_value,
      unit: row.baseline_unit,
      asOf: row.baseline_as_of,
    },
    target: {
      text: row.target_text,
      kind: row.target_kind,
      value: row.target_value,
      unit: row.target_unit,
      per: row.target_per,
      mergedInto: row.target_merged_into,
      fiscalYear: row.target_fiscal_year,
    },
  };
}

export function toPlan(plan: Plan): Plan {
  const { revision } = plan;
  return {
    title: plan.title,
    fiscalYears: [...plan.fiscalYears],
    targetFiscalYear: plan.targetFiscalYear,
    amountUnit: plan.amountUnit,
    revision: revision
      ? { label: revision.label, yearMonth: revision.yearMonth, fiscalYear: revision.fiscalYear }
      : null,
  };
}

function toSubField(subField: SubField): SubField {
  return {
    no: subField.no,
    title: subField.title,
    titleInMatrix: subField.titleInMatrix,
    declaredCount: subField.declaredCount,
  };
}

function toPolicyArea(area: PolicyArea): PolicyArea {
  return {
    no: area.no,
    noInMatrix: area.noInMatrix,
    title: area.title,
    titleInMatrix: area.titleInMatrix,
    declaredCount: area.declaredCount,
    subFields: area.subFields.map(toSubField),
  };
}

export function toStructure(roles: readonly Role[]): Role[] {
  return roles.map((role) => ({
    role: role.role,
    title: role.title,
    titleInMatrix: role.titleInMatrix,
    declaredCount: role.declaredCount,
    policyAreas: role.policyAreas.map(toPolicyArea),
  }));
}

export function toFinding(finding: Finding): Finding {
  return {
    severity: finding.severity,
    code: finding.code,
    project: finding.project,
    line: finding.line,
    excerpt: finding.excerpt,
    message: finding.message,
  };
}
