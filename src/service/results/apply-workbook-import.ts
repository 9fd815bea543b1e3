import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { findMunicipalityInArea } from '../../store/municipality-store.js';
import { findCurrentRevision } from '../../store/read-revision.js';
import { getArea } from '../area-lookup.js';
import { runWrite, type WriteContext } from '../run-write.js';
import { writeKpiPart, writeProjectPart } from './central-results.js';
import { type LocatedProject, locateAllProjects } from './locate-project.js';
import { writeMunicipalityPart } from './municipality-results.js';
import type { WorkbookChange, WorkbookImportPlan } from './plan-workbook-import.js';
import { writeResultEntry } from './write-result-entry.js';

/**
 * Stores a planned workbook import in one write: every change or none. A municipality's part goes through the
 * entry's own rules (its staff, its version, draft or returned only); with `approve` (the operator's CLI, like the
 * CSV import) it is stored as approved. The project's totals and comments and the KPI actuals go through the
 * central city's writes. Each is version-checked against the workbook it came from; a plan without changes writes
 * (and audits) nothing.
 */
export async function applyWorkbookImport(
  db: Kysely<Database>,
  actor: Actor,
  plan: WorkbookImportPlan,
  options: { approve: boolean },
): Promise<{ changed: number }> {
  if (plan.changes.length === 0) return { changed: 0 };
  await runWrite(db, actor, async (w) => {
    const area = await getArea(w.trx, plan.areaSlug);
    const revision = await findCurrentRevision(w.trx, area);
    if (revision?.id !== plan.revisionId) {
      throw new AppError('CONFLICT', `Revision ${plan.revisionId} is no longer current`, {
        userMessage: 'ブックを読み込んだ後にビジョンが更新されました。記入用ブックをダウンロードし直してください。',
      });
    }
    const where = {
      plan,
      areaId: area.id,
      approve: options.approve,
      projects: await locateAllProjects(w.trx, plan),
      municipalityId: await findMunicipalityId(w, area.id, plan.municipalityCode),
    };
    for (const change of plan.changes) await applyChange(w, where, change);
  });
  return { changed: plan.changes.length };
}

async function applyChange(
  w: WriteContext,
  where: {
    plan: WorkbookImportPlan;
    areaId: number;
    approve: boolean;
    projects: Map<number, LocatedProject>;
    municipalityId: number;
  },
  change: WorkbookChange,
): Promise<void> {
  const { plan } = where;
  const address = { areaSlug: plan.areaSlug, fiscalYear: plan.fiscalYear, projectNumber: change.projectNumber };
  switch (change.kind) {
    case 'part': {
      if (!where.approve) {
        await writeMunicipalityPart(w, {
          ...address,
          municipalityCode: plan.municipalityCode,
          ...change.values,
          expectedVersion: change.expectedVersion,
        });
        return;
      }
      w.require('results.review', { areaId: where.areaId });
      await writeResultEntry(
        w,
        { areaId: where.areaId, fiscalYear: plan.fiscalYear },
        {
          kind: 'part',
          projectKeyId: change.projectKeyId,
          municipalityId: where.municipalityId,
          amount: change.values.amount ?? 0,
          comment: change.values.comment,
        },
      );
      return;
    }
    case 'project':
      await writeProjectPart(
        w,
        address,
        { ...change.values, expectedVersion: change.expectedVersion },
        where.projects.get(change.projectNumber),
      );
      return;
    case 'kpi':
      await writeKpiPart(
        w,
        { ...address, kpiNumber: change.kpiNumber },
        { ...change.values, expectedVersion: change.expectedVersion },
        where.projects.get(change.projectNumber),
      );
      return;
  }
}

async function findMunicipalityId(w: WriteContext, areaId: number, code: string): Promise<number> {
  const row = await findMunicipalityInArea(w.trx, { areaId, code });
  if (!row)
    throw new AppError('NOT_FOUND', `No municipality ${code}`, {
      userMessage: `団体コード ${code} の市町村がありません。`,
    });
  return row.id;
}
