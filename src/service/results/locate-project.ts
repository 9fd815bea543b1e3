import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../domain/errors.js';
import type { AreaRow } from '../../store/area-store.js';
import type { Database } from '../../store/database.js';
import { findCurrentRevision, type RevisionRow } from '../../store/read-revision.js';
import { readRevisionKeys } from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';

export type ProjectAddress = { areaSlug: string; fiscalYear: number; projectNumber: number };

export type LocatedProject = {
  area: AreaRow;
  revision: RevisionRow;
  projectKeyId: number;
  /** the project's KPIs' stable keys, by position (KPI number − 1) */
  kpiKeyIds: number[];
};

/**
 * The project of the area's current revision by its number, for a fiscal year of the plan (any year when the
 * address has none: a cost-share rule holds for all); NOT_FOUND else.
 */
export async function locateProject(
  db: Kysely<Database> | Transaction<Database>,
  address: Omit<ProjectAddress, 'fiscalYear'> & { fiscalYear?: number },
): Promise<LocatedProject> {
  const area = await getArea(db, address.areaSlug);
  const revision = await findCurrentRevision(db, area);
  if (!revision) throw projectNotFound(address);
  if (address.fiscalYear !== undefined) checkFiscalYear(revision.plan.fiscalYears, address.fiscalYear);
  const keys = await readRevisionKeys(db, revision.id);
  const project = keys.find((k) => k.number === address.projectNumber);
  if (!project) throw projectNotFound(address);
  return { area, revision, projectKeyId: project.projectKeyId, kpiKeyIds: project.kpiKeyIds };
}

/** Every project of the area's current revision by number, located at once (an import writes hundreds). */
export async function locateAllProjects(
  db: Kysely<Database> | Transaction<Database>,
  address: { areaSlug: string; fiscalYear: number },
): Promise<Map<number, LocatedProject>> {
  const area = await getArea(db, address.areaSlug);
  const revision = await findCurrentRevision(db, area);
  if (!revision) throw projectNotFound({});
  checkFiscalYear(revision.plan.fiscalYears, address.fiscalYear);
  const keys = await readRevisionKeys(db, revision.id);
  return new Map(keys.map((k) => [k.number, { area, revision, projectKeyId: k.projectKeyId, kpiKeyIds: k.kpiKeyIds }]));
}

/** A fiscal year outside the plan's period is refused with the period in the message. */
export function checkFiscalYear(years: readonly number[], fiscalYear: number): void {
  if (years.includes(fiscalYear)) return;
  throw new AppError('NOT_FOUND', `Fiscal year ${fiscalYear} not in plan`, {
    userMessage: `${fiscalYear}年度はこの計画の期間（${years[0] ?? '?'}〜${years.at(-1) ?? '?'}年度）にありません。`,
  });
}

export function projectNotFound(address: Partial<ProjectAddress>): AppError {
  return new AppError('NOT_FOUND', `No project at ${JSON.stringify(address)}`, {
    userMessage: `事業 ${address.projectNumber ?? ''} はこの圏域の現在のビジョンにありません。`,
  });
}
