import { z } from '@hono/zod-openapi';
import {
  type Finding,
  findingCodes,
  findingSeverities,
  type Kpi,
  type MunicipalityRef,
  type Project,
  type Vision,
} from '../../domain/vision.js';
import { exampleArea, exampleFinding, examplePlan, exampleProject, exampleRole } from './seed-examples.js';

/**
 * Vision JSON (DESIGN.md §6, docs/vision-json.md) as zod schemas, for the OpenAPI document of /api/v1. The
 * domain types stay the source of truth: the checks at the end of this file fail to compile when a schema and
 * its domain type part.
 */

const nullableInt = (description: string) => z.number().int().nullable().openapi({ description });

export const MunicipalityRefSchema = z
  .object({
    code: z
      .string()
      .regex(/^[0-9]{6}$/)
      .nullable()
      .openapi({ description: '全国地方公共団体コード（6 桁、検査数字つき、文字列）。分からないときは null' }),
    name: z.string().openapi({ description: '市町村名（公式の表記）' }),
    isCentralCity: z.boolean().openapi({ description: '連携中枢都市（中心市）なら true' }),
  })
  .openapi('MunicipalityRef', { example: exampleArea.municipalities[3] });

export const AreaKindSchema = z.enum(['連携中枢都市圏', '定住自立圏', 'other']).openapi({ description: '圏域の種類' });

const RevisionInfoSchema = z
  .object({
    label: z.string().openapi({ description: '文書に印刷された版の名前（例: R4年3月）' }),
    yearMonth: z.string().openapi({ description: '版の年月（ISO、例: 2022-03）' }),
    fiscalYear: z.number().int().openapi({ description: '版の年月が属する年度（西暦）' }),
  })
  .openapi({ description: '文書が名乗る版' });

export const PlanSchema = z
  .object({
    title: z.string().openapi({ description: 'ビジョンの題名' }),
    fiscalYears: z.array(z.number().int()).openapi({ description: '計画の年度（西暦）' }),
    targetFiscalYear: nullableInt('目標年度（西暦）'),
    amountUnit: z.string().openapi({ description: '金額の単位（千円）' }),
    revision: RevisionInfoSchema.nullable(),
  })
  .openapi('Plan', { example: examplePlan });

const SubFieldSchema = z.object({
  no: z.number().int().openapi({ description: '分野の番号（①②…）' }),
  title: z.string().openapi({ description: '事業シートでの見出し' }),
  titleInMatrix: z.string().nullable().openapi({ description: '連携協約項目の表での見出し' }),
  declaredCount: nullableInt('文書が記す事業数'),
});

const PolicyAreaSchema = z.object({
  no: z.number().int().openapi({ description: '連携施策の番号' }),
  noInMatrix: nullableInt('表での番号（事業シートと異なるときだけ）'),
  title: z.string().openapi({ description: '事業シートでの見出し' }),
  titleInMatrix: z.string().nullable().openapi({ description: '連携協約項目の表での見出し' }),
  declaredCount: nullableInt('文書が記す事業数'),
  subFields: z.array(SubFieldSchema),
});

export const RoleSchema = z
  .object({
    role: z.number().int().openapi({ description: '役割の番号（1〜3）' }),
    title: z.string().openapi({ description: '役割の見出し' }),
    titleInMatrix: z.string().nullable().openapi({ description: '表での見出し' }),
    declaredCount: nullableInt('文書が記す事業数'),
    policyAreas: z.array(PolicyAreaSchema),
  })
  .openapi('Role', { example: exampleRole });

const amount = z.number().int().openapi({ description: '金額（千円）' });
const mark = z.enum(['blank', 'dash']).openapi({ description: '金額のない欄: 空欄（blank）か「－」（dash）' });
/** a budget cell: an amount, or a mark when the cell holds none (blank and dash differ) */
const cellVariants = [z.object({ amount, mark: z.null() }), z.object({ amount: z.null(), mark })] as const;

export const BudgetCellSchema = z.union(cellVariants).openapi('BudgetCell', {
  description: '事業費見込額の欄: 金額か、金額がないときの印',
  example: { amount: 36495, mark: null },
});

const fiscalYear = z.number().int().openapi({ description: '年度（西暦）' });
export const BudgetYearSchema = z
  .union([cellVariants[0].extend({ fiscalYear }), cellVariants[1].extend({ fiscalYear })])
  .openapi('BudgetYear', { example: { fiscalYear: 2020, amount: 21833, mark: null } });

export const BaselineSchema = z
  .object({
    text: z.string().openapi({ description: '印刷どおりの現状値' }),
    value: z.number().nullable().openapi({ description: '数値' }),
    unit: z.string().nullable().openapi({ description: '単位' }),
    asOf: z.string().nullable().openapi({ description: '調査時点（例: 2019年度見込）' }),
  })
  .openapi('Baseline', { example: exampleProject.kpis[0]?.baseline });

export const TargetKindSchema = z.enum(['absolute', 'per_year_at_least', 'percentage', 'merged_into', 'none']).openapi({
  description:
    '目標値の種類: absolute（値）、per_year_at_least（年度・年あたり以上）、percentage（割合）、merged_into（他の事業に統合）、none（目標値なし）',
});

export const TargetSchema = z
  .object({
    text: z.string().openapi({ description: '印刷どおりの目標値' }),
    kind: TargetKindSchema,
    value: z.number().nullable().openapi({ description: '数値' }),
    unit: z.string().nullable().openapi({ description: '単位' }),
    per: z.enum(['年度', '年']).nullable().openapi({ description: 'per_year_at_least のとき: 年度か年' }),
    mergedInto: nullableInt('merged_into のとき: 統合先の事業番号'),
    fiscalYear: nullableInt('目標年度（西暦）'),
  })
  .openapi('Target', { example: exampleProject.kpis[0]?.target });

export const kpiShape = {
  indicator: z.string().openapi({ description: '指標' }),
  note: z.string().nullable().openapi({ description: '指標の注記（※）' }),
  baseline: BaselineSchema,
  target: TargetSchema,
};

export const KpiSchema = z.object(kpiShape).openapi('Kpi', { example: exampleProject.kpis[0] });

export const projectShape = {
  number: z.number().int().openapi({ description: '事業番号（版が変わると変わることがあります）' }),
  name: z.string().openapi({ description: '事業名（事業シートの表記）' }),
  nameInMatrix: z.string().nullable().openapi({ description: '連携協約項目の表での事業名' }),
  isNew: z.boolean().openapi({ description: '新規事業なら true' }),
  role: z.number().int().openapi({ description: '役割の番号' }),
  policyArea: z.number().int().openapi({ description: '連携施策の番号' }),
  subField: nullableInt('分野の番号（役割 3 のとき）'),
  relatedMunicipalities: z.string().nullable().openapi({ description: '関係市町村（印刷どおり）' }),
  participants: z.array(z.string()).openapi({ description: '参加する連携町村（表の ○）' }),
  content: z.array(z.string()).openapi({ description: '内容（箇条ごと）' }),
  effect: z.string().nullable().openapi({ description: '連携効果' }),
  budget: z
    .object({ years: z.array(BudgetYearSchema), total: BudgetCellSchema })
    .openapi({ description: '事業費見込額（千円）: 年度ごとと計' }),
  roles: z
    .object({
      centralCity: z.string().openapi({ description: '中心市の役割' }),
      partners: z.string().openapi({ description: '連携町村の役割' }),
    })
    .openapi({ description: '連携市町村の役割分担' }),
  kpis: z.array(KpiSchema).openapi({ description: '成果指標' }),
  notes: z.array(z.string()).openapi({ description: 'どの指標にも属さない注記' }),
  source: z
    .object({
      lines: z
        .tuple([z.number().int(), z.number().int()])
        .openapi({ description: '文書の最初と最後の行番号', minItems: 2, maxItems: 2 }),
    })
    .openapi({ description: '取り込んだ文書での位置' }),
};

export const ProjectSchema = z.object(projectShape).openapi('Project', { example: exampleProject });

export const FindingSchema = z
  .object({
    severity: z.enum(findingSeverities).openapi({ description: '重大度' }),
    code: z.enum(findingCodes).openapi({ description: '不整合の種類' }),
    project: nullableInt('関係する事業番号'),
    line: nullableInt('文書の行番号'),
    excerpt: z.string().nullable().openapi({ description: '該当箇所の抜き書き' }),
    message: z.string().openapi({ description: '説明' }),
  })
  .openapi('Finding', { example: exampleFinding });

export const VisionSchema = z
  .object({
    format: z.literal('renkei-vision'),
    version: z.literal(1),
    area: z
      .object({ name: z.string(), kind: AreaKindSchema, municipalities: z.array(MunicipalityRefSchema) })
      .openapi({ description: '圏域と構成市町村' }),
    plan: PlanSchema,
    structure: z.array(RoleSchema).openapi({ description: '役割 → 連携施策 → 分野' }),
    projects: z.array(ProjectSchema),
    findings: z.array(FindingSchema).openapi({ description: '取り込みで見つかった文書の不整合' }),
  })
  .openapi('Vision', {
    description: 'Vision JSON: ビジョンの 1 版まるごと（例は事業と不整合を 1 件ずつに縮めたもの）',
    example: {
      format: 'renkei-vision',
      version: 1,
      area: exampleArea,
      plan: examplePlan,
      structure: [exampleRole],
      projects: [exampleProject],
      findings: [exampleFinding],
    },
  });

// ── the schemas describe the domain types exactly ──
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemasMatchDomain: [
  Same<z.output<typeof MunicipalityRefSchema>, MunicipalityRef>,
  Same<z.output<typeof KpiSchema>, Kpi>,
  Same<z.output<typeof ProjectSchema>, Project>,
  Same<z.output<typeof FindingSchema>, Finding>,
  Same<z.output<typeof VisionSchema>, Vision>,
] = [true, true, true, true, true];
