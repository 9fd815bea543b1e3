import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { RevisionDiff } from '../../domain/revision-diff.js';
import { compareRevisions } from '../../service/revision-reads.js';
import type { AppContext } from '../app-deps.js';
import { type ActorEnv, readActor } from '../request-actor.js';
import type { ApiContext } from './api-context.js';
import { AreaSlugParamsSchema } from './api-params.js';
import { API_BASE, readResponses } from './api-responses.js';
import { BudgetCellSchema } from './vision-schemas.js';

const revisionNumber = (name: 'from' | 'to', description: string) =>
  z
    .string()
    .transform((s) => s.normalize('NFKC').trim())
    .refine((s) => /^[1-9][0-9]{0,8}$/.test(s), `「${name}」（版番号）は 1 以上の整数で指定してください。`)
    .transform(Number)
    .openapi({ param: { name, in: 'path' }, type: 'string', description, example: name === 'from' ? '1' : '2' });

const DiffParamsSchema = AreaSlugParamsSchema.extend({
  from: revisionNumber('from', '比べるもとの版の番号'),
  to: revisionNumber('to', '比べる先の版の番号'),
});

const ProjectRefSchema = z.object({
  key: z.number().int().openapi({ description: '事業の安定 ID（版をまたいで変わらない）' }),
  number: z.number().int().openapi({ description: '事業番号（比べる先の版での番号。削除なら削除前）' }),
  name: z.string(),
});
const FieldChangeSchema = z.object({
  field: z.string().openapi({ description: '項目（name, content, effect, roles.centralCity, participants など）' }),
  old: z.string(),
  new: z.string(),
});
const BudgetChangeSchema = z.object({
  fiscalYear: z.number().int().nullable().openapi({ description: '年度（西暦）。null は計' }),
  old: BudgetCellSchema.nullable().openapi({ description: '変更前のセル（null はセルなし）' }),
  new: BudgetCellSchema.nullable(),
  difference: z.number().int().nullable().openapi({ description: '変更後 − 変更前（千円）' }),
});
const KpiRefSchema = z.object({
  key: z.number().int().openapi({ description: '成果指標の安定 ID' }),
  indicator: z.string(),
});

export const RevisionDiffSchema = z
  .object({
    area: z.object({ slug: z.string(), name: z.string() }),
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(ProjectRefSchema),
    removed: z.array(ProjectRefSchema),
    renumbered: z.array(ProjectRefSchema.extend({ from: z.number().int().openapi({ description: '以前の事業番号' }) })),
    merged: z.array(ProjectRefSchema.extend({ into: ProjectRefSchema, reason: z.string() })),
    changed: z.array(
      ProjectRefSchema.extend({
        fields: z.array(FieldChangeSchema),
        budget: z.array(BudgetChangeSchema),
        kpis: z.object({
          added: z.array(KpiRefSchema),
          removed: z.array(KpiRefSchema),
          changed: z.array(KpiRefSchema.extend({ fields: z.array(FieldChangeSchema) })),
        }),
      }),
    ),
    budgetTotals: z.array(
      z.object({ fiscalYear: z.number().int(), old: z.number(), new: z.number(), difference: z.number() }),
    ),
  })
  .openapi('RevisionDiff');

type RevisionDiffAnswer = RevisionDiff & { area: { slug: string; name: string }; from: number; to: number };

const getRevisionDiffRoute = createRoute({
  method: 'get',
  path: `${API_BASE}/areas/{slug}/revisions/{from}/diff/{to}`,
  operationId: 'getRevisionDiff',
  tags: ['圏域と版'],
  summary: '二つの版の差分',
  description:
    '版 from から版 to への変更点。事業と成果指標は安定 ID（key）で対応づけます: 追加・削除・番号変更・統合された事業、事業ごとの項目の変更、年度ごとの事業費（変更前・変更後・差、千円）、成果指標の追加・変更・削除、年度別の合計。公開前の下書きは、その圏域の職員としてログインしていなければ 404 です。',
  request: { params: DiffParamsSchema },
  responses: readResponses(RevisionDiffSchema, '差分', { notFound: '圏域か版がない（下書きは公開されていない）' }),
});

/** GET /areas/{slug}/revisions/{from}/diff/{to}: the diff (domain/revision-diff.ts) as JSON. */
export function registerRevisionDiffRoutes(api: OpenAPIHono, ctx: ApiContext, deps: AppContext): void {
  api.openapi(getRevisionDiffRoute, async (c) => {
    const { slug, from, to } = c.req.valid('param');
    const build = async (reader: Awaited<ReturnType<typeof readActor>>): Promise<RevisionDiffAnswer> => {
      const comparison = await compareRevisions(ctx.db, reader, { areaSlug: slug, from, to });
      return { area: { slug: comparison.area.slug, name: comparison.area.name }, from, to, ...comparison.diff };
    };
    const reader = await readActor(c as unknown as Context<ActorEnv>, deps);
    if (reader === undefined) return ctx.respond(c, `diff\n${slug}\n${from}\n${to}`, () => build(undefined));
    // a signed-in reader may see drafts: answered fresh, never cached
    c.header('Cache-Control', 'no-store');
    return c.json(await build(reader), 200) as never;
  });
}
