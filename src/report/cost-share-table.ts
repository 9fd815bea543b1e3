import type { AreaRecord } from './open-data-context.js';
import { column, type TableSpec } from './open-data-table.js';
import { type CostShareRecord, PUBLISHED_ONLY, ruleColumn, yearProjectColumns } from './result-tables.js';

const SOURCE_LABELS = { entered: 'entered', computed: 'computed', none: '' } as const;

/** cost-shares.csv: one row per project, published fiscal year and municipality that shares its cost. */
export const costSharesTableSpec: TableSpec<AreaRecord<CostShareRecord>> = {
  id: 'cost-shares',
  fileName: 'cost-shares.csv',
  title: '市町村ごとの負担額',
  description:
    '事業ごと・年度ごと・市町村ごとの負担額（計画と実績、千円）。負担額は千円単位で最大剰余法により計算し（端数が同じときはビジョンでの記載順が先の市町村）、' +
    `計算した負担額の合計は事業費に一致する。市町村が入力した額はそのまま載せる。${PUBLISHED_ONLY}`,
  columns: [
    column(
      'municipality_code',
      '全国地方公共団体コード',
      'code',
      null,
      '負担する市町村の全国地方公共団体コード（6桁、検査数字を含む文字列）。不明なときは空欄。',
      (r) => r.item.municipalityCode,
    ),
    column(
      'municipality_name',
      '地方公共団体名',
      'string',
      null,
      '負担する市町村の名称。',
      (r) => r.item.municipalityName,
    ),
    column('area_name', '圏域名', 'string', null, '連携中枢都市圏・定住自立圏の名称。', (r) => r.ctx.areaName),
    ...yearProjectColumns<AreaRecord<CostShareRecord>>(),
    column(
      'plan_share_thousand_yen',
      '計画の負担額',
      'integer',
      '千円',
      'その年度の事業費見込額を負担の決め方で分けた額。千円単位の整数。決め方がなければ空欄。',
      (r) => r.item.plan,
    ),
    column(
      'actual_share_thousand_yen',
      '実績の負担額',
      'integer',
      '千円',
      '決算額のうちこの市町村の負担額（入力された額、なければ決め方で計算した額）。千円単位の整数。なければ空欄。',
      (r) => r.item.actual,
    ),
    column(
      'actual_source',
      '実績の負担額の根拠',
      'string',
      null,
      'entered（市町村が入力し承認された額）、computed（決め方で計算した額）。実績の負担額がなければ空欄。',
      (r) => SOURCE_LABELS[r.item.actualSource],
    ),
    ruleColumn<AreaRecord<CostShareRecord>>(),
  ],
};
