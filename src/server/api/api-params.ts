import { z } from '@hono/zod-openapi';
import { findingCodes, findingSeverities, type TargetKind } from '../../domain/vision.js';

/**
 * Path and query parameters of /api/v1. Every message is a Japanese sentence that names the parameter: the
 * validation hook (api-validation-hook.ts) puts it in the problem's `detail` as it is. Numbers may be written
 * with full-width digits (NFKC); empty values count as absent.
 */

const nfkcTrim = (s: string) => s.normalize('NFKC').trim();
const digits = /^[0-9]{1,9}$/;

/** A query parameter holding an integer in [min, max]; absent or empty gives `fallback`. */
function integerQuery<F extends number | undefined>(
  name: string,
  options: { min: number; max?: number; fallback: F; description: string; example?: number },
) {
  const range =
    options.max === undefined ? `${options.min} 以上の整数` : `${options.min} から ${options.max} までの整数`;
  const message = `「${name}」は ${range}で指定してください。`;
  const max = options.max ?? 999_999_999;
  return z
    .string()
    .transform(nfkcTrim)
    .refine((s) => s === '' || digits.test(s), message)
    .transform((s) => (s === '' ? undefined : Number(s)))
    .refine((n) => n === undefined || (n >= options.min && n <= max), message)
    .optional()
    .transform((n): number | F => n ?? options.fallback)
    .openapi({
      type: 'integer',
      minimum: options.min,
      ...(options.max === undefined ? {} : { maximum: options.max }),
      ...(options.fallback === undefined ? {} : { default: options.fallback }),
      description: options.description,
      ...(options.example === undefined ? {} : { example: options.example }),
    });
}

function enumQuery<const T extends readonly [string, ...string[]]>(
  name: string,
  values: T,
  options: { description: string; example?: T[number]; fallback?: T[number] },
) {
  const message = `「${name}」は ${values.join('、')} のいずれかで指定してください。`;
  return z
    .string()
    .transform(nfkcTrim)
    .refine((s) => s === '' || (values as readonly string[]).includes(s), message)
    .transform((s) => (s === '' ? options.fallback : (s as T[number])))
    .optional()
    .transform((s) => s ?? options.fallback)
    .openapi({
      type: 'string',
      enum: [...values],
      description: options.description,
      ...(options.fallback === undefined ? {} : { default: options.fallback }),
      ...(options.example === undefined ? {} : { example: options.example }),
    });
}

function textQuery(name: string, options: { max: number; description: string; example?: string }) {
  const message = `「${name}」は ${options.max} 文字以内で指定してください。`;
  return z
    .string()
    .max(options.max, message)
    .transform((s) => (s.trim() === '' ? undefined : s.trim()))
    .optional()
    .openapi({
      type: 'string',
      maxLength: options.max,
      description: options.description,
      ...(options.example === undefined ? {} : { example: options.example }),
    });
}

/** `latest` or a revision number (seq, from 1). */
const revisionPattern = /^(latest|[1-9][0-9]{0,8})$/;
const toRevision = (s: string): number | 'latest' => (s === 'latest' ? 'latest' : Number(s));

const revisionQuery = z
  .string()
  .transform((s) => nfkcTrim(s).toLowerCase())
  .refine((s) => s === '' || revisionPattern.test(s), '「revision」は latest か 1 以上の版番号で指定してください。')
  .transform((s) => (s === '' ? 'latest' : toRevision(s)))
  .optional()
  .transform((r) => r ?? 'latest')
  .openapi({
    type: 'string',
    pattern: revisionPattern.source,
    default: 'latest',
    description: '版（revision の seq）。省略時は最新版。次・前のページへのリンクは、答えた版に固定されます。',
    example: '1',
  });

// ── path parameters ──

export const AreaSlugParamsSchema = z.object({
  slug: z
    .string()
    .min(1, '「slug」（圏域の識別名）を指定してください。')
    .max(200, '「slug」（圏域の識別名）は 200 文字以内で指定してください。')
    .openapi({
      param: { name: 'slug', in: 'path' },
      description: '圏域の識別名（スラッグ）。`GET /api/v1/areas` の `slug`',
      example: '青森圏域',
    }),
});

export const RevisionParamsSchema = AreaSlugParamsSchema.extend({
  seq: z
    .string()
    .transform((s) => nfkcTrim(s).toLowerCase())
    .refine((s) => revisionPattern.test(s), '「seq」（版番号）は latest か 1 以上の整数で指定してください。')
    .transform(toRevision)
    .openapi({
      param: { name: 'seq', in: 'path' },
      type: 'string',
      pattern: revisionPattern.source,
      description: '版番号（1, 2, …）、または最新版を表す `latest`',
      example: 'latest',
    }),
});

/** `/projects/{number}`: a positive integer; full-width digits are read as digits. */
export const projectNumberParam = z
  .string()
  .transform((s) => s.normalize('NFKC'))
  .pipe(z.string().regex(/^[1-9][0-9]{0,8}$/, '事業番号は 1 以上の整数で指定してください。'))
  .transform(Number)
  .openapi({
    param: { name: 'number', in: 'path' },
    type: 'integer',
    minimum: 1,
    description: '事業番号（文書に印刷された番号。版が変わると変わることがあります）',
    example: 2,
  });

export const ProjectNumberParamsSchema = z.object({ number: projectNumberParam });
export const AreaProjectParamsSchema = AreaSlugParamsSchema.extend({ number: projectNumberParam });

// ── query parameters ──

/** limit + offset; `maxLimit` bounds one page. */
export function paginationQuery(defaultLimit: number, maxLimit: number) {
  return {
    limit: integerQuery('limit', {
      min: 1,
      max: maxLimit,
      fallback: defaultLimit,
      description: `1 ページの件数（既定 ${defaultLimit}、最大 ${maxLimit}）`,
      example: 20,
    }),
    offset: integerQuery('offset', {
      min: 0,
      fallback: 0,
      description: '先頭から飛ばす件数（既定 0）。`links.next` / `links.prev` をたどれば計算は不要です',
      example: 0,
    }),
  };
}

export const PageQuerySchema = z.object(paginationQuery(50, 200));

export const RevisionQuerySchema = z.object({ revision: revisionQuery });

export const targetKinds = [
  'absolute',
  'per_year_at_least',
  'percentage',
  'merged_into',
  'none',
] as const satisfies readonly TargetKind[];

export const ProjectListQuerySchema = z.object({
  role: integerQuery('role', { min: 1, max: 99, fallback: undefined, description: '役割の番号', example: 1 }),
  policyArea: integerQuery('policyArea', {
    min: 1,
    max: 999,
    fallback: undefined,
    description: '連携施策の番号（役割の中での番号。role と組み合わせて使います）',
    example: 2,
  }),
  subField: integerQuery('subField', {
    min: 1,
    max: 999,
    fallback: undefined,
    description: '分野の番号（①②… の番号）',
    example: 1,
  }),
  municipality: textQuery('municipality', {
    max: 40,
    description:
      '参加する市町村: 名前（外ヶ浜町・外ケ浜町のどちらでも）か 6 桁の全国地方公共団体コード。中心市はすべての事業に参加します',
    example: '外ヶ浜町',
  }),
  isNew: enumQuery('isNew', ['true', 'false', '1', '0'], {
    description: '新規事業だけ（true）か、新規でない事業だけ（false）',
    example: 'true',
  }).transform((s) => (s === undefined ? undefined : s === 'true' || s === '1')),
  targetKind: enumQuery('targetKind', targetKinds, {
    description: 'この種類の目標値を持つ成果指標がある事業',
    example: 'merged_into',
  }),
  q: textQuery('q', {
    max: 100,
    description:
      '事業名・内容・効果・指標の語句検索（空白で区切った語をすべて含む。全角半角・大文字小文字は区別しません）',
    example: '創業',
  }),
  sort: enumQuery('sort', ['number', 'cost'], {
    description: '並べ順: 事業番号（number）か事業費見込額の計（cost）',
    fallback: 'number',
  }),
  order: enumQuery('order', ['asc', 'desc'], { description: '昇順（asc）か降順（desc）', fallback: 'asc' }),
  revision: revisionQuery,
  ...paginationQuery(50, 200),
});

export const KpiListQuerySchema = z.object({
  targetKind: enumQuery('targetKind', targetKinds, { description: '目標値の種類', example: 'absolute' }),
  project: integerQuery('project', { min: 1, fallback: undefined, description: '事業番号', example: 2 }),
  revision: revisionQuery,
  ...paginationQuery(200, 1000),
});

export const BudgetListQuerySchema = z.object({
  fiscalYear: integerQuery('fiscalYear', {
    min: 1900,
    max: 2999,
    fallback: undefined,
    description: '年度（西暦。2022 は 2022 年 4 月〜2023 年 3 月の令和4年度）',
    example: 2022,
  }),
  project: integerQuery('project', { min: 1, fallback: undefined, description: '事業番号', example: 2 }),
  revision: revisionQuery,
  ...paginationQuery(200, 1000),
});

export const FindingListQuerySchema = z.object({
  severity: enumQuery('severity', findingSeverities, { description: '重大度', example: 'warning' }),
  code: enumQuery('code', findingCodes, { description: '不整合の種類', example: 'name_mismatch' }),
  revision: revisionQuery,
  ...paginationQuery(200, 1000),
});

export const AreaProjectQuerySchema = RevisionQuerySchema;

export type ProjectListQuery = z.output<typeof ProjectListQuerySchema>;
export type KpiListQuery = z.output<typeof KpiListQuerySchema>;
export type BudgetListQuery = z.output<typeof BudgetListQuerySchema>;
export type FindingListQuery = z.output<typeof FindingListQuerySchema>;
