import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  getProjectByNumber,
  listBudgetRows,
  listFindings,
  listKpiRows,
  selectProjects,
} from '../../service/api-collections.js';
import type { RevisionData } from '../../service/api-read-areas.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import type { ApiContext } from './api-context.js';
import {
  AreaProjectParamsSchema,
  AreaSlugParamsSchema,
  BudgetListQuerySchema,
  FindingListQuerySchema,
  KpiListQuerySchema,
  ProjectListQuerySchema,
  ProjectNumberParamsSchema,
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
import { SINGLE_AREA_TAG } from './vision-routes.js';

const TAG = '事業・成果指標・事業費';
const noAreaOrRevision = '圏域か版がない';
const pinned = '答えは 1 つの版から作られ、`links` はその版に固定されます（revision=版番号）。';

/** The five collections, each under `/areas/{slug}` and, for the default area, at the root (`/projects`, …). */
const ROOT_NOTE =
  '既定の圏域（最初に取り込んだ圏域）の `/api/v1/areas/{slug}/…` と同じ答えです（同じ絞り込み・ページ分け・固定 ID・エラー）。';

function collectionRoutes(scope: 'area' | 'default') {
  const area = scope === 'area';
  const prefix = area ? `${API_BASE}/areas/{slug}` : API_BASE;
  const tags = area ? [TAG] : [SINGLE_AREA_TAG];
  const id = (name: string) => (area ? name : name.replace(/^(list|get)/, '$1Default'));
  const note = (text: string) => (area ? text : `${text}${ROOT_NOTE}`);
  const slugParams = area ? { params: AreaSlugParamsSchema } : {};
  const listNotFound = area ? noAreaOrRevision : 'まだ何も取り込まれていない、または版がない';
  return {
    listProjects: createRoute({
      method: 'get',
      path: `${prefix}/projects`,
      operationId: id('listProjects'),
      tags,
      summary: area ? '事業の一覧' : '事業の一覧（既定の圏域）',
      description: note(
        `事業（Vision JSON の事業に固定 ID を添えたもの）を絞り込み、並べ、ページに分けて返します。条件はすべて満たすものだけ。${pinned}`,
      ),
      request: { ...slugParams, query: ProjectListQuerySchema },
      responses: readResponses(ProjectPageSchema, '事業の 1 ページ', { notFound: listNotFound }),
    }),
    getProject: createRoute({
      method: 'get',
      path: `${prefix}/projects/{number}`,
      operationId: id('getProject'),
      tags,
      summary: area ? '事業' : '事業（既定の圏域）',
      description: note('事業番号で 1 事業。revision を省くと最新版の番号です。'),
      request: { params: area ? AreaProjectParamsSchema : ProjectNumberParamsSchema, query: RevisionQuerySchema },
      responses: readResponses(ApiProjectSchema, '事業', {
        notFound: '圏域か版がない、またはその版にその番号の事業がない',
      }),
    }),
    listKpis: createRoute({
      method: 'get',
      path: `${prefix}/kpis`,
      operationId: id('listKpis'),
      tags,
      summary: area ? '成果指標の一覧' : '成果指標の一覧（既定の圏域）',
      description: note(
        `成果指標を 1 件 1 行にほどいて（事業番号・固定 ID・指標・現状値・目標値）、事業の順、事業の中では文書の順に。${pinned}`,
      ),
      request: { ...slugParams, query: KpiListQuerySchema },
      responses: readResponses(KpiPageSchema, '成果指標の 1 ページ', { notFound: listNotFound }),
    }),
    listBudgets: createRoute({
      method: 'get',
      path: `${prefix}/budgets`,
      operationId: id('listBudgets'),
      tags,
      summary: area ? '事業費見込額の一覧（縦持ち）' : '事業費見込額の一覧（縦持ち、既定の圏域）',
      description: note(`事業 × 年度の 1 欄が 1 行（金額は千円、金額のない欄は mark が blank か dash）。${pinned}`),
      request: { ...slugParams, query: BudgetListQuerySchema },
      responses: readResponses(BudgetPageSchema, '事業費見込額の 1 ページ', { notFound: listNotFound }),
    }),
    listFindings: createRoute({
      method: 'get',
      path: `${prefix}/findings`,
      operationId: id('listFindings'),
      tags,
      summary: area ? '文書の不整合の一覧' : '文書の不整合の一覧（既定の圏域）',
      description: note(`取り込みで見つかった文書の不整合（表と事業シートの違いなど）。${pinned}`),
      request: { ...slugParams, query: FindingListQuerySchema },
      responses: readResponses(FindingPageSchema, '不整合の 1 ページ', { notFound: listNotFound }),
    }),
  };
}

const areaRoutes = collectionRoutes('area');
const defaultRoutes = collectionRoutes('default');

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

/** The slug given in the path, or the default area's (through the existing lookup) for the root routes. */
type SlugSource = string | undefined;

/**
 * GET /areas/{slug}/projects, /projects/{number}, /kpis, /budgets, /findings: one revision each; and the same five
 * at the root for the default area (`/projects`, `/projects/{number}`, `/kpis`, `/budgets`, `/findings`).
 */
export function registerAreaCollectionRoutes(api: OpenAPIHono, ctx: ApiContext): void {
  const slugOf = async (given: SlugSource) => given ?? (await getDefaultAreaSlug(ctx.db));
  // the root routes share their answers' cache with no slug in the key: the default area is read on a miss only
  const cacheSlug = (given: SlugSource) => given ?? '\u0000default';

  const list =
    <Q extends { revision: number | 'latest'; limit: number; offset: number }, T>(
      resource: 'projects' | 'kpis' | 'budgets' | 'findings',
      select: (data: RevisionData, filters: Omit<Q, 'revision' | 'limit' | 'offset'>) => readonly T[],
    ) =>
    (c: Context, given: SlugSource, query: Q) =>
      ctx.respond(c, keyOf(resource, cacheSlug(given), query), async () => {
        const { revision, limit, offset, ...filters } = query;
        const data = await ctx.revisionData(await slugOf(given), revision);
        return revisionPage(data, resource, select(data, filters), { limit, offset }, filters as QueryValues);
      });
  const projects = list('projects', selectProjects);
  const kpis = list('kpis', listKpiRows);
  const budgets = list('budgets', listBudgetRows);
  const findings = list('findings', listFindings);
  const project = (c: Context, given: SlugSource, number: number, revision: number | 'latest') =>
    ctx.respond(c, keyOf('project', cacheSlug(given), { number, revision }), async () =>
      getProjectByNumber(await ctx.revisionData(await slugOf(given), revision), number),
    );

  // the slug is validated by the route's params schema before the handler runs
  const slug = (c: Context): string => c.req.param('slug') ?? '';
  api.openapi(areaRoutes.listProjects, (c) => projects(c, slug(c), c.req.valid('query')));
  api.openapi(areaRoutes.getProject, (c) =>
    project(c, slug(c), c.req.valid('param').number, c.req.valid('query').revision),
  );
  api.openapi(areaRoutes.listKpis, (c) => kpis(c, slug(c), c.req.valid('query')));
  api.openapi(areaRoutes.listBudgets, (c) => budgets(c, slug(c), c.req.valid('query')));
  api.openapi(areaRoutes.listFindings, (c) => findings(c, slug(c), c.req.valid('query')));

  api.openapi(defaultRoutes.listProjects, (c) => projects(c, undefined, c.req.valid('query')));
  api.openapi(defaultRoutes.getProject, (c) =>
    project(c, undefined, c.req.valid('param').number, c.req.valid('query').revision),
  );
  api.openapi(defaultRoutes.listKpis, (c) => kpis(c, undefined, c.req.valid('query')));
  api.openapi(defaultRoutes.listBudgets, (c) => budgets(c, undefined, c.req.valid('query')));
  api.openapi(defaultRoutes.listFindings, (c) => findings(c, undefined, c.req.valid('query')));
}
