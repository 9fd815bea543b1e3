import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { assembleYearStatus, type ProjectStatus, type YearStatus } from './assemble-year-status.js';
import { loadAreaResults } from './load-area-results.js';

/** An area's results as the public sees them: one YearStatus per published fiscal year of the plan, oldest first. */
export type PublishedResults = { years: YearStatus[] };

/** Every published fiscal year of the area (public audience: approved parts only), assembled once. */
export async function readPublishedResults(db: Kysely<Database>, areaSlug: string): Promise<PublishedResults> {
  const results = await loadAreaResults(db, { areaSlug, audience: 'public' });
  const published = new Set(results.rows.publishedYears.map((y) => y.fiscal_year));
  const years = results.vision.plan.fiscalYears.filter((fy) => published.has(fy)).sort((a, b) => a - b);
  return { years: years.map((fy) => assembleYearStatus(results, fy)) };
}

/** The latest published fiscal year's status, or null when nothing is published yet. */
export function latestPublished(published: PublishedResults): YearStatus | null {
  return published.years[published.years.length - 1] ?? null;
}

/** A project's status in each published fiscal year, oldest first (years where it is missing are left out). */
export function projectAcrossYears(
  published: PublishedResults,
  projectNumber: number,
): { fiscalYear: number; project: ProjectStatus }[] {
  return published.years.flatMap((status) => {
    const project = status.projects.find((p) => p.number === projectNumber);
    return project ? [{ fiscalYear: status.fiscalYear, project }] : [];
  });
}

/**
 * A fiscal year's status for the API: the public sees published years only (NOT_FOUND otherwise, the same answer
 * as for a year outside the plan, so nothing tells whether unpublished results exist); the area's staff see any
 * year of the plan with every entry.
 */
export async function readYearStatusFor(
  db: Kysely<Database>,
  input: { areaSlug: string; fiscalYear: number; actor: Actor | undefined },
): Promise<YearStatus> {
  const results = await loadAreaResults(db, { areaSlug: input.areaSlug, actor: input.actor });
  const inPlan = results.vision.plan.fiscalYears.includes(input.fiscalYear);
  const visible =
    results.audience === 'staff' || results.rows.publishedYears.some((y) => y.fiscal_year === input.fiscalYear);
  if (!inPlan || !visible) {
    throw new AppError('NOT_FOUND', `No published results for ${input.areaSlug} ${input.fiscalYear}`, {
      userMessage: `${input.fiscalYear}年度の実績は公表されていません。`,
    });
  }
  return assembleYearStatus(results, input.fiscalYear);
}
