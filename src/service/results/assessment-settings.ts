import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import {
  type AchievementThresholds,
  DEFAULT_ACHIEVEMENT_THRESHOLDS,
  DEFAULT_GRADE_THRESHOLDS,
  type GradeThresholds,
  type KpiSettings,
} from '../../domain/achievement.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { findAreaSetting, findKpiSetting, writeAreaSetting, writeKpiSetting } from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';
import { runWrite } from '../run-write.js';
import { locateProject } from './locate-project.js';

/**
 * How one KPI is read (results.review): whether lower is better (e.g. 待機児童数) and how a （累計） indicator's actual
 * is counted (docs/achievement.md). Audited and version-checked like every write.
 */
export async function setKpiSettings(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; projectNumber: number; kpiNumber: number; settings: KpiSettings; expectedVersion: number },
): Promise<KpiSettings & { version: number }> {
  const { result } = await runWrite(db, actor, async (w) => {
    const target = await locateProject(w.trx, input);
    w.require('results.review', { areaId: target.area.id });
    const kpiKeyId = target.kpiKeyIds[input.kpiNumber - 1];
    if (kpiKeyId === undefined) {
      throw new AppError('NOT_FOUND', `No KPI ${input.kpiNumber}`, {
        userMessage: `事業 ${input.projectNumber} に成果指標 ${input.kpiNumber} はありません。`,
      });
    }
    const before = await findKpiSetting(w.trx, kpiKeyId);
    const version = before?.version ?? 0;
    w.expectVersion(input.expectedVersion, version, before ?? null);
    if (before?.direction === input.settings.direction && before.cumulative === input.settings.cumulative) {
      return { ...input.settings, version };
    }
    await writeKpiSetting(w.trx, { kpi_key_id: kpiKeyId, ...input.settings, version: version + 1 });
    w.audit({
      action: 'kpi_setting.set',
      entity: 'kpi_setting',
      entityId: `${input.projectNumber}/${input.kpiNumber}`,
      areaId: target.area.id,
      before: before ?? null,
      after: { ...input.settings, version: version + 1 },
    });
    return { ...input.settings, version: version + 1 };
  });
  return result;
}

export type AreaThresholds = { achievement: AchievementThresholds; grades: GradeThresholds; version: number };

/**
 * The area's thresholds (results.review): attainment for 達成 and the share of expected progress for 概ね順調, and
 * the score limits of grades A–C. Refused unless 0 < C < B < A ≤ 1 and both achievement figures are positive.
 */
export async function setAreaThresholds(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; achievement: AchievementThresholds; grades: GradeThresholds; expectedVersion: number },
): Promise<AreaThresholds> {
  const { achievement, grades } = input;
  const ordered = 0 < grades.c && grades.c < grades.b && grades.b < grades.a && grades.a <= 1;
  if (!ordered || !(achievement.achievedAttainment > 0) || !(achievement.onTrackRatio > 0)) {
    throw new AppError('INVALID_INPUT', 'Thresholds out of order', {
      userMessage: '評価の基準は 0 ＜ C ＜ B ＜ A ≦ 100％、達成と概ね順調の基準は 0 より大きい値にしてください。',
    });
  }
  const { result } = await runWrite(db, actor, async (w) => {
    const area = await getArea(w.trx, input.areaSlug);
    w.require('results.review', { areaId: area.id });
    const before = await findAreaSetting(w.trx, area.id);
    const version = before?.version ?? 0;
    w.expectVersion(input.expectedVersion, version, before ?? null);
    await writeAreaSetting(w.trx, {
      area_id: area.id,
      achievement_thresholds: achievement,
      grade_thresholds: grades,
      version: version + 1,
    });
    w.audit({
      action: 'area_setting.set',
      entity: 'area_setting',
      entityId: area.slug,
      areaId: area.id,
      before: before
        ? { achievement: before.achievement_thresholds, grades: before.grade_thresholds }
        : { achievement: DEFAULT_ACHIEVEMENT_THRESHOLDS, grades: DEFAULT_GRADE_THRESHOLDS },
      after: { achievement, grades },
    });
    return { achievement, grades, version: version + 1 };
  });
  return result;
}
