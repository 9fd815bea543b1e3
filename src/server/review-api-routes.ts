import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { getCentralResult, recordKpiResult, recordProjectResult } from '../service/results/central-results.js';
import type { ProjectAddress } from '../service/results/locate-project.js';
import { publishYearResults } from '../service/results/publish-result-year.js';
import { setCostShareRule } from '../service/results/set-cost-share-rule.js';
import { CostShareRuleSchema, KpiResultBodySchema, ProjectResultBodySchema } from './api/results-write-schemas.js';
import type { AppContext } from './app-deps.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { answerVersionedWrite, parseIfMatch, readJsonBody, sendVersioned } from './versioned-json.js';

const PROJECT_PATH = '/api/v1/areas/:slug/results/:fy/projects/:number';

const ProjectParamsSchema = z.object({
  slug: z.string().min(1).max(100),
  fy: z.coerce.number().int().min(1900).max(2200),
  number: z.coerce.number().int().min(1).max(1_000_000),
});

/**
 * The central city's part of the yearly cycle over JSON: the project's result and KPI actuals (GET with ETag, PUT
 * with If-Match), the cost-share rule, and publishing a fiscal year. The same services as /staff/review.
 */
export function createReviewApiRoutes(ctx: AppContext): Hono<ActorEnv> {
  const readDrafts = guard(ctx, { kind: 'permission', permission: 'drafts.read' });
  const review = guard(ctx, { kind: 'permission', permission: 'results.review' });
  const actorOf = (c: Context<ActorEnv>) => c.get('actor') as Actor;

  return new Hono<ActorEnv>()
    .get(PROJECT_PATH, readDrafts, async (c) => {
      const result = await getCentralResult(ctx.db, actorOf(c), projectAddress(c));
      return sendVersioned(c, result, result.version);
    })
    .put(PROJECT_PATH, review, async (c) => {
      const expectedVersion = parseIfMatch(c.req.header('If-Match'));
      const body = await readJsonBody(
        c,
        ProjectResultBodySchema,
        'actualTotal は 0 以上の整数（千円）か null、ほかは文字列',
      );
      return answerVersionedWrite(c, () =>
        recordProjectResult(ctx.db, actorOf(c), projectAddress(c), { ...body, expectedVersion }),
      );
    })
    .put(`${PROJECT_PATH}/kpis/:kpi`, review, async (c) => {
      const expectedVersion = parseIfMatch(c.req.header('If-Match'));
      const body = await readJsonBody(c, KpiResultBodySchema, 'actual は数値か null、notCountedReason は未集計の理由');
      const kpiNumber = z.coerce.number().int().min(1).max(1000).parse(c.req.param('kpi'));
      return answerVersionedWrite(c, () =>
        recordKpiResult(ctx.db, actorOf(c), { ...projectAddress(c), kpiNumber }, { ...body, expectedVersion }),
      );
    })
    .put('/api/v1/areas/:slug/projects/:number/cost-share', review, async (c) => {
      const expectedVersion = parseIfMatch(c.req.header('If-Match'));
      const rule = await readJsonBody(
        c,
        CostShareRuleSchema,
        'kind は central_city_alone・equal・population・fixed・mix',
      );
      const { slug, number } = ProjectParamsSchema.omit({ fy: true }).parse(c.req.param());
      return answerVersionedWrite(c, () =>
        setCostShareRule(ctx.db, actorOf(c), { areaSlug: slug, projectNumber: number, rule, expectedVersion }),
      );
    })
    .post('/api/v1/areas/:slug/results/:fy/publish', review, async (c) => {
      const { slug, fy } = ProjectParamsSchema.omit({ number: true }).parse(c.req.param());
      c.header('Cache-Control', 'no-store');
      return c.json(await publishYearResults(ctx.db, actorOf(c), { areaSlug: slug, fiscalYear: fy }));
    });
}

function projectAddress(c: Context): ProjectAddress {
  const parsed = ProjectParamsSchema.safeParse(c.req.param());
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `Bad path: ${parsed.error.message}`, {
      userMessage: `パスの「${String(parsed.error.issues[0]?.path[0] ?? '')}」が正しくありません。`,
    });
  }
  return { areaSlug: parsed.data.slug, fiscalYear: parsed.data.fy, projectNumber: parsed.data.number };
}
