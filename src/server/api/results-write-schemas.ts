import { z } from '@hono/zod-openapi';

/**
 * Bodies and answers of the results write API (server/result-routes.tsx, server/review-api-routes.ts): the routes
 * read their bodies through these schemas and the OpenAPI document describes them from the same ones.
 */

const Text = z.string().max(4000);
const updatedBy = z.string().nullable().openapi({ description: '最後に変えたアカウント' });
const version = z.number().int().openapi({ description: '版（ETag "vN" の N）。変更のたびに 1 増えます' });

export const MunicipalityResultBodySchema = z
  .object({
    amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().openapi({ description: '決算額（千円）' }),
    comment: z.string().max(2000).default(''),
  })
  .openapi('MunicipalityResultInput');

export const StateBodySchema = z
  .object({
    transition: z.enum(['submit', 'approve', 'return']).openapi({
      description: 'submit（市町村が提出）・approve（中心市が承認）・return（中心市が差し戻し）',
    }),
    reason: z.string().max(500).optional().openapi({ description: '差し戻す理由（return のとき）' }),
  })
  .openapi('ResultStateChange');

export const ProjectResultBodySchema = z
  .object({
    actualTotal: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .nullable()
      .openapi({ description: '事業全体の決算額（千円）' }),
    progress: Text.default('').openapi({ description: '取組状況' }),
    nextSteps: Text.default('').openapi({ description: '課題・今後の方向性' }),
    selfEvaluation: Text.default('').openapi({ description: '中心市の自己評価' }),
  })
  .openapi('ProjectResultInput');

export const KpiResultBodySchema = z
  .object({
    actual: z.number().finite().nullable().openapi({ description: '実績値。未集計なら null と理由' }),
    notCountedReason: z.string().max(500).nullable().default(null),
  })
  .openapi('KpiResultInput');

const Percent = z.number().min(0).max(100);
export const CostShareRuleSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('central_city_alone') }),
    z.object({ kind: z.literal('equal') }),
    z.object({ kind: z.literal('population') }),
    z.object({
      kind: z.literal('fixed'),
      weights: z.array(z.object({ municipalityCode: z.string().max(100), weight: z.number().min(0) })).max(1000),
    }),
    z.object({
      kind: z.literal('mix'),
      parts: z
        .array(z.object({ basis: z.enum(['equal', 'population']), percent: Percent }))
        .min(1)
        .max(2),
    }),
  ])
  .openapi('CostShareRule', {
    description: '負担の分け方（中心市のみ・均等割・人口割・固定割合・均等割と人口割の組合せ）',
  });

export const MunicipalityResultSchema = z
  .object({
    areaSlug: z.string(),
    fiscalYear: z.number().int(),
    projectNumber: z.number().int(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    amount: z.number().int().nullable().openapi({ description: '決算額（千円）。未入力なら null' }),
    comment: z.string(),
    version,
    state: z.enum(['draft', 'submitted', 'approved', 'returned']),
    returnReason: z.string().nullable(),
    updatedAt: z.string().nullable(),
    updatedBy,
  })
  .openapi('MunicipalityResult', { description: '市町村の、ある年度・事業の実績（決算額とコメント）' });

export const ProjectResultSchema = z
  .object({
    actualTotal: z.number().int().nullable(),
    progress: z.string(),
    nextSteps: z.string(),
    selfEvaluation: z.string(),
    version,
    updatedBy,
  })
  .openapi('ProjectResult', { description: '中心市が入力する、事業全体の実績' });

export const KpiResultSchema = z
  .object({ actual: z.number().nullable(), notCountedReason: z.string().nullable(), version, updatedBy })
  .openapi('KpiResult', { description: '成果指標の実績値' });

export const StoredCostShareRuleSchema = z
  .object({
    rule: CostShareRuleSchema.nullable(),
    description: z.string().nullable().openapi({ description: '分け方の説明（日本語）' }),
    version,
  })
  .openapi('StoredCostShareRule');

export const PublishedYearSchema = z
  .object({
    areaSlug: z.string(),
    fiscalYear: z.number().int(),
    approvedParts: z.number().int(),
    pendingParts: z.number().int(),
  })
  .openapi('PublishedYear', { description: '公表した年度と、承認済み・未承認の市町村実績の数' });
