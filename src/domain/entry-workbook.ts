import type { ResultState } from './result-state.js';

/**
 * The entry workbook (記入用ブック) of a municipality's results for a fiscal year: what goes out, and the layout its
 * writer and reader share. Rows carry hidden stable ids (project_key / kpi_key), the version they were read at and
 * a fingerprint of their values, so a sorted, renumbered or renamed sheet still maps back, and an untouched row is
 * told from an edited one.
 */
export type EntryWorkbook = {
  kind: 'municipality' | 'central';
  area: { slug: string; name: string };
  fiscalYear: number;
  municipality: { code: string; name: string };
  revisionId: number;
  /** the municipality's own part of each project it takes part in */
  parts: PartRow[];
  /** central workbook only: each project's total and comments */
  projects: ProjectRow[];
  /** central workbook only: each KPI's actual */
  kpis: KpiRow[];
};

type RowIdentity = { version: number; fingerprint: string };

export type PartRow = RowIdentity & {
  projectKeyId: number;
  projectNumber: number;
  projectName: string;
  rule: string | null;
  /** the project's plan for the year and this municipality's share of it, 千円 */
  plan: number | null;
  planShare: number | null;
  state: ResultState;
  amount: number | null;
  comment: string;
};

export type ProjectRow = RowIdentity & {
  projectKeyId: number;
  projectNumber: number;
  projectName: string;
  plan: number | null;
  actualTotal: number | null;
  progress: string;
  nextSteps: string;
  selfEvaluation: string;
};

export type KpiRow = RowIdentity & {
  kpiKeyId: number;
  projectNumber: number;
  kpiNumber: number;
  indicator: string;
  targetText: string;
  actual: number | null;
  notCountedReason: string | null;
};

export type EntrySheetKind = 'parts' | 'projects' | 'kpis';

export type EntryColumn = {
  key: string;
  header: string;
  width: number;
  input: 'amount' | 'number' | 'text' | 'choice' | null;
};

/** The hidden columns every data sheet starts with: the row's id, version and fingerprint. */
export const ID_COLUMNS: readonly EntryColumn[] = [
  { key: 'id', header: 'id', width: 10, input: null },
  { key: 'version', header: 'version', width: 6, input: null },
  { key: 'fingerprint', header: 'fingerprint', width: 10, input: null },
];

export const NOT_COUNTED = '未集計';

/** Each data sheet: its marker (cell A1), default name and columns (their keys in the hidden row 2). */
export const ENTRY_SHEETS: Record<EntrySheetKind, { name: string; title: string; columns: readonly EntryColumn[] }> = {
  parts: {
    name: '負担分の決算額',
    title: '各事業の負担分の決算額（千円）',
    columns: [
      ...ID_COLUMNS,
      { key: 'projectNumber', header: '事業番号', width: 8, input: null },
      { key: 'projectName', header: '事業名', width: 40, input: null },
      { key: 'rule', header: '負担割合', width: 24, input: null },
      { key: 'plan', header: '事業費（計画・千円）', width: 14, input: null },
      { key: 'planShare', header: '負担額（計画・千円）', width: 14, input: null },
      { key: 'state', header: '状態', width: 10, input: null },
      { key: 'amount', header: '決算額（千円）※入力', width: 16, input: 'amount' },
      { key: 'comment', header: 'コメント ※入力', width: 40, input: 'text' },
    ],
  },
  projects: {
    name: '事業の実績',
    title: '事業全体の決算額と取組状況（中心市）',
    columns: [
      ...ID_COLUMNS,
      { key: 'projectNumber', header: '事業番号', width: 8, input: null },
      { key: 'projectName', header: '事業名', width: 40, input: null },
      { key: 'plan', header: '事業費（計画・千円）', width: 14, input: null },
      { key: 'actualTotal', header: '決算額（事業全体・千円）※入力', width: 16, input: 'amount' },
      { key: 'progress', header: '取組状況 ※入力', width: 40, input: 'text' },
      { key: 'nextSteps', header: '課題・今後の方向性 ※入力', width: 40, input: 'text' },
      { key: 'selfEvaluation', header: '自己評価 ※入力', width: 30, input: 'text' },
    ],
  },
  kpis: {
    name: '成果指標の実績',
    title: '成果指標の実績値（中心市）',
    columns: [
      ...ID_COLUMNS,
      { key: 'projectNumber', header: '事業番号', width: 8, input: null },
      { key: 'kpiNumber', header: '指標番号', width: 8, input: null },
      { key: 'indicator', header: '成果指標', width: 40, input: null },
      { key: 'targetText', header: '目標値', width: 24, input: null },
      { key: 'actual', header: '実績値 ※入力', width: 14, input: 'number' },
      { key: 'notCounted', header: '未集計', width: 10, input: 'choice' },
      { key: 'notCountedReason', header: '未集計の理由', width: 30, input: 'text' },
    ],
  },
};

/** The first data row: row 1 holds the title (and the marker in A1), row 2 the column keys (hidden), row 3 headers. */
export const FIRST_DATA_ROW = 4;
export const META_SHEET = '_renkei';
export const WORKBOOK_FORMAT = 'renkei-entry-workbook/1';
export const SHEET_MARKER_PREFIX = 'renkei:';

/** One problem of a returned workbook: where (sheet name as the user sees it, cell address) and what was wrong. */
export type WorkbookProblem = { sheet: string; cell: string | null; expected: string; found: string };
