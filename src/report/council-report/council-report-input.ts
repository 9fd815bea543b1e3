import type { AchievementLevel, ProjectGrade } from '../../domain/achievement.js';
import type { BudgetCellHistory } from '../../domain/budget-history.js';
import type { Vision } from '../../domain/vision.js';

/**
 * What the council's report is built from, as the yearly status (service/results/assemble-year-status.ts) gives
 * it: declared here, structurally, so that this layer stays pure (a YearStatus is one).
 */
export type ReportYearStatus = {
  area: { slug: string; name: string };
  fiscalYear: number;
  audience: 'public' | 'staff';
  published: { at: string } | null;
  projects: readonly ReportProjectStatus[];
};

export type ReportProjectStatus = {
  number: number;
  grade: ProjectGrade | null;
  kpis: readonly {
    number: number;
    indicator: string;
    targetText: string;
    actual: number | null;
    attainment: number | null;
    status: AchievementLevel | null;
    notCountedReason: string | null;
  }[];
  spending: {
    plan: number | null;
    actual: number | null;
    shares: readonly {
      municipalityCode: string | null;
      municipalityName: string;
      plan: number | null;
      actual: number | null;
    }[];
  };
  comments: { progress: string; nextSteps: string; selfEvaluation: string } | null;
};

export type ReportOpinion = { opinion: string; response: string };

export type CouncilReportInput = {
  vision: Vision;
  /** the status of each plan year up to the report's year, oldest first; the last one is the report's year */
  years: readonly ReportYearStatus[];
  /** the council's opinion and the response, by project number */
  opinions: ReadonlyMap<number, ReportOpinion>;
  /** every estimate of each budget cell across the published revisions, by project number */
  budgetHistory?: ReadonlyMap<number, readonly BudgetCellHistory[]>;
};
