import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import type { CostShareRule } from '../../domain/cost-share.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/vision.js';
import type { Database } from '../../store/database.js';
import { getArea } from '../area-lookup.js';
import { assembleYearStatus, type ProjectStatus, type YearStatus } from './assemble-year-status.js';
import { type KpiResult, type ProjectResult, toKpiResult, toProjectResult } from './central-results.js';
import { loadAreaResults } from './load-area-results.js';
import { checkFiscalYear, projectNotFound } from './locate-project.js';

/** The central city's view of a fiscal year (results.review): every state, every part. */
export async function readYearReview(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; fiscalYear: number | undefined },
): Promise<YearStatus> {
  const area = await getArea(db, input.areaSlug);
  if (!isAllowed(actor, 'results.review', { areaId: area.id })) throw notReviewer();
  const results = await loadAreaResults(db, { areaSlug: area.slug, audience: 'staff' });
  const fiscalYear = input.fiscalYear ?? results.vision.plan.fiscalYears[0] ?? 0;
  checkFiscalYear(results.vision.plan.fiscalYears, fiscalYear);
  return assembleYearStatus(results, fiscalYear);
}

export type ProjectReview = {
  area: { slug: string; name: string };
  fiscalYear: number;
  fiscalYears: number[];
  project: Project;
  status: ProjectStatus;
  result: ProjectResult;
  kpiResults: KpiResult[];
  costShare: { rule: CostShareRule | null; version: number };
};

/** Everything the central city enters for one project and year, with the versions its forms carry. */
export async function readProjectReview(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; fiscalYear: number; projectNumber: number },
): Promise<ProjectReview> {
  const area = await getArea(db, input.areaSlug);
  if (!isAllowed(actor, 'results.review', { areaId: area.id })) throw notReviewer();
  const results = await loadAreaResults(db, { areaSlug: area.slug, audience: 'staff' });
  const { vision, index } = results;
  const project = vision.projects.find((p) => p.number === input.projectNumber);
  const key = index.keyOf(input.projectNumber);
  if (!project || !key) throw projectNotFound(input);
  checkFiscalYear(vision.plan.fiscalYears, input.fiscalYear);
  const status = assembleYearStatus(results, input.fiscalYear).projects.find((p) => p.number === project.number);
  const rule = index.ruleOf(key.projectKeyId);
  return {
    area: { slug: area.slug, name: area.name },
    fiscalYear: input.fiscalYear,
    fiscalYears: vision.plan.fiscalYears,
    project,
    status: status as ProjectStatus,
    result: toProjectResult(index.projectResultOf(key.projectKeyId, input.fiscalYear)),
    kpiResults: key.kpiKeyIds.map((kpiKeyId) => toKpiResult(index.kpiResultOf(kpiKeyId, input.fiscalYear))),
    costShare: { rule: rule?.rule ?? null, version: rule?.version ?? 0 },
  };
}

function notReviewer(): AppError {
  return new AppError('FORBIDDEN', 'Not a reviewer of this area', {
    userMessage: 'この圏域の実績を確認する権限がありません。',
  });
}
