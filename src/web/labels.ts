import type { FindingCode, FindingSeverity, TargetKind } from '../domain/vision.js';

/** Japanese names of the target kinds, for the filter and the KPI tables. */
export const targetKindLabels: Record<TargetKind, string> = {
  absolute: '数値目標',
  per_year_at_least: '毎年度（毎年）の下限',
  percentage: '割合（%）',
  merged_into: 'ほかの事業に統合',
  none: '目標値なし',
};

export const severityLabels: Record<FindingSeverity, string> = { error: 'エラー', warning: '警告', info: '情報' };

export const findingCodeLabels: Record<FindingCode, string> = {
  budget_total_mismatch: '事業費の計が合わない',
  declared_count_mismatch: '事業数が合わない',
  heading_mismatch: '見出しが表と事業シートで異なる',
  name_mismatch: '事業名が表と事業シートで異なる',
  new_mark_mismatch: '新規の表示が表と事業シートで異なる',
  missing_sheet: '事業シートがない',
  missing_matrix_row: '表に行がない',
  missing_budget_row: '事業費の行がない',
  missing_kpi_rows: '成果指標の行がない',
  participants_mismatch: '連携町村が表と事業シートで異なる',
  duplicate_project: '事業番号の重複',
  unknown_municipality: '圏域にない市町村名',
  unreadable_cell: '読めない欄',
  unreadable_document: '文書を読めない',
  source_converted: '読み替え（文字コード・金額の単位）',
  area_name_mismatch: '文書の圏域名が取り込み先と異なる',
  ambiguous_layout: '読み方が一つに決まらない行',
};

/** Names of the fields a revision diff reports (domain/revision-diff.ts), project fields and `kpi.` ones. */
export const revisionFieldLabels: Record<string, string> = {
  name: '事業名',
  nameInMatrix: '表での事業名',
  isNew: '新規',
  placement: '施策の位置（役割-施策-分野）',
  relatedMunicipalities: '関係市町村',
  participants: '連携町村',
  content: '内容',
  effect: '連携効果',
  'roles.centralCity': '役割分担（中心市）',
  'roles.partners': '役割分担（連携町村）',
  notes: '注記',
  'kpi.indicator': '指標',
  'kpi.note': '注記',
  'kpi.baseline': '現状値',
  'kpi.target': '目標値',
};
