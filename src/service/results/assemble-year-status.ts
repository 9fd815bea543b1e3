import {
  assessProjects,
  defaultKpiSettings,
  type KpiAssessment,
  type KpiSettings,
  type ProjectGrade,
  UNASSESSED,
  type YearActual,
} from '../../domain/achievement.js';
import type { ResultState } from '../../domain/result-state.js';
import type { Project } from '../../domain/vision.js';
import type { AreaResults } from './load-area-results.js';
import { type ProjectSpending, projectSpending } from './project-spending.js';

export type KpiStatus = KpiAssessment & {
  number: number;
  indicator: string;
  targetText: string;
  /** 「未集計」 with its reason, when the year's actual was not counted */
  notCountedReason: string | null;
  /** every visible year's actual up to and including the fiscal year */
  actuals: (YearActual & { notCountedReason: string | null })[];
};

export type ProjectStatus = {
  number: number;
  name: string;
  role: number;
  policyArea: number;
  grade: ProjectGrade | null;
  score: number | null;
  kpis: KpiStatus[];
  spending: ProjectSpending;
  comments: { progress: string; nextSteps: string; selfEvaluation: string } | null;
  /** each participating municipality's part: its state (staff see every state; the public, approved ones) */
  parts: {
    municipalityCode: string | null;
    municipalityName: string;
    state: ResultState | 'none';
    amount: number | null;
    comment: string;
    returnReason: string | null;
    /** 0 before the first entry: the If-Match a reviewer's step carries */
    version: number;
    updatedBy: string | null;
  }[];
};

export type YearStatus = {
  area: { slug: string; name: string };
  fiscalYear: number;
  fiscalYears: number[];
  audience: AreaResults['audience'];
  published: { at: string; by: string } | null;
  projects: ProjectStatus[];
};

/** One fiscal year of the area's results: spending and shares, KPI assessments and grades, per project. */
export function assembleYearStatus(results: AreaResults, fiscalYear: number): YearStatus {
  const { vision, rows, index } = results;
  const settings = new Map(rows.kpiSettings.map((s) => [s.kpi_key_id, s]));
  const visibleYears = vision.plan.fiscalYears.filter((y) => y <= fiscalYear);
  const actualsOf = (kpiKeyId: number | undefined) =>
    visibleYears.flatMap((y) => {
      const row = kpiKeyId === undefined ? undefined : index.kpiResultOf(kpiKeyId, y);
      return row ? [{ fiscalYear: y, value: row.actual, notCountedReason: row.not_counted_reason }] : [];
    });
  const inputs = vision.projects.map((project) => {
    const kpiKeyIds = index.keyOf(project.number)?.kpiKeyIds ?? [];
    return {
      number: project.number,
      kpis: project.kpis.map((kpi, i) => {
        const stored = settings.get(kpiKeyIds[i] ?? -1);
        const kpiSettings: KpiSettings = stored
          ? { direction: stored.direction, cumulative: stored.cumulative }
          : defaultKpiSettings(kpi);
        return { kpi, settings: kpiSettings, actuals: actualsOf(kpiKeyIds[i]) };
      }),
    };
  });
  const assessed = assessProjects({
    fiscalYear,
    planFiscalYears: vision.plan.fiscalYears,
    targetFiscalYear: vision.plan.targetFiscalYear,
    projects: inputs,
    thresholds: results.thresholds,
    grades: results.grades,
  });
  const published = rows.publishedYears.find((y) => y.fiscal_year === fiscalYear);
  return {
    area: { slug: results.area.slug, name: results.area.name },
    fiscalYear,
    fiscalYears: vision.plan.fiscalYears,
    audience: results.audience,
    published: published ? { at: published.published_at, by: published.published_by } : null,
    projects: vision.projects.map((project, i) =>
      projectStatus(results, project, fiscalYear, assessed[i], inputs[i]?.kpis ?? []),
    ),
  };
}

function projectStatus(
  results: AreaResults,
  project: Project,
  fiscalYear: number,
  assessment: ReturnType<typeof assessProjects>[number] | undefined,
  kpiInputs: readonly { actuals: (YearActual & { notCountedReason: string | null })[] }[],
): ProjectStatus {
  const projectKeyId = results.index.keyOf(project.number)?.projectKeyId ?? -1;
  const comments = results.index.projectResultOf(projectKeyId, fiscalYear);
  const parts = results.index.partsOf(projectKeyId, fiscalYear);
  const spending = projectSpending(results, project, projectKeyId, fiscalYear);
  return {
    number: project.number,
    name: project.name,
    role: project.role,
    policyArea: project.policyArea,
    grade: assessment?.grade ?? null,
    score: assessment?.score ?? null,
    kpis: project.kpis.map((kpi, i) => {
      const actuals = kpiInputs[i]?.actuals ?? [];
      const thisYear = actuals.find((a) => a.fiscalYear === fiscalYear);
      return {
        ...(assessment?.kpis[i] ?? UNASSESSED),
        number: i + 1,
        indicator: kpi.indicator,
        targetText: kpi.target.text,
        notCountedReason: thisYear?.notCountedReason ?? null,
        actuals,
      };
    }),
    spending,
    comments: comments
      ? { progress: comments.progress, nextSteps: comments.next_steps, selfEvaluation: comments.self_evaluation }
      : null,
    parts: spending.parties.map((party) => {
      const part = parts.find((p) => p.municipality_id === party.id);
      return {
        municipalityCode: party.code,
        municipalityName: party.name,
        state: part?.state ?? 'none',
        amount: part?.amount ?? null,
        comment: part?.comment ?? '',
        returnReason: part?.return_reason ?? null,
        version: part?.version ?? 0,
        updatedBy: part?.updated_by ?? null,
      };
    }),
  };
}
