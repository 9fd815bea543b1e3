import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getAreaDetail, listAreaRevisions, listAreas } from '../../service/api-read-areas.js';
import type { ApiContext } from './api-context.js';
import { AreaSlugParamsSchema, PageQuerySchema, RevisionParamsSchema } from './api-params.js';
import { API_BASE, listResponses, readResponses } from './api-responses.js';
import { canonicalHref, paginate } from './pagination.js';
import { AreaDetailSchema, AreaPageSchema, areaLinks, RevisionPageSchema } from './resource-schemas.js';
import { VisionSchema } from './vision-schemas.js';

const TAG = '圏域と版';
const noArea = '圏域がない（slug の誤り）';

const listAreasRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas`,
  operationId: 'listAreas',
  tags: [TAG],
  summary: '圏域の一覧',
  description: 'この設置で公開しているすべての圏域と、その最新版の版番号・構成市町村数・事業数。',
  request: { query: PageQuerySchema },
  responses: listResponses(AreaPageSchema, '圏域の一覧（作成順）'),
});

const getAreaRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}`,
  operationId: 'getArea',
  tags: [TAG],
  summary: '圏域',
  description: '圏域の名前と種類、最新版の構成市町村（全国地方公共団体コードつき）、この圏域の資源へのリンク。',
  request: { params: AreaSlugParamsSchema },
  responses: readResponses(AreaDetailSchema, '圏域', { notFound: noArea }),
});

const listRevisionsRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/revisions`,
  operationId: 'listRevisions',
  tags: [TAG],
  summary: '版の一覧',
  description: '圏域のビジョンの版（取り込んだ文書ごと）を古い順に。版は一度取り込むと変わりません。',
  request: { params: AreaSlugParamsSchema, query: PageQuerySchema },
  responses: readResponses(RevisionPageSchema, '版の一覧', { notFound: noArea }),
});

const getRevisionRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/revisions/{seq}`,
  operationId: 'getRevision',
  tags: [TAG],
  summary: '版の Vision JSON',
  description: 'その版のビジョンまるごと（Vision JSON）。`latest` で最新版。',
  request: { params: RevisionParamsSchema },
  responses: readResponses(VisionSchema, 'Vision JSON', { notFound: '圏域か版がない' }),
});

/** GET /areas, /areas/{slug}, /areas/{slug}/revisions, /areas/{slug}/revisions/{seq}. */
export function registerAreaRoutes(api: OpenAPIHono, ctx: ApiContext): void {
  api.openapi(listAreasRoute, (c) => {
    const window = c.req.valid('query');
    return ctx.respond(c, `areas\n${window.limit}\n${window.offset}`, async () =>
      paginate(await listAreas(ctx.db), window, (offset) =>
        canonicalHref(`${API_BASE}/areas`, { limit: window.limit, offset }),
      ),
    );
  });

  api.openapi(getAreaRoute, (c) => {
    const { slug } = c.req.valid('param');
    return ctx.respond(c, `area\n${slug}`, async () => {
      const area = await getAreaDetail(ctx.db, slug);
      return { ...area, links: areaLinks(area.slug) };
    });
  });

  api.openapi(listRevisionsRoute, (c) => {
    const { slug } = c.req.valid('param');
    const window = c.req.valid('query');
    return ctx.respond(c, `revisions\n${slug}\n${window.limit}\n${window.offset}`, async () => {
      const { area, revisions } = await listAreaRevisions(ctx.db, slug);
      const path = `${areaLinks(area.slug).revisions}`;
      return {
        area: { slug: area.slug, name: area.name },
        ...paginate(revisions, window, (offset) => canonicalHref(path, { limit: window.limit, offset })),
      };
    });
  });

  api.openapi(getRevisionRoute, (c) => {
    const { slug, seq } = c.req.valid('param');
    return ctx.respond(c, `revision\n${slug}\n${seq}`, async () => (await ctx.revisionData(slug, seq)).vision);
  });
}
