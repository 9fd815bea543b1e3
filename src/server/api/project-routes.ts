import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getProject, listProjects } from '../../service/read-vision.js';
import type { ApiContext } from './api-context.js';
import { ProjectNumberParamsSchema } from './api-params.js';
import { API_BASE, readResponses } from './api-responses.js';
import { SINGLE_AREA_TAG } from './vision-routes.js';
import { ProjectSchema } from './vision-schemas.js';

/** `/projects/{number}`: a positive integer; full-width digits are read as digits (pages use it too). */
export const ProjectNumberParamSchema = ProjectNumberParamsSchema;

const listRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/projects`,
  operationId: 'listDefaultProjects',
  tags: [SINGLE_AREA_TAG],
  summary: '事業の一覧（既定の圏域の最新版）',
  description:
    '既定の圏域の最新版のすべての事業（Vision JSON の事業の配列、ページ分けなし）。絞り込み・ページ分け・固定 ID は `/api/v1/areas/{slug}/projects` にあります。',
  responses: readResponses(z.array(ProjectSchema), '事業の配列（文書の順）', {
    notFound: 'まだ何も取り込まれていない',
  }),
});

const getRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/projects/{number}`,
  operationId: 'getDefaultProject',
  tags: [SINGLE_AREA_TAG],
  summary: '事業（既定の圏域の最新版）',
  description: '既定の圏域の最新版の 1 事業（Vision JSON の事業）。',
  request: { params: ProjectNumberParamsSchema },
  responses: readResponses(ProjectSchema, '事業', { notFound: 'その番号の事業がない' }),
});

/** GET /projects (all projects of the default area's current revision) and GET /projects/{number}. */
export function registerProjectRoutes(api: OpenAPIHono, ctx: ApiContext): void {
  api.openapi(listRoute, (c) => ctx.respond(c, 'default/projects', () => listProjects(ctx.db)));
  api.openapi(getRoute, (c) => {
    const { number } = c.req.valid('param');
    return ctx.respond(c, `default/project\n${number}`, () => getProject(ctx.db, number));
  });
}
