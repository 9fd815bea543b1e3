import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { type CostShareRule, describeCostShareRule, splitCost } from '../../domain/cost-share.js';
import { findLatestPopulation } from '../../domain/municipality-populations.js';
import type { Database } from '../../store/database.js';
import { readProjects } from '../../store/read-revision.js';
import { findCostShareRule, writeCostShareRule } from '../../store/yearly-result-store.js';
import { runWrite } from '../run-write.js';
import { locateProject, projectNotFound } from './locate-project.js';

export type StoredCostShareRule = { rule: CostShareRule | null; description: string | null; version: number };

/**
 * Sets how a project's cost is shared among the central city and its participants (results.review). The rule is
 * tried on the project's parties first, so a rule that cannot split (a population unknown, a weight for a
 * municipality that does not take part) is refused with the reason, before anything is stored.
 */
export async function setCostShareRule(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; projectNumber: number; rule: CostShareRule; expectedVersion: number },
): Promise<StoredCostShareRule> {
  const { result } = await runWrite(db, actor, async (w) => {
    const target = await locateProject(w.trx, input);
    w.require('results.review', { areaId: target.area.id });
    const project = (await readProjects(w.trx, target.revision.id)).find((p) => p.number === input.projectNumber);
    if (!project) throw projectNotFound(input);
    const parties = await w.trx
      .selectFrom('municipality')
      .select(['code', 'name', 'is_central_city'])
      .where('area_id', '=', target.area.id)
      .orderBy('position')
      .execute();
    splitCost(
      0,
      input.rule,
      parties
        .filter((m) => m.is_central_city || project.participants.includes(m.name))
        .map((m) => ({
          code: m.code ?? m.name,
          isCentralCity: m.is_central_city,
          population: findLatestPopulation(m.code)?.value ?? null,
        })),
    );
    const before = await findCostShareRule(w.trx, target.projectKeyId);
    const current = { rule: before?.rule ?? null, version: before?.version ?? 0 };
    w.expectVersion(input.expectedVersion, current.version, current);
    if (before && JSON.stringify(before.rule) === JSON.stringify(input.rule))
      return toStored(before.rule, current.version);
    await writeCostShareRule(w.trx, {
      project_key_id: target.projectKeyId,
      area_id: target.area.id,
      rule: input.rule,
      version: current.version + 1,
      updated_by: actor.label,
    });
    w.audit({
      action: 'cost_share.set',
      entity: 'cost_share_rule',
      entityId: String(input.projectNumber),
      areaId: target.area.id,
      before: before ? { rule: before.rule, version: before.version } : null,
      after: { rule: input.rule, version: current.version + 1 },
    });
    return toStored(input.rule, current.version + 1);
  });
  return result;
}

function toStored(rule: CostShareRule, version: number): StoredCostShareRule {
  return { rule, description: describeCostShareRule(rule), version };
}
