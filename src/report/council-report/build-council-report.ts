import type { AchievementLevel, ProjectGrade } from '../../domain/achievement.js';
import type { BudgetCellHistory } from '../../domain/budget-history.js';
import { AppError } from '../../domain/errors.js';
import type { Project, Vision } from '../../domain/vision.js';
import { placementLabel } from '../../web/placement-label.js';
import type {
  CouncilReportInput,
  ReportOpinion,
  ReportProjectStatus,
  ReportYearStatus,
} from './council-report-input.js';
import {
  type GroupSummary,
  type MunicipalitySummary,
  summarizeMunicipalities,
  summarizeProjects,
} from './summarize-report.js';

export type ReportKpi = {
  number: number;
  indicator: string;
  baseline: string;
  target: string;
  actual: number | null;
  notCountedReason: string | null;
  attainment: number | null;
  status: AchievementLevel;
};

export type ReportProject = {
  number: number;
  name: string;
  /** 「役割1 … ＞ (2) … ＞ ①…」 */
  placement: string;
  role: number;
  policyArea: number;
  participants: string[];
  grade: ProjectGrade | null;
  /** plan (事業費見込額) and actual (決算額) of each plan year, 千円; the actual only up to the report's year */
  years: { fiscalYear: number; plan: number | null; actual: number | null; reestimates: string | null }[];
  /** the report year's plan and actual, 千円 */
  spending: { plan: number | null; actual: number | null };
  shares: { municipalityName: string; plan: number | null; actual: number | null }[];
  kpis: ReportKpi[];
  comments: { progress: string; nextSteps: string; selfEvaluation: string };
  opinion: string;
  response: string;
};

/** The council's progress report (進捗状況報告) of an area's fiscal year: one model, three outputs. */
export type CouncilReport = {
  area: { slug: string; name: string };
  planTitle: string;
  fiscalYear: number;
  /** false: a draft, seen by staff and council only */
  published: boolean;
  byRole: GroupSummary[];
  byPolicyArea: GroupSummary[];
  byMunicipality: MunicipalitySummary[];
  projects: ReportProject[];
};

/**
 * Builds the report from the yearly statuses, the vision and the opinions. Pure.
 * @example buildCouncilReport({ vision, years: [status2021, status2022], opinions: new Map() }).projects.length // 55
 */
export function buildCouncilReport(input: CouncilReportInput): CouncilReport {
  const year = input.years.at(-1);
  if (!year) throw new AppError('INTERNAL', 'A report needs at least one year', { userMessage: '年度がありません。' });
  const earlier = input.years.map((y) => ({ fiscalYear: y.fiscalYear, byNumber: indexProjects(y) }));
  const statusOf = indexProjects(year);
  const projects = input.vision.projects.map((project) =>
    reportProject(input.vision, project, statusOf.get(project.number), earlier, {
      opinion: input.opinions.get(project.number),
      history: input.budgetHistory?.get(project.number),
    }),
  );
  return {
    area: year.area,
    planTitle: input.vision.plan.title,
    fiscalYear: year.fiscalYear,
    published: year.published !== null,
    byRole: summarizeProjects(projects, (p) => {
      const role = input.vision.structure.find((r) => r.role === p.role);
      return { key: `${p.role}`, label: `役割${p.role}${role ? ` ${role.title}` : ''}` };
    }),
    byPolicyArea: summarizeProjects(projects, (p) => {
      const area = input.vision.structure
        .find((r) => r.role === p.role)
        ?.policyAreas.find((a) => a.no === p.policyArea);
      return { key: `${p.role}-${p.policyArea}`, label: `${p.role}-(${p.policyArea}) ${area?.title ?? ''}`.trim() };
    }),
    byMunicipality: summarizeMunicipalities(projects),
    projects,
  };
}

function indexProjects(year: ReportYearStatus): Map<number, ReportProjectStatus> {
  return new Map(year.projects.map((p) => [p.number, p]));
}

function reportProject(
  vision: Vision,
  project: Project,
  status: ReportProjectStatus | undefined,
  earlier: { fiscalYear: number; byNumber: Map<number, ReportProjectStatus> }[],
  extra: { opinion: ReportOpinion | undefined; history: readonly BudgetCellHistory[] | undefined },
): ReportProject {
  const { opinion, history } = extra;
  return {
    number: project.number,
    name: project.name,
    placement: placementLabel(vision, project),
    role: project.role,
    policyArea: project.policyArea,
    participants: project.participants,
    grade: status?.grade ?? null,
    years: project.budget.years.map((cell) => ({
      fiscalYear: cell.fiscalYear,
      plan: cell.amount,
      reestimates: describeReestimates(history?.find((h) => h.fiscalYear === cell.fiscalYear)),
      actual:
        earlier.find((y) => y.fiscalYear === cell.fiscalYear)?.byNumber.get(project.number)?.spending.actual ?? null,
    })),
    spending: { plan: status?.spending.plan ?? null, actual: status?.spending.actual ?? null },
    shares: (status?.spending.shares ?? []).map((s) => ({
      municipalityName: s.municipalityName,
      plan: s.plan,
      actual: s.actual,
    })),
    kpis: project.kpis.map((kpi, i) => {
      const assessed = status?.kpis[i];
      return {
        number: i + 1,
        indicator: kpi.indicator,
        baseline: kpi.baseline.text,
        target: kpi.target.text,
        actual: assessed?.actual ?? null,
        notCountedReason: assessed?.notCountedReason ?? null,
        attainment: assessed?.attainment ?? null,
        status: assessed?.status ?? '未評価',
      };
    }),
    comments: status?.comments ?? { progress: '', nextSteps: '', selfEvaluation: '' },
    opinion: opinion?.opinion ?? '',
    response: opinion?.response ?? '',
  };
}

/**
 * A budget cell's re-estimates across the published revisions, oldest first (e.g. 「401（第1版・R4年3月） → 420（第2版）」),
 * or null when the cell was never re-estimated.
 */
export function describeReestimates(history: BudgetCellHistory | undefined): string | null {
  if (!history || history.estimates.length < 2) return null;
  return history.estimates
    .map((e) => `${formatBudgetAmount(e.cell.amount)}（第${e.seq}版${e.label ? `・${e.label}` : ''}）`)
    .join(' → ');
}

function formatBudgetAmount(amount: number | null): string {
  return amount === null ? '－' : amount.toLocaleString('ja-JP');
}
