import { type AchievementLevel, countStatuses, type ProjectGrade } from '../../domain/achievement.js';
import type { Vision } from '../../domain/vision.js';
import type { ProjectStatus, YearStatus } from './assemble-year-status.js';

export type GradeCounts = Record<ProjectGrade | 'none', number>;

/** The counts of one group of projects: KPI statuses (KPIs without a status left out) and project grades. */
export type StatusGroup = {
  key: string;
  /** a chart axis's short name (「役割1」); the label is whole */
  short: string;
  label: string;
  projects: number;
  kpis: Record<AchievementLevel, number>;
  grades: GradeCounts;
};

export type StatusSummary = {
  fiscalYear: number;
  total: StatusGroup;
  byRole: StatusGroup[];
  byPolicyArea: StatusGroup[];
  /** each municipality with the projects it takes part in (the central city: every project) */
  byMunicipality: StatusGroup[];
};

export const GRADES: readonly ProjectGrade[] = ['A', 'B', 'C', 'D'];

/** Counts of a fiscal year's statuses and grades, overall and per role, policy area and municipality. */
export function summarizeYearStatus(status: YearStatus, vision: Vision): StatusSummary {
  const byNumber = new Map(status.projects.map((p) => [p.number, p]));
  const pick = (numbers: readonly number[]) => numbers.flatMap((n) => byNumber.get(n) ?? []);
  const numbersWhere = (test: (p: Vision['projects'][number]) => boolean) =>
    vision.projects.filter(test).map((p) => p.number);
  return {
    fiscalYear: status.fiscalYear,
    total: countGroup('all', '全体', '全体', status.projects),
    byRole: vision.structure.map((r) =>
      countGroup(
        `role-${r.role}`,
        `役割${r.role}`,
        `役割${r.role} ${r.title}`,
        pick(numbersWhere((p) => p.role === r.role)),
      ),
    ),
    byPolicyArea: vision.structure.flatMap((r) =>
      r.policyAreas.map((a) =>
        countGroup(
          `role-${r.role}-area-${a.no}`,
          `${r.role}-(${a.no})`,
          `役割${r.role} (${a.no}) ${a.title}`,
          pick(numbersWhere((p) => p.role === r.role && p.policyArea === a.no)),
        ),
      ),
    ),
    byMunicipality: vision.area.municipalities.map((m) =>
      countGroup(
        `municipality-${m.code ?? m.name}`,
        m.name,
        m.name,
        pick(numbersWhere((p) => m.isCentralCity || p.participants.includes(m.name))),
      ),
    ),
  };
}

function countGroup(key: string, short: string, label: string, projects: readonly ProjectStatus[]): StatusGroup {
  const grades: GradeCounts = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const p of projects) grades[p.grade ?? 'none'] += 1;
  return {
    key,
    short,
    label,
    projects: projects.length,
    kpis: countStatuses(projects.flatMap((p) => p.kpis.map((k) => k.status))),
    grades,
  };
}
