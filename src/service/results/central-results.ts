import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import { checkThousandYen } from '../../domain/thousand-yen.js';
import type { Database } from '../../store/database.js';
import {
  findKpiResult,
  findProjectResult,
  type KpiResultRow,
  type ProjectResultRow,
  writeKpiResult,
  writeProjectResult,
} from '../../store/yearly-result-store.js';
import { runWrite, type WriteContext } from '../run-write.js';
import { type LocatedProject, locateProject, type ProjectAddress, projectNotFound } from './locate-project.js';

/** The central city's part of a project's yearly result. */
export type ProjectResultInput = {
  /** 決算額 of the whole project, 千円; null while unknown */
  actualTotal: number | null;
  /** 取組状況 */
  progress: string;
  /** 課題・今後の方向性 */
  nextSteps: string;
  /** the central city's self-evaluation */
  selfEvaluation: string;
};

export type ProjectResult = ProjectResultInput & { version: number; updatedBy: string | null };

export type KpiResultInput = {
  /** the KPI's actual value; null with a reason for 「未集計」, null without one for "not entered" */
  actual: number | null;
  notCountedReason: string | null;
};

export type KpiResult = KpiResultInput & { version: number; updatedBy: string | null };

/**
 * Records the central city's part of a project's result (results.review in the area): audited, and refused with the
 * current values when someone changed it since `expectedVersion`.
 */
export async function recordProjectResult(
  db: Kysely<Database>,
  actor: Actor,
  address: ProjectAddress,
  input: ProjectResultInput & { expectedVersion: number },
): Promise<ProjectResult> {
  const { result } = await runWrite(db, actor, (w) => writeProjectPart(w, address, input));
  return result;
}

/**
 * The body of recordProjectResult inside a write the caller opened (a workbook import writes many in one, and
 * passes the project it located with all the others).
 */
export async function writeProjectPart(
  w: WriteContext,
  address: ProjectAddress,
  input: ProjectResultInput & { expectedVersion: number },
  located?: LocatedProject,
): Promise<ProjectResult> {
  checkThousandYen(input.actualTotal, '決算額');
  const actor = w.actor;
  const target = located ?? (await locateProject(w.trx, address));
  w.require('results.review', { areaId: target.area.id });
  const key = { projectKeyId: target.projectKeyId, fiscalYear: address.fiscalYear };
  const before = await findProjectResult(w.trx, key, { lock: true });
  const current = toProjectResult(before);
  w.expectVersion(input.expectedVersion, current.version, current);
  const { expectedVersion: _, ...wanted } = input;
  if (before && sameProjectResult(current, wanted)) return current;
  const saved = await writeProjectResult(
    w.trx,
    { areaId: target.area.id, ...key },
    {
      actual_total: wanted.actualTotal,
      progress: wanted.progress,
      next_steps: wanted.nextSteps,
      self_evaluation: wanted.selfEvaluation,
      version: current.version + 1,
      updated_by: actor.label,
    },
  );
  w.audit({
    action: 'result.project',
    entity: 'project_result',
    entityId: `${address.fiscalYear}/${address.projectNumber}`,
    areaId: target.area.id,
    before: before ? current : null,
    after: toProjectResult(saved),
    audience: { resultsOfYear: address.fiscalYear },
  });
  return toProjectResult(saved);
}

/** Records one KPI's actual for a fiscal year (KPI number = its 1-based position in the project). */
export async function recordKpiResult(
  db: Kysely<Database>,
  actor: Actor,
  address: ProjectAddress & { kpiNumber: number },
  input: KpiResultInput & { expectedVersion: number },
): Promise<KpiResult> {
  if (input.actual !== null && !Number.isFinite(input.actual)) {
    throw new AppError('INVALID_INPUT', `Bad KPI actual ${input.actual}`, { userMessage: '実績値は数値です。' });
  }
  const { result } = await runWrite(db, actor, (w) => writeKpiPart(w, address, input));
  return result;
}

/** The body of recordKpiResult inside a write the caller opened (as writeProjectPart). */
export async function writeKpiPart(
  w: WriteContext,
  address: ProjectAddress & { kpiNumber: number },
  input: KpiResultInput & { expectedVersion: number },
  located?: LocatedProject,
): Promise<KpiResult> {
  const reason = input.actual === null ? input.notCountedReason?.trim() || null : null;
  const actor = w.actor;
  const target = located ?? (await locateProject(w.trx, address));
  w.require('results.review', { areaId: target.area.id });
  const kpiKeyId = target.kpiKeyIds[address.kpiNumber - 1];
  if (kpiKeyId === undefined) {
    throw new AppError('NOT_FOUND', `No KPI ${address.kpiNumber} in project ${address.projectNumber}`, {
      userMessage: `事業 ${address.projectNumber} に成果指標 ${address.kpiNumber} はありません（${target.kpiKeyIds.length} 件）。`,
    });
  }
  const key = { kpiKeyId, fiscalYear: address.fiscalYear };
  const before = await findKpiResult(w.trx, key, { lock: true });
  const current = toKpiResult(before);
  w.expectVersion(input.expectedVersion, current.version, current);
  if (before && current.actual === input.actual && current.notCountedReason === reason) return current;
  const saved = await writeKpiResult(
    w.trx,
    { areaId: target.area.id, ...key },
    { actual: input.actual, not_counted_reason: reason, version: current.version + 1, updated_by: actor.label },
  );
  w.audit({
    action: 'result.kpi',
    entity: 'kpi_result',
    entityId: `${address.fiscalYear}/${address.projectNumber}/${address.kpiNumber}`,
    areaId: target.area.id,
    before: before ? current : null,
    after: toKpiResult(saved),
    audience: { resultsOfYear: address.fiscalYear },
  });
  return toKpiResult(saved);
}

export function toProjectResult(row: ProjectResultRow | undefined): ProjectResult {
  return {
    actualTotal: row?.actual_total ?? null,
    progress: row?.progress ?? '',
    nextSteps: row?.next_steps ?? '',
    selfEvaluation: row?.self_evaluation ?? '',
    version: row?.version ?? 0,
    updatedBy: row?.updated_by ?? null,
  };
}

export function toKpiResult(row: KpiResultRow | undefined): KpiResult {
  return {
    actual: row?.actual ?? null,
    notCountedReason: row?.not_counted_reason ?? null,
    version: row?.version ?? 0,
    updatedBy: row?.updated_by ?? null,
  };
}

function sameProjectResult(a: ProjectResultInput, b: ProjectResultInput): boolean {
  return (
    a.actualTotal === b.actualTotal &&
    a.progress === b.progress &&
    a.nextSteps === b.nextSteps &&
    a.selfEvaluation === b.selfEvaluation
  );
}

/** The central city's part of a project's result with each KPI's actual, for staff who may read the area's drafts. */
export async function getCentralResult(
  db: Kysely<Database>,
  actor: Actor,
  address: ProjectAddress,
): Promise<ProjectResult & { kpis: (KpiResult & { number: number })[] }> {
  const target = await locateProject(db, address);
  if (!isAllowed(actor, 'drafts.read', { areaId: target.area.id })) throw projectNotFound(address);
  const result = await findProjectResult(db, { projectKeyId: target.projectKeyId, fiscalYear: address.fiscalYear });
  const kpis = await Promise.all(
    target.kpiKeyIds.map(async (kpiKeyId, i) => {
      const row = await findKpiResult(db, { kpiKeyId, fiscalYear: address.fiscalYear });
      return { number: i + 1, ...toKpiResult(row) };
    }),
  );
  return { ...toProjectResult(result), kpis };
}
