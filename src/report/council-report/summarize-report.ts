import { type AchievementLevel, countStatuses, type ProjectGrade } from '../../domain/achievement.js';
import type { ReportProject } from './build-council-report.js';

export const GRADES: readonly ProjectGrade[] = ['A', 'B', 'C', 'D'];
export const LEVELS: readonly AchievementLevel[] = ['達成', '概ね順調', '遅れ', '未評価'];

/** A group of projects (a role, a policy area): how many, their grades and KPI statuses, plan vs actual. */
export type GroupSummary = {
  key: string;
  label: string;
  projects: number;
  /** projects per grade; `none` for projects not graded (no KPI assessed) */
  grades: Record<ProjectGrade | 'none', number>;
  /** KPIs per status */
  statuses: Record<AchievementLevel, number>;
  /** the report year's plan and actual, 千円 (blank cells count as 0) */
  plan: number;
  actual: number;
};

/** A municipality's shares of every project it takes part in, for the report year, 千円. */
export type MunicipalitySummary = { name: string; projects: number; plan: number; actual: number };

/** Groups projects in their order of first appearance. */
export function summarizeProjects(
  projects: readonly ReportProject[],
  groupOf: (p: ReportProject) => { key: string; label: string },
): GroupSummary[] {
  const groups = new Map<string, { label: string; members: ReportProject[] }>();
  for (const project of projects) {
    const { key, label } = groupOf(project);
    const group = groups.get(key) ?? { label, members: [] };
    group.members.push(project);
    groups.set(key, group);
  }
  return [...groups].map(([key, { label, members }]) => ({ key, label, ...summarize(members) }));
}

/** Totals over a set of projects (a group, or all of them for the summary's last row). */
export function summarize(projects: readonly ReportProject[]): Omit<GroupSummary, 'key' | 'label'> {
  const grades: Record<ProjectGrade | 'none', number> = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const p of projects) grades[p.grade ?? 'none'] += 1;
  return {
    projects: projects.length,
    grades,
    statuses: countStatuses(projects.flatMap((p) => p.kpis.map((k) => k.status))),
    plan: sumOf(projects.map((p) => p.spending.plan)),
    actual: sumOf(projects.map((p) => p.spending.actual)),
  };
}

/** Each municipality's shares over the projects it takes part in, in order of first appearance. */
export function summarizeMunicipalities(projects: readonly ReportProject[]): MunicipalitySummary[] {
  const byName = new Map<string, MunicipalitySummary>();
  for (const project of projects) {
    for (const share of project.shares) {
      const row = byName.get(share.municipalityName) ?? {
        name: share.municipalityName,
        projects: 0,
        plan: 0,
        actual: 0,
      };
      row.projects += 1;
      row.plan += share.plan ?? 0;
      row.actual += share.actual ?? 0;
      byName.set(share.municipalityName, row);
    }
  }
  return [...byName.values()];
}

function sumOf(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, v) => total + (v ?? 0), 0);
}
