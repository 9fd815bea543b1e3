import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getCurrentVision } from '../../service/read-vision.js';
import type { ApiContext } from './api-context.js';
import { API_BASE, readResponses } from './api-responses.js';
import { VisionSchema } from './vision-schemas.js';

export const SINGLE_AREA_TAG = '1 圏域の設置向け';

const getVisionRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/vision`,
  operationId: 'getDefaultVision',
  tags: [SINGLE_AREA_TAG],
  summary: 'ビジョン（既定の圏域の最新版）',
  description:
    '既定の圏域（最初に取り込んだ圏域）の最新版の Vision JSON。`/api/v1/areas/{slug}/revisions/latest` と同じ内容です。',
  responses: readResponses(VisionSchema, 'Vision JSON', { notFound: 'まだ何も取り込まれていない' }),
});

/** GET /vision: the Vision JSON (DESIGN.md §6) of the default area's current revision. */
export function registerVisionRoutes(api: OpenAPIHono, ctx: ApiContext): void {
  api.openapi(getVisionRoute, (c) => ctx.respond(c, 'default/vision', () => getCurrentVision(ctx.db)));
}
