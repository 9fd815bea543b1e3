import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { findCurrentRevision } from '../../store/read-revision.js';
import { publishResultYear } from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';
import { runWrite } from '../run-write.js';
import { checkFiscalYear } from './locate-project.js';

export type PublishedYear = { areaSlug: string; fiscalYear: number; approvedParts: number; pendingParts: number };

/**
 * Makes a fiscal year's results public (results.review): the central city's figures and comments, the KPI actuals,
 * and the municipalities' parts that are approved. Parts still waiting stay private until approved; the answer
 * says how many. Publishing again moves the date.
 */
export async function publishYearResults(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; fiscalYear: number },
): Promise<PublishedYear> {
  const { result } = await runWrite(db, actor, async (w) => {
    const area = await getArea(w.trx, input.areaSlug);
    w.require('results.review', { areaId: area.id });
    const revision = await findCurrentRevision(w.trx, area);
    if (!revision)
      throw new AppError('NOT_FOUND', 'No revision', { userMessage: 'この圏域にはビジョンがありません。' });
    checkFiscalYear(revision.plan.fiscalYears, input.fiscalYear);
    const parts = await w.trx
      .selectFrom('municipality_result')
      .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
      .where('area_id', '=', area.id)
      .where('fiscal_year', '=', input.fiscalYear)
      .groupBy('state')
      .execute();
    const count = (approved: boolean) =>
      parts.filter((p) => (p.state === 'approved') === approved).reduce((sum, p) => sum + Number(p.count), 0);
    await publishResultYear(w.trx, { areaId: area.id, fiscalYear: input.fiscalYear, publishedBy: actor.label });
    const published = {
      areaSlug: area.slug,
      fiscalYear: input.fiscalYear,
      approvedParts: count(true),
      pendingParts: count(false),
    };
    w.audit({
      action: 'results.publish',
      entity: 'result_year',
      entityId: `${area.slug}/${input.fiscalYear}`,
      areaId: area.id,
      before: null,
      after: published,
    });
    return published;
  });
  return result;
}
