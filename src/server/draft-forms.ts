import { z } from 'zod';
import type { BudgetCell } from '../domain/vision.js';
import type { DraftEditRequest } from '../service/draft-revisions.js';

/** What a draft's edit form sent, read into an edit; `field` names the input in error. */
export type ParsedEditForm =
  | { ok: true; version: number; edit: DraftEditRequest }
  | { ok: false; message: string; field?: string };

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const text = (max: number) =>
  z.preprocess(single, z.string().max(max, `${max} 文字以内で入力してください`).default(''));
const positiveInt = (label: string) =>
  z.preprocess(
    single,
    z
      .string()
      .transform((s) => s.normalize('NFKC').trim())
      .pipe(z.string().regex(/^[1-9][0-9]{0,8}$/, `${label}は 1 以上の整数で入力してください`))
      .transform(Number),
  );
const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

const KpiTextsSchema = z.object({
  indicator: text(500).refine((s) => s.trim() !== '', '指標を入力してください'),
  baseline: text(500),
  target: text(500),
});
const kpiTexts = ({ indicator, baseline, target }: z.infer<typeof KpiTextsSchema>) => ({ indicator, baseline, target });
const required = (max: number, message: string) => text(max).refine((s) => s.trim() !== '', message);

/** One schema per form action, each giving the edit request it stands for. */
const editSchemas: Record<string, z.ZodType<DraftEditRequest>> = {
  fields: z
    .object({
      key: positiveInt('事業'),
      name: required(300, '事業名を入力してください'),
      content: text(8000),
      effect: text(2000),
      rolesCentral: text(2000),
      rolesPartners: text(2000),
      participants: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.string().max(100)).max(100),
      ),
    })
    .transform((f) => ({
      kind: 'fields' as const,
      key: f.key,
      fields: {
        name: f.name.trim(),
        content: lines(f.content),
        effect: orNull(f.effect),
        roles: { centralCity: f.rolesCentral.trim(), partners: f.rolesPartners.trim() },
        participants: f.participants,
      },
    })),
  kpi: KpiTextsSchema.extend({ key: positiveInt('事業'), kpiKey: positiveInt('成果指標') }).transform((f) => ({
    kind: 'kpi' as const,
    key: f.key,
    kpiKey: f.kpiKey,
    kpi: kpiTexts(f),
  })),
  'add-kpi': KpiTextsSchema.extend({ key: positiveInt('事業') }).transform((f) => ({
    kind: 'add-kpi' as const,
    key: f.key,
    kpi: kpiTexts(f),
  })),
  'add-project': z
    .object({
      number: positiveInt('事業番号'),
      name: required(300, '事業名を入力してください'),
      placeLikeKey: positiveInt('施策の位置'),
    })
    .transform((f) => ({ kind: 'add-project' as const, ...f })),
  remove: z.object({ key: positiveInt('事業') }).transform((f) => ({ kind: 'remove' as const, ...f })),
  renumber: z
    .object({ key: positiveInt('事業'), number: positiveInt('事業番号') })
    .transform((f) => ({ kind: 'renumber' as const, ...f })),
  merge: z
    .object({
      key: positiveInt('事業'),
      intoKey: positiveInt('統合先の事業'),
      reason: required(1000, '統合の理由を入力してください'),
    })
    .transform((f) => ({ kind: 'merge' as const, ...f })),
};

const VersionSchema = z.object({ version: positiveInt('版の状態') });

/** A budget input: 千円 as people type it (full-width digits, `1,234`, 千円), `-` for a dash, empty for blank. */
export function readBudgetInput(raw: string): BudgetCell | undefined {
  const typed = raw.normalize('NFKC').replace(/[,\s]/g, '').replace(/千円$/, '');
  if (typed === '') return { amount: null, mark: 'blank' };
  if (/^[-ー―—–]$/.test(typed)) return { amount: null, mark: 'dash' };
  if (/^\d{1,12}$/.test(typed)) return { amount: Number(typed), mark: null };
  return undefined;
}

/** Reads an edit form of a draft (its `action` says which) into an edit request. */
export function parseEditForm(body: Record<string, unknown>, fiscalYears: readonly number[]): ParsedEditForm {
  const version = VersionSchema.safeParse(body);
  if (!version.success) return { ok: false, message: 'フォームが古いか壊れています。ページを読み込み直してください。' };
  const action = String(single(body.action) ?? '');
  const edit = action === 'budget' ? parseBudget(body, fiscalYears) : parseOther(action, body);
  return 'message' in edit ? { ok: false, ...edit } : { ok: true, version: version.data.version, edit };
}

function parseBudget(
  body: Record<string, unknown>,
  fiscalYears: readonly number[],
): DraftEditRequest | { message: string; field?: string } {
  const key = positiveInt('事業').safeParse(body.key);
  if (!key.success) return { message: '事業の指定が正しくありません。' };
  const cells: Array<{ fiscalYear: number; cell: BudgetCell }> = [];
  for (const fiscalYear of fiscalYears) {
    const raw = single(body[`fy${fiscalYear}`]);
    if (typeof raw !== 'string') continue;
    const cell = readBudgetInput(raw.slice(0, 40));
    if (!cell)
      return {
        message: `${fiscalYear}年度の事業費は千円単位の整数か「-」で入力してください`,
        field: `fy${fiscalYear}`,
      };
    cells.push({ fiscalYear, cell });
  }
  return { kind: 'budget', key: key.data, cells };
}

function parseOther(
  action: string,
  body: Record<string, unknown>,
): DraftEditRequest | { message: string; field?: string } {
  const schema = Object.hasOwn(editSchemas, action) ? editSchemas[action] : undefined;
  if (!schema) return { message: 'フォームの種類が正しくありません。' };
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { message: issue?.message ?? '入力を確認してください', field: String(issue?.path[0] ?? '') };
}
