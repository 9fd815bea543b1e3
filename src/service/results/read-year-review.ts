import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import { defaultKpiSettings, type KpiSettings } from '../../domain/achievement.js';
import type { CostShareRule } from '../../domain/cost-share.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/vision.js';
import type { Database } from '../../store/database.js';
import { getArea } from '../area-lookup.js';
import { assembleYearStatus, type ProjectStatus, type YearStatus } from './assemble-year-status.js';
import type { AreaThresholds } from './assessment-settings.js';
import { type KpiResult, type ProjectResult, toKpiResult, toProjectResult } from './central-results.js';
import { loadAreaResults } from './load-area-results.js';
import { checkFiscalYear, projectNotFound } from './locate-project.js';

export type YearReview = YearStatus & { thresholds: AreaThresholds };

/** The central city's view of a fiscal year (results.review): every state, every part, the area's thresholds. */
export async function readYearReview(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; fiscalYear: number | undefined },
): Promise<YearReview> {
  const area = await getArea(db, input.areaSlug);
  if (!isAllowed(actor, 'results.review', { areaId: area.id })) throw notReviewer();
  const results = await loadAreaResults(db, { areaSlug: area.slug, audience: 'staff' });
  const fiscalYear = input.fiscalYear ?? results.vision.plan.fiscalYears[0] ?? 0;
  checkFiscalYear(results.vision.plan.fiscalYears, fiscalYear);
  const thresholds = {
    achievement: results.thresholds,
    grades: results.grades,
    version: results.rows.areaSetting?.version ?? 0,
  };
  return { ...assembleYearStatus(results, fiscalYear), thresholds };
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
  /** how each KPI is read (stored, else the defaults), with the version its form carries */
  kpiSettings: (KpiSettings & { version: number })[];
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
    kpiSettings: project.kpis.map((kpi, i) => {
      const stored = results.rows.kpiSettings.find((s) => s.kpi_key_id === key.kpiKeyIds[i]);
      return stored
        ? { direction: stored.direction, cumulative: stored.cumulative, version: stored.version }
        : { ...defaultKpiSettings(kpi), version: 0 };
    }),
  };
}

function notReviewer(): AppError {
  return new AppError('FORBIDDEN', 'Not a reviewer of this area', {
    userMessage: 'この圏域の実績を確認する権限がありません。',
  });
}
