import { toSearchKey } from './search-key.js';
import type { Project, TargetKind } from './vision.js';

/** A filter over the projects of one revision, as the project list offers it. */
export type ProjectQuery = {
  role?: number;
  policyArea?: number;
  subField?: number;
  /** a partner name: projects it takes part in (the central city takes part in all) */
  municipality?: string;
  newOnly?: boolean;
  targetKind?: TargetKind;
  text?: string;
  sort?: 'number' | 'cost';
  order?: 'asc' | 'desc';
};

/**
 * The projected cost of a project: the printed total, else the sum of the years that hold an amount; null when
 * the document gives no amount at all (every cell 「—」 or blank): "not given", never 0.
 * @example projectCost({ budget: { total: { amount: null, mark: 'dash' }, years: [] } }) // null
 */
export function projectCost(project: Pick<Project, 'budget'>): number | null {
  if (project.budget.total.amount !== null) return project.budget.total.amount;
  const amounts = project.budget.years.flatMap((y) => (y.amount === null ? [] : [y.amount]));
  return amounts.length === 0 ? null : amounts.reduce((sum, a) => sum + a, 0);
}

/** Compares two costs in the given direction; a missing cost (null) sorts last either way. */
function compareCost(a: number | null, b: number | null, direction: number): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return direction * (a - b);
}

function searchText(project: Project): string {
  return toSearchKey(
    [
      project.name,
      project.nameInMatrix ?? '',
      ...project.content,
      project.effect ?? '',
      ...project.kpis.flatMap((k) => [k.indicator, k.note ?? '']),
    ].join('\n'),
  );
}

function takesPart(project: Project, municipality: string, centralCity: string | null): boolean {
  const key = toSearchKey(municipality);
  if (centralCity !== null && toSearchKey(centralCity) === key) return true;
  return project.participants.some((p) => toSearchKey(p) === key);
}

/**
 * The projects that match every given condition, sorted. Text search is a substring search on the search
 * key of names, content, effect and indicators; every word (split by spaces) must match.
 * @example queryProjects(projects, { municipality: '外ケ浜町', sort: 'cost', order: 'desc' }, '青森市')
 */
export function queryProjects(
  projects: readonly Project[],
  query: ProjectQuery,
  centralCity: string | null,
): Project[] {
  const words = (query.text ?? '')
    .normalize('NFKC')
    .split(/\s+/)
    .map(toSearchKey)
    .filter((w) => w !== '');
  const matches = projects.filter(
    (p) =>
      (query.role === undefined || p.role === query.role) &&
      (query.policyArea === undefined || p.policyArea === query.policyArea) &&
      (query.subField === undefined || p.subField === query.subField) &&
      (query.municipality === undefined || takesPart(p, query.municipality, centralCity)) &&
      (!query.newOnly || p.isNew) &&
      (query.targetKind === undefined || p.kpis.some((k) => k.target.kind === query.targetKind)) &&
      (words.length === 0 || words.every((w) => searchText(p).includes(w))),
  );
  const direction = query.order === 'desc' ? -1 : 1;
  const byCost = query.sort === 'cost';
  return matches.sort((a, b) =>
    byCost
      ? compareCost(projectCost(a), projectCost(b), direction) || a.number - b.number
      : direction * (a.number - b.number),
  );
}

/** Projected cost per fiscal year over the given projects (blank and dash cells count 0). */
export function costByFiscalYear(projects: readonly Project[], fiscalYears: readonly number[]): number[] {
  return fiscalYears.map((fy) =>
    projects.reduce((sum, p) => sum + (p.budget.years.find((y) => y.fiscalYear === fy)?.amount ?? 0), 0),
  );
}
