import { z } from '@hono/zod-openapi';
import { AreaSlugParamsSchema } from './api-params.js';

/** Schemas of `GET /api/v1/areas/{slug}/status/{fy}`: the shape of `renkei status --format json`, with its area. */

export const StatusParamsSchema = AreaSlugParamsSchema.extend({
  fy: z
    .string()
    .transform((s) => s.normalize('NFKC').trim())
    .pipe(z.string().regex(/^[0-9]{4}$/, '「fy」（年度）は西暦の4桁で指定してください（例: 2022）。'))
    .transform(Number)
    .openapi({
      param: { name: 'fy', in: 'path' },
      type: 'integer',
      description: '西暦の年度（2022 は 2022年4月〜2023年3月）',
      example: 2022,
    }),
});

const amount = (description: string) => z.number().int().nullable().openapi({ description });

const KpiStatusSchema = z
  .object({
    number: z.number().int().openapi({ description: '事業の中での成果指標の順番（1 から）' }),
    actual: z
      .number()
      .nullable()
      .openapi({ description: '比べる実績値（（累計）の指標では累計値）。実績がなければ null' }),
    attainment: z.number().nullable().openapi({ description: '達成度（比。1 が目標値）。判定できなければ null' }),
    progress: z
      .number()
      .nullable()
      .openapi({ description: '現状値から目標値までの進み具合（比）。現状値と目標値が同じなら null' }),
    status: z
      .enum(['達成', '概ね順調', '遅れ', '未評価'])
      .nullable()
      .openapi({ description: '達成状況。目標値が「—」の指標は null（判定しない）' }),
  })
  .openapi('KpiStatus');

const ShareSchema = z
  .object({
    municipalityCode: z.string().nullable().openapi({ description: '全国地方公共団体コード（6桁）。不明なら null' }),
    plan: amount('計画（事業費見込額）の負担額（千円）。負担の決め方がなければ null'),
    actual: amount('実績（決算額）の負担額（千円）: 入力された額、なければ決め方で計算した額'),
  })
  .openapi('CostShare');

const ProjectStatusSchema = z
  .object({
    number: z.number().int().openapi({ description: '事業番号' }),
    grade: z
      .enum(['A', 'B', 'C', 'D'])
      .nullable()
      .openapi({ description: '事業の評価。評価できる指標がなければ null' }),
    kpis: z.array(KpiStatusSchema),
    spending: z.object({
      plan: amount('その年度の事業費見込額（千円）'),
      actual: amount('その年度の決算額（千円）'),
      shares: z.array(ShareSchema).openapi({ description: '中心市、参加する連携町村の順（文書の記載順）' }),
    }),
  })
  .openapi('ProjectStatus');

export const YearStatusSchema = z
  .object({
    fiscalYear: z.number().int().openapi({ description: '西暦の年度' }),
    area: z.object({ slug: z.string(), name: z.string() }).openapi({ description: '圏域' }),
    audience: z.enum(['public', 'staff']).openapi({
      description: 'public: 公表された実績だけ。staff: その圏域の職員としてログインしているとき、未公表の実績も',
    }),
    publishedAt: z
      .string()
      .nullable()
      .openapi({ description: 'その年度の実績を公表した日時（ISO 8601）。未公表なら null' }),
    projects: z.array(ProjectStatusSchema),
  })
  .openapi('YearStatus', {
    description:
      '年度の進捗（`renkei status --format json` と同じ形に area・audience・publishedAt を加えたもの）。金額は千円。値がないところは null。判定の決まりは docs/achievement.md。',
  });
