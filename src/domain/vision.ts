/**
 * The vision model: one revision of a 連携中枢都市圏ビジョン / 定住自立圏共生ビジョン as data.
 * Field names mirror Vision JSON (docs/vision-json.md), which is a public interface: keep them.
 */

export type MunicipalityRef = {
  /** 全国地方公共団体コード (6 digits with check digit), null when the installation does not know it */
  code: string | null;
  name: string;
  isCentralCity: boolean;
};

export type AreaKind = '連携中枢都市圏' | '定住自立圏' | 'other';

export type Area = {
  name: string;
  kind: AreaKind;
  municipalities: MunicipalityRef[];
};

export type RevisionInfo = {
  /** as printed, e.g. 「R4年3月」 */
  label: string;
  /** ISO year-month, e.g. "2022-03" */
  yearMonth: string;
  /** fiscal year the revision date falls in (R4年3月 → 2021) */
  fiscalYear: number;
};

export type Plan = {
  title: string;
  fiscalYears: number[];
  targetFiscalYear: number | null;
  amountUnit: string;
  revision: RevisionInfo | null;
};

export type SubField = {
  no: number;
  title: string;
  titleInMatrix: string | null;
  declaredCount: number | null;
};

export type PolicyArea = {
  no: number;
  /** number printed in the matrix when it differs from the sheet's */
  noInMatrix: number | null;
  title: string;
  titleInMatrix: string | null;
  declaredCount: number | null;
  subFields: SubField[];
};

export type Role = {
  role: number;
  title: string;
  titleInMatrix: string | null;
  declaredCount: number | null;
  policyAreas: PolicyArea[];
};

/** A budget cell: an amount in thousand yen, or a mark when the cell holds none (blank and dash differ). */
export type BudgetMark = 'blank' | 'dash';
export type BudgetCell = { amount: number; mark: null } | { amount: null; mark: BudgetMark };
export type BudgetYear = BudgetCell & { fiscalYear: number };
export type Budget = { years: BudgetYear[]; total: BudgetCell };

export type Baseline = {
  text: string;
  value: number | null;
  unit: string | null;
  /** survey time as printed without spaces, e.g. 「2020年度見込」「2018年実績」 */
  asOf: string | null;
};

export type TargetKind = 'absolute' | 'per_year_at_least' | 'percentage' | 'merged_into' | 'none';

export type Target = {
  text: string;
  kind: TargetKind;
  value: number | null;
  unit: string | null;
  /** for per_year_at_least: 年度 or 年 */
  per: '年度' | '年' | null;
  /** for merged_into: the project number the KPI is merged into */
  mergedInto: number | null;
  fiscalYear: number | null;
};

export type Kpi = {
  indicator: string;
  note: string | null;
  baseline: Baseline;
  target: Target;
};

export type Project = {
  number: number;
  name: string;
  nameInMatrix: string | null;
  isNew: boolean;
  role: number;
  policyArea: number;
  subField: number | null;
  relatedMunicipalities: string | null;
  participants: string[];
  content: string[];
  effect: string | null;
  budget: Budget;
  roles: { centralCity: string; partners: string };
  kpis: Kpi[];
  /** footnotes of the sheet that belong to no KPI (e.g. a marker in the content) */
  notes: string[];
  source: { lines: [number, number] };
};

/** Every finding code, in one list so that schemas and labels can be derived from it. */
export const findingCodes = [
  'budget_total_mismatch',
  'declared_count_mismatch',
  'heading_mismatch',
  'name_mismatch',
  'new_mark_mismatch',
  'missing_sheet',
  'missing_matrix_row',
  'missing_budget_row',
  'missing_kpi_rows',
  'participants_mismatch',
  'duplicate_project',
  'unknown_municipality',
  'unreadable_cell',
  'unreadable_document',
  'source_converted',
  /** the document names another area than the one it was imported into (the area keeps its own name) */
  'area_name_mismatch',
  /**
   * the page layout allows two readings and no rule can tell them apart: the importer took the one the message
   * names (a line that may be a running header or footer, a row that may belong to another field)
   */
  'ambiguous_layout',
] as const;

export type FindingCode = (typeof findingCodes)[number];

export const findingSeverities = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

export type Finding = {
  severity: FindingSeverity;
  code: FindingCode;
  project: number | null;
  line: number | null;
  /** page of a PDF source, where the line stands (absent for text and Word) */
  page?: number;
  excerpt: string | null;
  message: string;
};

export type Vision = {
  format: 'renkei-vision';
  version: 1;
  area: Area;
  plan: Plan;
  structure: Role[];
  projects: Project[];
  findings: Finding[];
};

/** True when any finding makes the document unfit to store. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/**
 * A project with nothing but its number and name: a matrix row without its sheet, or a project just added to a
 * draft (placement 0 until the caller places it).
 * @example emptyProject(56, '新しい事業').budget.total // { amount: null, mark: 'blank' }
 */
export function emptyProject(number: number, name: string): Project {
  return {
    number,
    name,
    nameInMatrix: null,
    isNew: false,
    role: 0,
    policyArea: 0,
    subField: null,
    relatedMunicipalities: null,
    participants: [],
    content: [],
    effect: null,
    budget: { years: [], total: { amount: null, mark: 'blank' } },
    roles: { centralCity: '', partners: '' },
    kpis: [],
    notes: [],
    source: { lines: [0, 0] },
  };
}
