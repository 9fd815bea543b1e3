import type { OpenAPIHono } from '@hono/zod-openapi';
import { RESULTS_WRITE_TAG } from './results-write-docs.js';
import { exampleAreaSlug } from './seed-examples.js';

/** The version of the /api/v1 contract (the OpenAPI document's info.version). */
export const API_VERSION = '1.0.0';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

const description = `連携中枢都市圏・定住自立圏のビジョン（圏域、版、事業、成果指標、事業費見込額、文書の不整合）を読むための公開 API です。読むだけなら認証は要りません。

- **圏域と版**: \`/api/v1/areas/{slug}\` の下に圏域ごとの資源があります。取り込んだ文書ごとに版（revision、seq = 1, 2, …）ができ、版は一度できると変わりません。一覧は \`revision\`（既定は \`latest\`）で版を選びます。
- **固定 ID**: 事業の \`id\` と成果指標の \`id\` は、版が変わって事業番号や名前が変わっても同じ事業・指標なら変わりません。版をまたいで突き合わせるときに使ってください。
- **ページ分け**: 一覧は \`limit\` と \`offset\` で区切り、\`total\` と \`links.next\` / \`links.prev\`（相対 URL、答えた版に固定）を返します。
- **キャッシュ**: すべての GET は \`ETag\` と \`Cache-Control: no-cache\` を返します。\`If-None-Match\` に同じ ETag を送ると、変わっていなければ本文なしの 304 です。
- **エラー**: \`application/problem+json\`（RFC 9457）。\`detail\` は日本語で、パラメーターの誤りならその名前を示します。
- **実績の入力と公表（職員）**: 「${RESULTS_WRITE_TAG}」の操作だけは、職員ページでログインしたセッション（Cookie）が要り、役割と圏域・市町村で許される範囲に限られます。
- **1 圏域の設置**: \`/api/v1/vision\`、\`/api/v1/projects\`、\`/api/v1/projects/{number}\` は既定の圏域（最初に取り込んだ圏域）について答えます。

例はサンプル文書（青森圏域連携中枢都市圏ビジョン R4年3月、slug \`${exampleAreaSlug}\`）だけを取り込んだ設置の答えです。`;

/** The OpenAPI 3.1 document of every route registered on `api`, with the servers and tags of /api/v1. */
export function buildOpenApiDocument(api: OpenAPIHono): OpenApiDocument {
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: '連携中枢都市圏ビジョン API',
      version: API_VERSION,
      description,
    },
    servers: [{ url: '/', description: 'この設置' }],
    tags: [
      { name: '圏域と版', description: '圏域、構成市町村、取り込んだ版' },
      { name: '事業・成果指標・事業費', description: '1 つの版の事業、成果指標、事業費見込額、文書の不整合' },
      { name: '実績と達成状況', description: '公表された年度の実績、成果指標の達成状況、事業の評価、負担額' },
      {
        name: RESULTS_WRITE_TAG,
        description: '職員がログインして使う、実績の入力・確認・公表（ETag と If-Match で更新の競合を防ぎます）',
      },
      { name: '1 圏域の設置向け', description: '圏域を指定しない従来の URL（既定の圏域について答えます）' },
    ],
  });
}
