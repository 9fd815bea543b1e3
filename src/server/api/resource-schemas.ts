import { z } from '@hono/zod-openapi';
import { APP_ERROR_CODES } from '../../domain/errors.js';
import type { ApiProject, BudgetRow, KpiRow } from '../../service/api-collections.js';
import type { AreaDetail, AreaSummary, RevisionSummary } from '../../service/api-read-areas.js';
import type { ProblemDetails } from '../problem.js';
import {
  exampleArea,
  exampleAreaSlug,
  exampleCounts,
  exampleFinding,
  exampleLatestRevision,
  exampleProject,
  exampleSourceDocument,
} from './seed-examples.js';
import {
  AreaKindSchema,
  BaselineSchema,
  FindingSchema,
  kpiShape,
  MunicipalityRefSchema,
  projectShape,
  TargetSchema,
} from './vision-schemas.js';

/** Schemas of the API's own resources (areas, revisions, rows, pages, problems) for the OpenAPI document. */

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: '問題の種類を表す URI（urn:renkei:problem:…）' }),
    title: z.string().openapi({ description: '問題の種類の短い説明' }),
    status: z.number().int().openapi({ description: 'HTTP ステータス' }),
    detail: z.string().openapi({ description: 'この問題の説明（日本語。パラメーターの誤りならその名前を含みます）' }),
    instance: z.string().openapi({ description: '問題が起きたパス' }),
    code: z.enum(APP_ERROR_CODES).openapi({ description: 'アプリケーションのエラーコード' }),
  })
  .openapi('Problem', {
    description: 'RFC 9457 problem details（application/problem+json）',
    example: {
      type: 'urn:renkei:problem:invalid-input',
      title: '指定に誤りがあります',
      status: 400,
      detail: '「limit」は 1 から 200 までの整数で指定してください。',
      instance: `/api/v1/areas/${exampleAreaSlug}/projects`,
      code: 'INVALID_INPUT',
    },
  });

const RevisionRefSchema = z
  .object({
    seq: z.number().int().openapi({ description: '版番号（圏域ごとに 1, 2, …、取り込んだ順）' }),
    label: z.string().nullable().openapi({ description: '文書が名乗る版の名前（例: R4年3月）' }),
  })
  .openapi({ description: '答えの元になった版' });

const LatestRevisionSchema = RevisionRefSchema.extend({
  createdAt: z.string().openapi({ description: '取り込んだ日時（ISO 8601、UTC）' }),
})
  .nullable()
  .openapi({ description: '最新版（まだ取り込まれていなければ null）' });

const AreaRefSchema = z
  .object({
    slug: z.string().openapi({ description: '圏域の識別名（URL に使う）' }),
    name: z.string().openapi({ description: '圏域名' }),
  })
  .openapi({ description: '答えの元になった圏域' });

export const PageLinksSchema = z
  .object({
    self: z.string().openapi({ description: 'このページ' }),
    next: z.string().nullable().openapi({ description: '次のページ（なければ null）' }),
    prev: z.string().nullable().openapi({ description: '前のページ（なければ null）' }),
  })
  .openapi('PageLinks', {
    description: '相対 URL。版の一覧を指す答えは revision=版番号 を含み、たどっても版が混ざりません',
  });

const pageShape = {
  total: z.number().int().openapi({ description: '条件に合う件数（全ページの合計）' }),
  limit: z.number().int().openapi({ description: '1 ページの件数' }),
  offset: z.number().int().openapi({ description: '先頭から飛ばした件数' }),
  links: PageLinksSchema,
};

/** A page of one revision's list: says which area and revision it comes from. */
function revisionPageOf<T extends z.ZodType>(name: string, item: T, example: unknown) {
  return z
    .object({ area: AreaRefSchema, revision: RevisionRefSchema, ...pageShape, items: z.array(item) })
    .openapi(name, { example });
}

const examplePage = (path: string, items: unknown[], total: number) => ({
  ...(path.includes('/areas/') ? { area: { slug: exampleAreaSlug, name: exampleArea.name } } : {}),
  ...(path.includes('revision=') ? { revision: { seq: 1, label: 'R4年3月' } } : {}),
  total,
  limit: 1,
  offset: 1,
  links: {
    self: `${path}&limit=1&offset=1`,
    next: total > 2 ? `${path}&limit=1&offset=2` : null,
    prev: `${path}&limit=1&offset=0`,
  },
  items,
});

const areaPath = `/api/v1/areas/${encodeURIComponent(exampleAreaSlug)}`;

export const AreaSummarySchema = z
  .object({
    slug: z.string().openapi({ description: '圏域の識別名（URL に使う）' }),
    name: z.string().openapi({ description: '圏域名' }),
    kind: AreaKindSchema,
    latestRevision: LatestRevisionSchema,
    municipalityCount: z.number().int().openapi({ description: '最新版の構成市町村の数' }),
    projectCount: z.number().int().openapi({ description: '最新版の事業の数' }),
    isDefault: z.boolean().openapi({
      description:
        '既定の圏域（最初に登録した圏域）なら true: 圏域を指定しない URL（/api/v1/projects など）はこの圏域について答えます',
    }),
  })
  .openapi('AreaSummary', {
    example: {
      slug: exampleAreaSlug,
      name: exampleArea.name,
      kind: exampleArea.kind,
      latestRevision: exampleLatestRevision,
      municipalityCount: exampleCounts.municipalityCount,
      projectCount: exampleCounts.projectCount,
      isDefault: true,
    },
  });

export const AreaPageSchema = z.object({ ...pageShape, items: z.array(AreaSummarySchema) }).openapi('AreaPage', {
  example: {
    total: 1,
    limit: 50,
    offset: 0,
    links: { self: '/api/v1/areas?limit=50&offset=0', next: null, prev: null },
    items: [
      {
        slug: exampleAreaSlug,
        name: exampleArea.name,
        kind: exampleArea.kind,
        latestRevision: exampleLatestRevision,
        municipalityCount: exampleCounts.municipalityCount,
        projectCount: exampleCounts.projectCount,
        isDefault: true,
      },
    ],
  },
});

const AreaLinksSchema = z
  .object({
    self: z.string(),
    revisions: z.string().openapi({ description: '版の一覧' }),
    vision: z.string().openapi({ description: '最新版の Vision JSON' }),
    projects: z.string().openapi({ description: '事業の一覧' }),
    kpis: z.string().openapi({ description: '成果指標の一覧' }),
    budgets: z.string().openapi({ description: '事業費見込額の一覧' }),
    findings: z.string().openapi({ description: '文書の不整合の一覧' }),
  })
  .openapi({ description: 'この圏域の資源（相対 URL）' });

export const AreaDetailSchema = z
  .object({
    slug: z.string().openapi({ description: '圏域の識別名（URL に使う）' }),
    name: z.string().openapi({ description: '圏域名' }),
    kind: AreaKindSchema,
    latestRevision: LatestRevisionSchema,
    municipalities: z.array(MunicipalityRefSchema).openapi({ description: '最新版の構成市町村（文書の順）' }),
    links: AreaLinksSchema,
  })
  .openapi('AreaDetail', {
    example: {
      slug: exampleAreaSlug,
      name: exampleArea.name,
      kind: exampleArea.kind,
      latestRevision: exampleLatestRevision,
      municipalities: exampleArea.municipalities,
      links: areaLinks(exampleAreaSlug),
    },
  });

/** The URLs of an area's resources. */
export function areaLinks(slug: string): z.output<typeof AreaLinksSchema> {
  const base = `/api/v1/areas/${encodeURIComponent(slug)}`;
  return {
    self: base,
    revisions: `${base}/revisions`,
    vision: `${base}/revisions/latest`,
    projects: `${base}/projects`,
    kpis: `${base}/kpis`,
    budgets: `${base}/budgets`,
    findings: `${base}/findings`,
  };
}

export const RevisionSummarySchema = z
  .object({
    seq: z.number().int().openapi({ description: '版番号（圏域ごとに 1, 2, …、取り込んだ順）' }),
    label: z.string().nullable().openapi({ description: '文書が名乗る版の名前（例: R4年3月）' }),
    createdAt: z.string().openapi({ description: '取り込んだ日時（ISO 8601、UTC）' }),
    sourceDocument: z
      .object({
        fileName: z.string().openapi({ description: '取り込んだファイルの名前' }),
        sha256: z.string().openapi({ description: 'ファイルの SHA-256（16 進）' }),
        byteSize: z.number().int().openapi({ description: 'ファイルの大きさ（バイト）' }),
      })
      .nullable()
      .openapi({ description: 'この版を取り込んだ文書（Renkei 上で作った版などは null）' }),
    projectCount: z.number().int().openapi({ description: '事業の数' }),
    findingCount: z.number().int().openapi({ description: '文書の不整合の数' }),
  })
  .openapi('RevisionSummary', {
    example: {
      ...exampleLatestRevision,
      sourceDocument: exampleSourceDocument,
      projectCount: exampleCounts.projectCount,
      findingCount: exampleCounts.findingCount,
    },
  });

export const RevisionPageSchema = z
  .object({ area: AreaRefSchema, ...pageShape, items: z.array(RevisionSummarySchema) })
  .openapi('RevisionPage', {
    example: {
      area: { slug: exampleAreaSlug, name: exampleArea.name },
      total: 1,
      limit: 50,
      offset: 0,
      links: { self: `${areaPath}/revisions?limit=50&offset=0`, next: null, prev: null },
      items: [
        {
          ...exampleLatestRevision,
          sourceDocument: exampleSourceDocument,
          projectCount: exampleCounts.projectCount,
          findingCount: exampleCounts.findingCount,
        },
      ],
    },
  });

const stableId = (description: string) => z.number().int().openapi({ description });
const projectId = stableId('事業の固定 ID: 版が変わって事業番号や事業名が変わっても同じ事業なら同じ値');
const kpiId = stableId('成果指標の固定 ID: 版が変わっても同じ指標なら同じ値');

const exampleApiProject: ApiProject = {
  id: 2,
  ...exampleProject,
  kpis: exampleProject.kpis.map((kpi) => ({ id: 2, ...kpi })),
};

export const ApiKpiSchema = z.object({ id: kpiId, ...kpiShape });

export const ApiProjectSchema = z
  .object({ id: projectId, ...projectShape, kpis: z.array(ApiKpiSchema).openapi({ description: '成果指標' }) })
  .openapi('ApiProject', { description: 'Vision JSON の事業に固定 ID を添えたもの', example: exampleApiProject });

export const ProjectPageSchema = revisionPageOf(
  'ProjectPage',
  ApiProjectSchema,
  examplePage(`${areaPath}/projects?revision=1`, [exampleApiProject], 55),
);

const exampleKpiRow: KpiRow = {
  id: 2,
  projectId: 2,
  projectNumber: 2,
  indicator: exampleProject.kpis[0]?.indicator ?? '',
  note: exampleProject.kpis[0]?.note ?? null,
  baseline: exampleProject.kpis[0]?.baseline ?? { text: '', value: null, unit: null, asOf: null },
  target: exampleProject.kpis[0]?.target as KpiRow['target'],
};

export const KpiRowSchema = z
  .object({
    id: kpiId,
    projectId,
    projectNumber: z.number().int().openapi({ description: '事業番号' }),
    indicator: kpiShape.indicator,
    note: kpiShape.note,
    baseline: BaselineSchema,
    target: TargetSchema,
  })
  .openapi('KpiRow', { description: '成果指標 1 件（事業ごとの入れ子をほどいたもの）', example: exampleKpiRow });

export const KpiPageSchema = revisionPageOf(
  'KpiPage',
  KpiRowSchema,
  examplePage(`${areaPath}/kpis?revision=1`, [exampleKpiRow], 57),
);

const exampleBudgetRow: BudgetRow = { projectId: 2, projectNumber: 2, fiscalYear: 2020, amount: 21833, mark: null };

export const BudgetRowSchema = z
  .object({
    projectId,
    projectNumber: z.number().int().openapi({ description: '事業番号' }),
    fiscalYear: z.number().int().openapi({ description: '年度（西暦）' }),
    amount: z.number().int().nullable().openapi({ description: '事業費見込額（千円）。金額のない欄は null' }),
    mark: z
      .enum(['blank', 'dash'])
      .nullable()
      .openapi({ description: '金額のない欄の印: 空欄（blank）か「－」（dash）。金額があれば null' }),
  })
  .openapi('BudgetRow', {
    description: '事業費見込額の 1 欄（事業 × 年度、縦持ち）。計の欄は事業の budget.total にあります',
    example: exampleBudgetRow,
  });

export const BudgetPageSchema = revisionPageOf(
  'BudgetPage',
  BudgetRowSchema,
  examplePage(`${areaPath}/budgets?revision=1`, [exampleBudgetRow], 275),
);

export const FindingPageSchema = revisionPageOf(
  'FindingPage',
  FindingSchema,
  examplePage(`${areaPath}/findings?revision=1`, [exampleFinding], 5),
);

// ── the schemas describe the service types exactly ──
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const resourceSchemasMatchServices: [
  Same<z.output<typeof ProblemSchema>, ProblemDetails>,
  Same<z.output<typeof AreaSummarySchema>, AreaSummary>,
  Same<Omit<z.output<typeof AreaDetailSchema>, 'links'>, AreaDetail>,
  Same<z.output<typeof RevisionSummarySchema>, RevisionSummary>,
  Same<z.output<typeof ApiProjectSchema>, ApiProject>,
  Same<z.output<typeof KpiRowSchema>, KpiRow>,
  Same<z.output<typeof BudgetRowSchema>, BudgetRow>,
] = [true, true, true, true, true, true, true];
