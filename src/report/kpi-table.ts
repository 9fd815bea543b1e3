import type { Kpi, Project } from '../domain/vision.js';
import { type AreaRecord, areaColumns, warekiLabel } from './open-data-context.js';
import type { TableSpec } from './open-data-table.js';

export type KpiRow = { project: Project; position: number; kpi: Kpi };

export function listKpiRows(projects: readonly Project[]): KpiRow[] {
  return projects.flatMap((project) => project.kpis.map((kpi, i) => ({ project, position: i + 1, kpi })));
}

/** kpis.csv: one row per 成果指標, with the baseline and the target read into value, unit and kind. */
export const kpisTableSpec: TableSpec<AreaRecord<KpiRow>> = {
  id: 'kpis',
  fileName: 'kpis.csv',
  title: '成果指標',
  description:
    '事業ごとの成果指標（KPI）。1行が1指標。現状値と目標値は印刷された文と、読み取った数値・単位の両方を載せる。',
  columns: [
    ...areaColumns<AreaRecord<KpiRow>>(),
    {
      name: 'project_number',
      label: '事業番号',
      type: 'integer',
      unit: null,
      description: 'ビジョンに印刷された事業の番号。',
      value: (r) => r.item.project.number,
    },
    {
      name: 'kpi_number',
      label: '指標の順番',
      type: 'integer',
      unit: null,
      description: '事業の中での指標の印刷順（1 から）。',
      value: (r) => r.item.position,
    },
    {
      name: 'indicator',
      label: '指標',
      type: 'string',
      unit: null,
      description: '指標名（注記の記号は除く）。',
      value: (r) => r.item.kpi.indicator,
    },
    {
      name: 'note',
      label: '注記',
      type: 'string',
      unit: null,
      description: '指標に付いた ※ の注記。なければ空欄。',
      value: (r) => r.item.kpi.note,
    },
    {
      name: 'baseline_text',
      label: '現状値（記載）',
      type: 'string',
      unit: null,
      description: '現状値欄に印刷された文（調査時点を含む）。',
      value: (r) => r.item.kpi.baseline.text,
    },
    {
      name: 'baseline_value',
      label: '現状値',
      type: 'number',
      unit: null,
      description: '現状値の数値。単位は baseline_unit。数値として読めないときは空欄。',
      value: (r) => r.item.kpi.baseline.value,
    },
    {
      name: 'baseline_unit',
      label: '現状値の単位',
      type: 'string',
      unit: null,
      description: '現状値の単位（人、件、% など）。',
      value: (r) => r.item.kpi.baseline.unit,
    },
    {
      name: 'baseline_as_of',
      label: '現状値の調査時点',
      type: 'string',
      unit: null,
      description: '調査時点の記載（例: 2020年度見込、2018年実績）。',
      value: (r) => r.item.kpi.baseline.asOf,
    },
    {
      name: 'target_text',
      label: '目標値（記載）',
      type: 'string',
      unit: null,
      description: '目標値欄に印刷された文。',
      value: (r) => r.item.kpi.target.text,
    },
    {
      name: 'target_kind',
      label: '目標の種類',
      type: 'string',
      unit: null,
      description:
        'absolute（到達値）、per_year_at_least（毎年度・毎年この値以上）、percentage（割合）、merged_into（他の事業の指標に統合）、none（数値目標なし）。',
      value: (r) => r.item.kpi.target.kind,
    },
    {
      name: 'target_value',
      label: '目標値',
      type: 'number',
      unit: null,
      description: '目標値の数値。単位は target_unit。数値目標がなければ空欄。',
      value: (r) => r.item.kpi.target.value,
    },
    {
      name: 'target_unit',
      label: '目標値の単位',
      type: 'string',
      unit: null,
      description: '目標値の単位。',
      value: (r) => r.item.kpi.target.unit,
    },
    {
      name: 'target_per',
      label: '目標の期間単位',
      type: 'string',
      unit: null,
      description: 'per_year_at_least のとき 年度 または 年。ほかは空欄。',
      value: (r) => r.item.kpi.target.per,
    },
    {
      name: 'target_merged_into',
      label: '統合先の事業番号',
      type: 'integer',
      unit: null,
      description: 'merged_into のとき、指標が統合された事業の番号。ほかは空欄。',
      value: (r) => r.item.kpi.target.mergedInto,
    },
    {
      name: 'target_fiscal_year',
      label: '目標年度（西暦）',
      type: 'year',
      unit: null,
      description: '目標値を達成する年度（西暦）。不明なときは空欄。',
      value: (r) => r.item.kpi.target.fiscalYear,
    },
    {
      name: 'target_fiscal_year_wareki',
      label: '目標年度（和暦）',
      type: 'string',
      unit: null,
      description: '目標年度の和暦表記（例: 令和6年度）。',
      value: (r) => warekiLabel(r.item.kpi.target.fiscalYear),
    },
  ],
};
