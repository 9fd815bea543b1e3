import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { API_BASE } from './api-responses.js';
import { ProblemSchema } from './resource-schemas.js';
import {
  CostShareRuleSchema,
  KpiResultBodySchema,
  KpiResultSchema,
  MunicipalityResultBodySchema,
  MunicipalityResultSchema,
  ProjectResultBodySchema,
  ProjectResultSchema,
  PublishedYearSchema,
  StateBodySchema,
  StoredCostShareRuleSchema,
} from './results-write-schemas.js';

export const RESULTS_WRITE_TAG = '実績の入力と公表（職員）';

/**
 * The results write API in the OpenAPI document. Its routes are plain Hono routes beside the staff pages
 * (server/result-routes.tsx, server/review-api-routes.ts: each guarded by its policy, which the authorisation
 * matrix reads from the router), so they are described here, from the schemas they read their bodies with.
 */
export function registerResultsWriteDocs(api: OpenAPIHono): void {
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'renkei.session_token',
    description: '職員ページ（/signin）でログインしたセッション。HTTPS では名前の前に __Secure- が付きます',
  });
  const project = `${API_BASE}/areas/{slug}/results/{fy}/projects/{number}`;
  const municipality = `${project}/municipalities/{code}`;
  const projectParams = z.object({
    slug: z.string().openapi({ description: '圏域の識別名' }),
    fy: z.number().int().openapi({ description: '西暦の年度', example: 2022 }),
    number: z.number().int().openapi({ description: '事業番号' }),
  });
  const municipalityParams = projectParams.extend({
    code: z.string().openapi({ description: '市町村の団体コード（6 桁）', example: '023035' }),
  });
  const read = (summary: string, path: string, params: z.ZodObject, schema: z.ZodType) =>
    api.openAPIRegistry.registerPath({
      method: 'get',
      path,
      tags: [RESULTS_WRITE_TAG],
      summary,
      security: [{ session: [] }],
      request: { params },
      responses: { 200: versioned(schema, summary), ...problems('400', '401', '404', '500') },
    });
  const write = (
    method: 'put' | 'post',
    summary: string,
    description: string,
    path: string,
    params: z.ZodObject,
    body: z.ZodType,
    schema: z.ZodType,
  ) =>
    api.openAPIRegistry.registerPath({
      method,
      path,
      tags: [RESULTS_WRITE_TAG],
      summary,
      description: `${description}${WRITE_NOTE}`,
      security: [{ session: [] }],
      request: {
        params,
        headers: IfMatchHeaders,
        body: { required: true, content: { 'application/json': { schema: body } } },
      },
      responses: {
        200: versioned(schema, '変更後の内容'),
        409: {
          description: 'If-Match の版より後に、ほかの人が変更していました（current が今の内容、ETag が今の版）',
          headers: { ETag: ETAG_HEADER },
          content: { 'application/problem+json': { schema: ProblemSchema.extend({ current: schema }) } },
        },
        ...problems('400', '401', '403', '404', '428', '500'),
      },
    });

  read('市町村の実績', municipality, municipalityParams, MunicipalityResultSchema);
  write(
    'put',
    '市町村の実績を保存',
    'その市町村の担当職員（中心市の分は中心市の職員）が、決算額とコメントを保存します。',
    municipality,
    municipalityParams,
    MunicipalityResultBodySchema,
    MunicipalityResultSchema,
  );
  write(
    'post',
    '市町村の実績の提出・承認・差し戻し',
    '市町村が提出し、中心市が承認または理由を付けて差し戻します。',
    `${municipality}/state`,
    municipalityParams,
    StateBodySchema,
    MunicipalityResultSchema,
  );
  read('事業全体の実績（中心市）', project, projectParams, ProjectResultSchema);
  write(
    'put',
    '事業全体の実績を保存',
    '中心市の職員が、事業全体の決算額、取組状況、課題・今後の方向性、自己評価を保存します。',
    project,
    projectParams,
    ProjectResultBodySchema,
    ProjectResultSchema,
  );
  write(
    'put',
    '成果指標の実績値を保存',
    '中心市の職員が、成果指標の実績値（未集計ならその理由）を保存します。',
    `${project}/kpis/{kpi}`,
    projectParams.extend({ kpi: z.number().int().openapi({ description: '成果指標の番号' }) }),
    KpiResultBodySchema,
    KpiResultSchema,
  );
  write(
    'put',
    '負担の分け方を保存',
    '中心市の職員が、事業費を市町村で分ける決め方を保存します。',
    `${API_BASE}/areas/{slug}/projects/{number}/cost-share`,
    projectParams.omit({ fy: true }),
    CostShareRuleSchema,
    StoredCostShareRuleSchema,
  );
  api.openAPIRegistry.registerPath({
    method: 'post',
    path: `${API_BASE}/areas/{slug}/results/{fy}/publish`,
    tags: [RESULTS_WRITE_TAG],
    summary: '年度の実績を公表',
    description: `中心市の職員が、承認済みの実績を公表します（公開の達成状況に載ります）。${ORIGIN_NOTE}`,
    security: [{ session: [] }],
    request: { params: projectParams.omit({ number: true }) },
    responses: {
      200: { description: '公表した年度', content: { 'application/json': { schema: PublishedYearSchema } } },
      ...problems('400', '401', '403', '404', '409', '500'),
    },
  });
}

const ORIGIN_NOTE = '変更の要求は、この設置の Origin（PUBLIC_URL）からのものだけを受け付けます。';
const WRITE_NOTE = `GET で受け取った ETag を If-Match に入れて送ります（初めての入力は "v0"）。${ORIGIN_NOTE}`;
const ETAG_HEADER = {
  description: '内容の版（"vN"）。次の変更で If-Match に入れます',
  schema: { type: 'string' as const },
};
const IfMatchHeaders = z.object({
  'If-Match': z.string().openapi({ description: '変更前に受け取った ETag（例: "v3"）', example: '"v3"' }),
});

const versioned = (schema: z.ZodType, description: string) => ({
  description,
  headers: {
    ETag: ETAG_HEADER,
    'Cache-Control': { description: '常に `no-store`', schema: { type: 'string' as const } },
  },
  content: { 'application/json': { schema } },
});

const PROBLEMS = {
  '400': '本文またはパスの誤り（detail が日本語でどこかを示します）',
  '401': 'ログインしていない',
  '403': 'この役割ではできない操作',
  '404': '圏域・年度・事業・市町村がない、またはこのアカウントからは見えない',
  '409': 'ほかの人が先に変更した、または今の状態ではできない操作',
  '428': 'If-Match がない',
  '500': 'サーバーのエラー（詳しい内容は答えません）',
} as const;

function problems(...statuses: (keyof typeof PROBLEMS)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEMS[status], content: { 'application/problem+json': { schema: ProblemSchema } } },
    ]),
  );
}
