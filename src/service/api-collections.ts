import { AppError } from '../domain/errors.js';
import { queryProjects } from '../domain/project-query.js';
import type {
  Baseline,
  BudgetMark,
  Finding,
  FindingCode,
  FindingSeverity,
  Kpi,
  Project,
  Target,
  TargetKind,
} from '../domain/vision.js';
import type { RevisionData } from './api-read-areas.js';

/**
 * The collections of one revision as the API lists them: projects with their stable ids, KPIs and budget cells
 * flattened to one row each, findings. Pure functions over a RevisionData.
 */

/** A KPI with its stable id (the same KPI keeps it across revisions). */
export type ApiKpi = { id: number } & Kpi;
/** A project in Vision JSON shape with its stable id (the same project keeps it across revisions). */
export type ApiProject = { id: number } & Omit<Project, 'kpis'> & { kpis: ApiKpi[] };

export type KpiRow = {
  id: number;
  projectId: number;
  projectNumber: number;
  indicator: string;
  note: string | null;
  baseline: Baseline;
  target: Target;
};

export type BudgetRow = {
  projectId: number;
  projectNumber: number;
  fiscalYear: number;
  amount: number | null;
  mark: BudgetMark | null;
};

export type ProjectFilter = {
  role?: number | undefined;
  policyArea?: number | undefined;
  subField?: number | undefined;
  /** a name (外ケ浜町 finds 外ヶ浜町) or a 6-digit code */
  municipality?: string | undefined;
  isNew?: boolean | undefined;
  targetKind?: TargetKind | undefined;
  q?: string | undefined;
  sort?: 'number' | 'cost' | undefined;
  order?: 'asc' | 'desc' | undefined;
};

function toApiProject(data: RevisionData, index: number): ApiProject {
  const project = data.vision.projects[index] as Project;
  const kpiIds = data.kpiIds[index] ?? [];
  return {
    id: data.projectIds[index] as number,
    ...project,
    kpis: project.kpis.map((kpi, j) => ({ id: kpiIds[j] as number, ...kpi })),
  };
}

/** The projects that match the filter (every condition), sorted by number or cost. */
export function selectProjects(data: RevisionData, filter: ProjectFilter): ApiProject[] {
  const { municipalities } = data.vision.area;
  const centralCity = municipalities.find((m) => m.isCentralCity)?.name ?? null;
  const byCode = filter.municipality && municipalities.find((m) => m.code !== null && m.code === filter.municipality);
  const matches = queryProjects(
    data.vision.projects,
    {
      role: filter.role,
      policyArea: filter.policyArea,
      subField: filter.subField,
      municipality: byCode ? byCode.name : filter.municipality,
      newOnly: filter.isNew === true,
      targetKind: filter.targetKind,
      text: filter.q,
      sort: filter.sort,
      order: filter.order,
    },
    centralCity,
  ).filter((p) => filter.isNew !== false || !p.isNew);
  const indexOf = new Map(data.vision.projects.map((p, i) => [p, i]));
  return matches.map((p) => toApiProject(data, indexOf.get(p) as number));
}

/** One project of the revision by its number; NOT_FOUND when it has none. */
export function getProjectByNumber(data: RevisionData, number: number): ApiProject {
  const index = data.vision.projects.findIndex((p) => p.number === number);
  if (index < 0) {
    throw new AppError('NOT_FOUND', `No project ${number} in revision ${data.revision.seq} of ${data.area.slug}`, {
      userMessage: `第 ${data.revision.seq} 版に事業番号 ${number} の事業はありません。`,
    });
  }
  return toApiProject(data, index);
}

/** Every KPI of the revision as one row, in project then KPI order. */
export function listKpiRows(
  data: RevisionData,
  filter: { targetKind?: TargetKind | undefined; project?: number | undefined },
): KpiRow[] {
  return data.vision.projects.flatMap((project, i) => {
    if (filter.project !== undefined && project.number !== filter.project) return [];
    const ids = data.kpiIds[i] ?? [];
    return project.kpis.flatMap((kpi, j) =>
      filter.targetKind !== undefined && kpi.target.kind !== filter.targetKind
        ? []
        : [
            {
              id: ids[j] as number,
              projectId: data.projectIds[i] as number,
              projectNumber: project.number,
              indicator: kpi.indicator,
              note: kpi.note,
              baseline: kpi.baseline,
              target: kpi.target,
            },
          ],
    );
  });
}

/** Every fiscal-year budget cell of the revision as one row (long format); the printed total (計) is not a row. */
export function listBudgetRows(
  data: RevisionData,
  filter: { fiscalYear?: number | undefined; project?: number | undefined },
): BudgetRow[] {
  return data.vision.projects.flatMap((project, i) =>
    filter.project !== undefined && project.number !== filter.project
      ? []
      : project.budget.years
          .filter((year) => filter.fiscalYear === undefined || year.fiscalYear === filter.fiscalYear)
          .map((year) => ({
            projectId: data.projectIds[i] as number,
            projectNumber: project.number,
            fiscalYear: year.fiscalYear,
            amount: year.amount,
            mark: year.mark,
          })),
  );
}

export function listFindings(
  data: RevisionData,
  filter: { severity?: FindingSeverity | undefined; code?: FindingCode | undefined },
): Finding[] {
  return data.vision.findings.filter(
    (f) =>
      (filter.severity === undefined || f.severity === filter.severity) &&
      (filter.code === undefined || f.code === filter.code),
  );
}
