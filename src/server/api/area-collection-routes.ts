import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  getProjectByNumber,
  listBudgetRows,
  listFindings,
  listKpiRows,
  selectProjects,
} from '../../service/api-collections.js';
import type { RevisionData } from '../../service/api-read-areas.js';
import type { ApiContext } from './api-context.js';
import {
  AreaProjectParamsSchema,
  AreaSlugParamsSchema,
  BudgetListQuerySchema,
  FindingListQuerySchema,
  KpiListQuerySchema,
  ProjectListQuerySchema,
  RevisionQuerySchema,
} from './api-params.js';
import { API_BASE, readResponses } from './api-responses.js';
import { canonicalHref, type PageWindow, paginate } from './pagination.js';
import {
  ApiProjectSchema,
  areaLinks,
  BudgetPageSchema,
  FindingPageSchema,
  KpiPageSchema,
  ProjectPageSchema,
} from './resource-schemas.js';

const TAG = '事業・成果指標・事業費';
const noAreaOrRevision = '圏域か版がない';
const pinned = '答えは 1 つの版から作られ、`links` はその版に固定されます（revision=版番号）。';

const listProjectsRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/projects`,
  operationId: 'listProjects',
  tags: [TAG],
  summary: '事業の一覧',
  description: `事業（Vision JSON の事業に固定 ID を添えたもの）を絞り込み、並べ、ページに分けて返します。条件はすべて満たすものだけ。${pinned}`,
  request: { params: AreaSlugParamsSchema, query: ProjectListQuerySchema },
  responses: readResponses(ProjectPageSchema, '事業の 1 ページ', { notFound: noAreaOrRevision }),
});

const getProjectRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/projects/{number}`,
  operationId: 'getProject',
  tags: [TAG],
  summary: '事業',
  description: '事業番号で 1 事業。revision を省くと最新版の番号です。',
  request: { params: AreaProjectParamsSchema, query: RevisionQuerySchema },
  responses: readResponses(ApiProjectSchema, '事業', {
    notFound: '圏域か版がない、またはその版にその番号の事業がない',
  }),
});

const listKpisRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/kpis`,
  operationId: 'listKpis',
  tags: [TAG],
  summary: '成果指標の一覧',
  description: `成果指標を 1 件 1 行にほどいて（事業番号・固定 ID・指標・現状値・目標値）、事業の順、事業の中では文書の順に。${pinned}`,
  request: { params: AreaSlugParamsSchema, query: KpiListQuerySchema },
  responses: readResponses(KpiPageSchema, '成果指標の 1 ページ', { notFound: noAreaOrRevision }),
});

const listBudgetsRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/budgets`,
  operationId: 'listBudgets',
  tags: [TAG],
  summary: '事業費見込額の一覧（縦持ち）',
  description: `事業 × 年度の 1 欄が 1 行（金額は千円、金額のない欄は mark が blank か dash）。${pinned}`,
  request: { params: AreaSlugParamsSchema, query: BudgetListQuerySchema },
  responses: readResponses(BudgetPageSchema, '事業費見込額の 1 ページ', { notFound: noAreaOrRevision }),
});

const listFindingsRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/findings`,
  operationId: 'listFindings',
  tags: [TAG],
  summary: '文書の不整合の一覧',
  description: `取り込みで見つかった文書の不整合（表と事業シートの違いなど）。${pinned}`,
  request: { params: AreaSlugParamsSchema, query: FindingListQuerySchema },
  responses: readResponses(FindingPageSchema, '不整合の 1 ページ', { notFound: noAreaOrRevision }),
});

type QueryValues = Record<string, string | number | boolean | undefined>;

/** A page of one revision's list, its links pinned to that revision and keeping the filters. */
function revisionPage<T>(
  data: RevisionData,
  resource: 'projects' | 'kpis' | 'budgets' | 'findings',
  items: readonly T[],
  window: PageWindow,
  filters: QueryValues,
) {
  const path = areaLinks(data.area.slug)[resource];
  const href = (offset: number) =>
    canonicalHref(path, { ...filters, revision: data.revision.seq, limit: window.limit, offset });
  return {
    area: data.area,
    revision: { seq: data.revision.seq, label: data.revision.label },
    ...paginate(items, window, href),
  };
}

const keyOf = (name: string, slug: string, query: object) => `${name}\n${slug}\n${JSON.stringify(query)}`;

/** GET /areas/{slug}/projects, /projects/{number}, /kpis, /budgets, /findings: one revision each. */
export function registerAreaCollectionRoutes(api: OpenAPIHono, ctx: ApiContext): void {
  api.openapi(listProjectsRoute, (c) => {
    const { slug } = c.req.valid('param');
    const query = c.req.valid('query');
    return ctx.respond(c, keyOf('projects', slug, query), async () => {
      const { revision, limit, offset, ...filters } = query;
      const data = await ctx.revisionData(slug, revision);
      return revisionPage(data, 'projects', selectProjects(data, filters), { limit, offset }, filters);
    });
  });

  api.openapi(getProjectRoute, (c) => {
    const { slug, number } = c.req.valid('param');
    const { revision } = c.req.valid('query');
    return ctx.respond(c, keyOf('project', slug, { number, revision }), async () =>
      getProjectByNumber(await ctx.revisionData(slug, revision), number),
    );
  });

  api.openapi(listKpisRoute, (c) => {
    const { slug } = c.req.valid('param');
    const query = c.req.valid('query');
    return ctx.respond(c, keyOf('kpis', slug, query), async () => {
      const { revision, limit, offset, ...filters } = query;
      const data = await ctx.revisionData(slug, revision);
      return revisionPage(data, 'kpis', listKpiRows(data, filters), { limit, offset }, filters);
    });
  });

  api.openapi(listBudgetsRoute, (c) => {
    const { slug } = c.req.valid('param');
    const query = c.req.valid('query');
    return ctx.respond(c, keyOf('budgets', slug, query), async () => {
      const { revision, limit, offset, ...filters } = query;
      const data = await ctx.revisionData(slug, revision);
      return revisionPage(data, 'budgets', listBudgetRows(data, filters), { limit, offset }, filters);
    });
  });

  api.openapi(listFindingsRoute, (c) => {
    const { slug } = c.req.valid('param');
    const query = c.req.valid('query');
    return ctx.respond(c, keyOf('findings', slug, query), async () => {
      const { revision, limit, offset, ...filters } = query;
      const data = await ctx.revisionData(slug, revision);
      return revisionPage(data, 'findings', listFindings(data, filters), { limit, offset }, filters);
    });
  });
}
