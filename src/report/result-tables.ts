import { type AreaRecord, areaColumns, warekiLabel } from './open-data-context.js';
import { type ColumnSpec, column, type TableSpec } from './open-data-table.js';

/**
 * The published yearly results as plain records (the service fills them from the public's view: published fiscal
 * years, approved municipality parts only), one list per open-data table.
 */
export type ResultRecords = {
  kpiActuals: KpiActualRecord[];
  spending: SpendingActualRecord[];
  costShares: CostShareRecord[];
};

type YearProject = { fiscalYear: number; projectNumber: number; projectName: string };

export type KpiActualRecord = YearProject & {
  kpiNumber: number;
  indicator: string;
  target: string;
  /** the value entered for the year */
  entered: number | null;
  notCountedReason: string | null;
  /** the value compared (the running total for （累計） KPIs) */
  compared: number | null;
  attainment: number | null;
  progress: number | null;
  status: string | null;
};

export type SpendingActualRecord = YearProject & {
  plan: number | null;
  actual: number | null;
  grade: string | null;
  rule: string | null;
};

export type CostShareRecord = YearProject & {
  municipalityCode: string | null;
  municipalityName: string;
  plan: number | null;
  actual: number | null;
  actualSource: 'entered' | 'computed' | 'none';
  rule: string | null;
};

export const NO_RESULTS: ResultRecords = { kpiActuals: [], spending: [], costShares: [] };

/** The fiscal year and the project every row of the results tables starts with. */
export const yearProjectColumns = <R extends { item: YearProject }>(): ColumnSpec<R>[] => [
  column(
    'fiscal_year',
    '年度（西暦）',
    'year',
    null,
    '実績の西暦の年度（2022 は 2022年4月〜2023年3月）。',
    (r) => r.item.fiscalYear,
  ),
  column('fiscal_year_wareki', '年度（和暦）', 'string', null, '年度の和暦表記（例: 令和4年度）。', (r) =>
    warekiLabel(r.item.fiscalYear),
  ),
  column('project_number', '事業番号', 'integer', null, '現在の版の事業番号。', (r) => r.item.projectNumber),
  column('project_name', '事業名', 'string', null, '現在の版の事業名。', (r) => r.item.projectName),
];

/** The project's cost-share rule in words. */
export const ruleColumn = <R extends { item: { rule: string | null } }>(): ColumnSpec<R> =>
  column(
    'cost_share_rule',
    '負担の決め方',
    'string',
    null,
    '例: 均等割 30％・人口割 70％。なければ空欄。',
    (r) => r.item.rule,
  );

export const PUBLISHED_ONLY = '公表された年度の実績だけを載せる（公表前の年度、承認前の市町村の入力は載らない）。';

/** kpi-actuals.csv: one row per KPI and published fiscal year. */
export const kpiActualsTableSpec: TableSpec<AreaRecord<KpiActualRecord>> = {
  id: 'kpi-actuals',
  fileName: 'kpi-actuals.csv',
  title: '成果指標の実績値と達成状況',
  description: `成果指標ごと・年度ごとの実績値、達成度、達成状況（判定の決まりは docs/achievement.md）。${PUBLISHED_ONLY}`,
  columns: [
    ...areaColumns<AreaRecord<KpiActualRecord>>(),
    ...yearProjectColumns<AreaRecord<KpiActualRecord>>(),
    column(
      'kpi_number',
      '指標番号',
      'integer',
      null,
      '事業の中での成果指標の順番（1 から）。',
      (r) => r.item.kpiNumber,
    ),
    column('indicator', '成果指標', 'string', null, '事業シートに印刷された指標名。', (r) => r.item.indicator),
    column('target', '目標値', 'string', null, '目標値の記載（例: 32件、1回以上/年度）。', (r) => r.item.target),
    column('actual', '実績値', 'number', null, 'その年度に入力された実績値。なければ空欄。', (r) => r.item.entered),
    column(
      'not_counted_reason',
      '未集計の理由',
      'string',
      null,
      '実績値が未集計のときの理由。',
      (r) => r.item.notCountedReason,
    ),
    column(
      'compared_value',
      '比べる値',
      'number',
      null,
      '目標値と比べる値（（累計）の指標では現状値に各年度の実績を足した累計値）。',
      (r) => r.item.compared,
    ),
    column(
      'attainment',
      '達成度',
      'number',
      null,
      '達成度（比。1 が目標値）。判定できなければ空欄。',
      (r) => r.item.attainment,
    ),
    column('progress', '進み具合', 'number', null, '(比べる値 − 現状値) ÷ (目標値 − 現状値)。', (r) => r.item.progress),
    column(
      'status',
      '達成状況',
      'string',
      null,
      '達成・概ね順調・遅れ・未評価。目標値が「—」の指標は空欄（判定しない）。',
      (r) => r.item.status,
    ),
  ],
};

/** spending-actuals.csv: one row per project and published fiscal year. */
export const spendingActualsTableSpec: TableSpec<AreaRecord<SpendingActualRecord>> = {
  id: 'spending-actuals',
  fileName: 'spending-actuals.csv',
  title: '事業費の計画と実績',
  description: `事業ごと・年度ごとの事業費見込額（計画）と決算額（実績）、事業の評価。${PUBLISHED_ONLY}`,
  columns: [
    ...areaColumns<AreaRecord<SpendingActualRecord>>(),
    ...yearProjectColumns<AreaRecord<SpendingActualRecord>>(),
    column(
      'plan_thousand_yen',
      '計画（事業費見込額）',
      'integer',
      '千円',
      '現在の版のその年度の事業費見込額。千円単位の整数。記載がなければ空欄。',
      (r) => r.item.plan,
    ),
    column(
      'actual_thousand_yen',
      '実績（決算額）',
      'integer',
      '千円',
      '決算額。千円単位の整数。中心市の入力した合計、なければ市町村の負担額の合計。分からなければ空欄。',
      (r) => r.item.actual,
    ),
    column('grade', '評価', 'string', null, '事業の評価 A〜D。評価できる成果指標がなければ空欄。', (r) => r.item.grade),
    ruleColumn<AreaRecord<SpendingActualRecord>>(),
  ],
};
