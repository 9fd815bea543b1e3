import { findMunicipalityResult, writeMunicipalityResult } from '../../store/municipality-result-store.js';
import {
  findKpiResult,
  findProjectResult,
  writeKpiResult,
  writeProjectResult,
} from '../../store/yearly-result-store.js';
import type { WriteContext } from '../run-write.js';

/** One figure of a fiscal year's results, addressed by stable keys (what a file or workbook row carries). */
export type ResultEntry =
  | { kind: 'kpi'; kpiKeyId: number; actual: number | null; notCountedReason: string | null }
  | { kind: 'total'; projectKeyId: number; amount: number }
  | { kind: 'part'; projectKeyId: number; municipalityId: number; amount: number; comment?: string };

/**
 * Stores one figure vouched for by the caller (an operator's file): a municipality's part is recorded as approved.
 * A part's comment is kept unless the entry brings one; the project's comments are kept. Returns false, writing and auditing nothing, when the value is
 * already there.
 */
export async function writeResultEntry(
  w: WriteContext,
  where: { areaId: number; fiscalYear: number },
  entry: ResultEntry,
): Promise<boolean> {
  const { trx, actor } = w;
  const fiscalYear = where.fiscalYear;
  const audit = (entity: string, entityId: string, before: unknown, after: unknown) =>
    w.audit({
      action: 'result.import',
      entity,
      entityId,
      areaId: where.areaId,
      before,
      after,
      audience: { resultsOfYear: fiscalYear },
    });
  switch (entry.kind) {
    case 'kpi': {
      const before = await findKpiResult(trx, { kpiKeyId: entry.kpiKeyId, fiscalYear }, { lock: true });
      if (before && before.actual === entry.actual && before.not_counted_reason === entry.notCountedReason) {
        return false;
      }
      const values = { actual: entry.actual, not_counted_reason: entry.notCountedReason };
      await writeKpiResult(
        trx,
        { areaId: where.areaId, kpiKeyId: entry.kpiKeyId, fiscalYear },
        { ...values, version: (before?.version ?? 0) + 1, updated_by: actor.label },
      );
      audit('kpi_result', `${fiscalYear}/key ${entry.kpiKeyId}`, before ?? null, values);
      return true;
    }
    case 'total': {
      const before = await findProjectResult(trx, { projectKeyId: entry.projectKeyId, fiscalYear }, { lock: true });
      if (before && before.actual_total === entry.amount) return false;
      await writeProjectResult(
        trx,
        { areaId: where.areaId, projectKeyId: entry.projectKeyId, fiscalYear },
        {
          actual_total: entry.amount,
          progress: before?.progress ?? '',
          next_steps: before?.next_steps ?? '',
          self_evaluation: before?.self_evaluation ?? '',
          version: (before?.version ?? 0) + 1,
          updated_by: actor.label,
        },
      );
      audit('project_result', `${fiscalYear}/key ${entry.projectKeyId}`, before ?? null, { actualTotal: entry.amount });
      return true;
    }
    case 'part': {
      const key = { projectKeyId: entry.projectKeyId, fiscalYear, municipalityId: entry.municipalityId };
      const before = await findMunicipalityResult(trx, key, { lock: true });
      const comment = entry.comment ?? before?.comment ?? '';
      if (before && before.amount === entry.amount && before.comment === comment && before.state === 'approved') {
        return false;
      }
      await writeMunicipalityResult(trx, {
        ...key,
        areaId: where.areaId,
        amount: entry.amount,
        comment,
        state: 'approved',
        returnReason: null,
        version: (before?.version ?? 0) + 1,
        updatedBy: actor.label,
      });
      audit(
        'municipality_result',
        `${fiscalYear}/key ${entry.projectKeyId}/m ${entry.municipalityId}`,
        before ?? null,
        {
          amount: entry.amount,
          comment,
          state: 'approved',
        },
      );
      return true;
    }
  }
}
