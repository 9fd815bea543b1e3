/**
 * 達成状況: each KPI's status for one 年度 and each project's grade A–D.
 * docs/achievement.md is the user-facing definition of these rules, with worked examples from the seed.
 */
import { fiscalYearOfMonth, parseWareki } from './fiscal-year.js';
import {
  comparedSeries,
  enteredActuals,
  expectedProgressIn,
  measureAttainment,
  measureProgress,
  projectTrend,
} from './kpi-measure.js';
import type { Baseline, Kpi } from './vision.js';

export type AchievementLevel = '達成' | '概ね順調' | '遅れ' | '未評価';
export type ProjectGrade = 'A' | 'B' | 'C' | 'D';
export type Direction = 'higher' | 'lower';
/**
 * how a （累計） indicator's actual is read: 'none' (not cumulative), 'sum_of_years' (each year's actual is that
 * year's amount; the cumulative value is baseline + running sum after the baseline year), 'reported' (the actual
 * entered is already the cumulative value)
 */
export type CumulativeMode = 'none' | 'sum_of_years' | 'reported';
export type KpiSettings = { direction: Direction; cumulative: CumulativeMode };
export type AchievementThresholds = { achievedAttainment: number; onTrackRatio: number };
export type GradeThresholds = { a: number; b: number; c: number };

export const DEFAULT_ACHIEVEMENT_THRESHOLDS: AchievementThresholds = { achievedAttainment: 1, onTrackRatio: 0.8 };
/** the 高松 scale */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { a: 0.86, b: 0.71, c: 0.56 };

/**
 * Higher is better; a （累計） indicator sums its yearly actuals. Direction is never guessed from the wording:
 * the user sets 'lower' (e.g. 待機児童数).
 * @example defaultKpiSettings(kpi 「人事交流人数（累計）」) // { direction: 'higher', cumulative: 'sum_of_years' }
 */
export function defaultKpiSettings(kpi: Kpi): KpiSettings {
  return { direction: 'higher', cumulative: kpi.indicator.includes('累計') ? 'sum_of_years' : 'none' };
}

// the survey time up to its 年度, 年 or 年M月(D日); what follows (見込, 実績, 末…) does not move the year
const SURVEY_TIME = /^(.*?年(?:度|\d{1,2}月(?:\d{1,2}日)?)?)/;

/**
 * The 年度 of a baseline's survey time. A calendar year alone (「2018年実績」) is taken as that 年度:
 * documents write it for 年度 figures too, and a year-long total cannot be placed more exactly.
 * @example baselineFiscalYear({ asOf: '2019年度見込', … }) // 2019
 * @example baselineFiscalYear({ asOf: '令和2年3月末', … }) // 2019
 */
export function baselineFiscalYear(baseline: Baseline): number | null {
  if (baseline.asOf === null) return null;
  const time = SURVEY_TIME.exec(baseline.asOf.normalize('NFKC').replace(/\s+/g, ''))?.[1];
  if (time === undefined) return null;
  const read = parseWareki(time.endsWith('年') ? `${time}度` : time);
  if (read.kind === 'fiscalYear') return read.fiscalYear;
  if (read.kind === 'month' || read.kind === 'date') return fiscalYearOfMonth(read.year, read.month);
  return null;
}

export type YearActual = { fiscalYear: number; value: number | null };
export type KpiAssessment = {
  /** the value compared (the cumulative value for 累計 KPIs), for the 年度 asked */
  actual: number | null;
  /** a ratio, not a percent: see measureAttainment; for per_year_at_least, years met ÷ years with an actual */
  attainment: number | null;
  /** (actual − baseline) ÷ (target − baseline), baseline 0 when missing */
  progress: number | null;
  /** share of the straight line from the baseline year to the target year due by the end of the 年度 asked */
  expectedProgress: number | null;
  /** null only for a target of kind 'none' */
  status: AchievementLevel | null;
  /** per_year_at_least only, over the plan so far */
  yearsMet: { met: number; of: number } | null;
  /** the compared values' least-squares line read at the target year */
  trend: number | null;
};
export type ProjectKpiInput = { kpi: Kpi; settings: KpiSettings; actuals: readonly YearActual[] };
export type ProjectAssessment = {
  number: number;
  grade: ProjectGrade | null;
  score: number | null;
  kpis: KpiAssessment[];
};

export type AssessProjectsInput = {
  fiscalYear: number;
  planFiscalYears: readonly number[];
  targetFiscalYear: number | null;
  projects: readonly { number: number; kpis: readonly ProjectKpiInput[] }[];
  thresholds?: AchievementThresholds;
  grades?: GradeThresholds;
};
type Context = Omit<AssessProjectsInput, 'projects' | 'grades'> & { thresholds: AchievementThresholds };

/** The assessment of a KPI with no actual yet. */
export const UNASSESSED: KpiAssessment = {
  actual: null,
  attainment: null,
  progress: null,
  expectedProgress: null,
  status: '未評価',
  yearsMet: null,
  trend: null,
};

/**
 * Assesses every project's KPIs for one 年度. A merged_into KPI takes the whole assessment of the KPI chosen by
 * findMergeTarget; when there is none it is 未評価.
 * @example assessProjects({ fiscalYear: 2022, planFiscalYears: [2020, …, 2024], targetFiscalYear: 2024, projects })
 */
export function assessProjects(input: AssessProjectsInput): ProjectAssessment[] {
  const context: Context = { ...input, thresholds: input.thresholds ?? DEFAULT_ACHIEVEMENT_THRESHOLDS };
  const own = input.projects.map((p) => p.kpis.map((k) => assessKpi(k, context)));
  return input.projects.map((project, p) => {
    const kpis = project.kpis.map((k, i): KpiAssessment => {
      if (k.kpi.target.kind !== 'merged_into') return own[p]?.[i] ?? UNASSESSED;
      const into = findMergeTarget(k.kpi, input.projects);
      const target = into && own[input.projects.findIndex((q) => q.number === into.project)]?.[into.kpiIndex];
      return target ?? UNASSESSED;
    });
    const score = scoreKpis(kpis);
    return { number: project.number, grade: gradeOf(score, input.grades), score, kpis };
  });
}

/**
 * The KPI a merged_into KPI is merged into, among the target project's KPIs that have a target of their own:
 * the one with the same indicator, else the first whose indicator contains it (or is contained in it), else the
 * first in document order. Merges are not followed further. Null when the project or such a KPI is missing.
 * @example NO.3 「相談件数」→ NO.4 「相談窓口での年間相談件数」 (kpiIndex 1)
 */
export function findMergeTarget(
  kpi: Kpi,
  projects: readonly { number: number; kpis: readonly { kpi: Kpi }[] }[],
): { project: number; kpiIndex: number } | null {
  const project = projects.find((p) => p.number === kpi.target.mergedInto);
  if (!project) return null;
  const name = indicatorKey(kpi.indicator);
  const candidates = project.kpis
    .map((k, kpiIndex) => ({ key: indicatorKey(k.kpi.indicator), kind: k.kpi.target.kind, kpiIndex }))
    .filter((c) => c.kind !== 'merged_into' && c.kind !== 'none');
  const chosen =
    candidates.find((c) => c.key === name) ??
    candidates.find((c) => c.key.includes(name) || name.includes(c.key)) ??
    candidates[0];
  return chosen ? { project: project.number, kpiIndex: chosen.kpiIndex } : null;
}

function indicatorKey(indicator: string): string {
  return indicator.normalize('NFKC').replace(/[\s※*＊]/g, '');
}

function assessKpi(input: ProjectKpiInput, context: Context): KpiAssessment {
  const { kpi } = input;
  switch (kpi.target.kind) {
    case 'none':
    // a merged KPI's own assessment is replaced by its merge target's in assessProjects
    case 'merged_into': {
      // comment only: the entered value is shown, nothing is judged
      const entered = enteredActuals(input.actuals).find((a) => a.fiscalYear === context.fiscalYear);
      return { ...UNASSESSED, actual: entered?.value ?? null, status: null };
    }
    case 'per_year_at_least':
      return assessPerYear(input, context);
    default:
      return assessAgainstTarget(input, context);
  }
}

function assessAgainstTarget({ kpi, settings, actuals }: ProjectKpiInput, context: Context): KpiAssessment {
  const targetYear = kpi.target.fiscalYear ?? context.targetFiscalYear;
  const startYear = baselineFiscalYear(kpi.baseline) ?? planStartYear(context.planFiscalYears);
  const baseline = kpi.baseline.value ?? 0;
  const series = comparedSeries(actuals, settings, { value: baseline, fiscalYear: startYear });
  const upToNow = series.filter((s) => s.fiscalYear <= context.fiscalYear);
  const trend = projectTrend(upToNow, targetYear);
  const actual = upToNow.find((s) => s.fiscalYear === context.fiscalYear)?.value ?? null;
  const expectedProgress = expectedProgressIn(context.fiscalYear, startYear, targetYear);
  const target = kpi.target.value;
  if (actual === null || target === null) return { ...UNASSESSED, actual, expectedProgress, trend };
  const attainment = measureAttainment(actual, target, settings.direction);
  const progress = measureProgress(actual, baseline, target);
  const status = statusOf(attainment, progress ?? attainment, expectedProgress ?? 1, context.thresholds);
  return { actual, attainment, progress, expectedProgress, status, yearsMet: null, trend };
}

/** Met in a year when the actual reaches the count; attainment is the share of years met so far. */
function assessPerYear({ kpi, actuals }: ProjectKpiInput, context: Context): KpiAssessment {
  const plan = context.planFiscalYears;
  // a year asked before the plan starts still counts itself
  const from = plan.length === 0 ? Number.NEGATIVE_INFINITY : Math.min(...plan, context.fiscalYear);
  const counted = enteredActuals(actuals).filter((a) => a.fiscalYear >= from && a.fiscalYear <= context.fiscalYear);
  const trend = projectTrend(counted, kpi.target.fiscalYear ?? context.targetFiscalYear);
  const actual = counted.find((a) => a.fiscalYear === context.fiscalYear)?.value ?? null;
  const need = kpi.target.value;
  if (actual === null || need === null) return { ...UNASSESSED, actual, trend };
  const yearsMet = { met: counted.filter((a) => a.value >= need).length, of: counted.length };
  const attainment = yearsMet.met / yearsMet.of;
  // every year is due, so the share of years met is measured against a full line
  const status = statusOf(attainment, attainment, 1, context.thresholds);
  return { ...UNASSESSED, actual, attainment, status, yearsMet, trend };
}

function planStartYear(planFiscalYears: readonly number[]): number | null {
  return planFiscalYears.length === 0 ? null : Math.min(...planFiscalYears) - 1;
}

/** 達成 when the target is attained; 概ね順調 when at least onTrackRatio of the progress due is made; else 遅れ. */
export function statusOf(
  attainment: number,
  progress: number,
  expectedProgress: number,
  thresholds: AchievementThresholds = DEFAULT_ACHIEVEMENT_THRESHOLDS,
): Exclude<AchievementLevel, '未評価'> {
  if (attainment >= thresholds.achievedAttainment) return '達成';
  return progress >= thresholds.onTrackRatio * expectedProgress ? '概ね順調' : '遅れ';
}

/** Mean of attainment clamped to [0, 1] over the KPIs with a status other than 未評価; null when there is none. */
export function scoreKpis(kpis: readonly KpiAssessment[]): number | null {
  const scored = kpis.flatMap((k) =>
    k.status === null || k.status === '未評価' || k.attainment === null ? [] : [Math.min(1, Math.max(0, k.attainment))],
  );
  return scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length;
}

/** A ≥ a, B ≥ b, C ≥ c, else D; null score, null grade. */
export function gradeOf(score: number | null, grades: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): ProjectGrade | null {
  if (score === null) return null;
  if (score >= grades.a) return 'A';
  if (score >= grades.b) return 'B';
  return score >= grades.c ? 'C' : 'D';
}

export function countStatuses(statuses: readonly (AchievementLevel | null)[]): Record<AchievementLevel, number> {
  const counts: Record<AchievementLevel, number> = { 達成: 0, 概ね順調: 0, 遅れ: 0, 未評価: 0 };
  for (const s of statuses) if (s !== null) counts[s] += 1;
  return counts;
}
