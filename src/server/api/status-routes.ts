import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { YearStatus } from '../../service/results/assemble-year-status.js';
import { readYearStatusFor } from '../../service/results/read-published-results.js';
import { toStatusJson } from '../../service/results/status-json.js';
import type { AppContext } from '../app-deps.js';
import { type ActorEnv, readActor } from '../request-actor.js';
import type { ApiContext } from './api-context.js';
import { API_BASE, readResponses } from './api-responses.js';
import { StatusParamsSchema, YearStatusSchema } from './status-schemas.js';

const statusRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/status/{fy}`,
  operationId: 'getYearStatus',
  tags: ['実績と達成状況'],
  summary: '年度の達成状況',
  description:
    '公表された年度の、事業ごとの評価（A〜D）、成果指標の実績と達成状況、事業費の計画と実績、市町村ごとの負担額。' +
    '公表されていない年度は 404。その圏域の職員としてログインしていれば未公表の実績も答え、そのときは `Cache-Control: no-store`。',
  request: { params: StatusParamsSchema },
  responses: readResponses(YearStatusSchema, '年度の達成状況', {
    notFound: '圏域がない、または年度の実績が公表されていない',
  }),
});

function toBody(status: YearStatus) {
  return {
    ...toStatusJson(status),
    area: status.area,
    audience: status.audience,
    publishedAt: status.published?.at ?? null,
  };
}

/** GET /areas/{slug}/status/{fy}: the public's view, cached by the data version; a staff member's, never cached. */
export function registerStatusRoutes(api: OpenAPIHono, ctx: ApiContext, deps: AppContext): void {
  api.openapi(statusRoute, async (c) => {
    const { slug, fy } = c.req.valid('param');
    // only a request that carries a cookie can be a signed-in one: the others never touch the session
    const actor = c.req.header('Cookie') ? await readActor(c as unknown as Context<ActorEnv>, deps) : undefined;
    if (actor) {
      const status = await readYearStatusFor(ctx.db, { areaSlug: slug, fiscalYear: fy, actor });
      if (status.audience === 'staff') {
        c.header('Cache-Control', 'no-store');
        return c.json(toBody(status), 200);
      }
    }
    return ctx.respond(c, `status\n${slug}\n${fy}`, async () =>
      toBody(await readYearStatusFor(ctx.db, { areaSlug: slug, fiscalYear: fy, actor: undefined })),
    );
  });
}
