import type { Finding } from '../domain/vision.js';
import { type AreaRecord, areaColumns } from './open-data-context.js';
import type { TableSpec } from './open-data-table.js';

export type FindingRow = { position: number; finding: Finding };

/** findings.csv: what the importer found inconsistent in the document itself, as printed. */
export const findingsTableSpec: TableSpec<AreaRecord<FindingRow>> = {
  id: 'findings',
  fileName: 'findings.csv',
  title: '文書の不整合',
  description:
    '取り込んだ文書の中の食い違い（表と事業シートの違い、合計の誤りなど）。データは文書の記載のまま載せ、ここで指摘する。',
  columns: [
    ...areaColumns<AreaRecord<FindingRow>>(),
    {
      name: 'finding_number',
      label: '番号',
      type: 'integer',
      unit: null,
      description: '不整合の通し番号（1 から）。',
      value: (r) => r.item.position,
    },
    {
      name: 'severity',
      label: '重要度',
      type: 'string',
      unit: null,
      description: 'warning（注意）または info（参考）。error の文書は取り込まれないので現れない。',
      value: (r) => r.item.finding.severity,
    },
    {
      name: 'code',
      label: '種別コード',
      type: 'string',
      unit: null,
      description:
        '不整合の種別（budget_total_mismatch、declared_count_mismatch、heading_mismatch、name_mismatch、new_mark_mismatch など。一覧は docs/vision-json.md）。',
      value: (r) => r.item.finding.code,
    },
    {
      name: 'project_number',
      label: '事業番号',
      type: 'integer',
      unit: null,
      description: '関係する事業の番号。文書全体に関わるときは空欄。',
      value: (r) => r.item.finding.project,
    },
    {
      name: 'line',
      label: '行番号',
      type: 'integer',
      unit: '行',
      description: '取り込んだ文書（テキスト）の行番号。',
      value: (r) => r.item.finding.line,
    },
    {
      name: 'excerpt',
      label: '該当箇所',
      type: 'string',
      unit: null,
      description: '文書の該当箇所の抜き書き。',
      value: (r) => r.item.finding.excerpt,
    },
    {
      name: 'message',
      label: '説明',
      type: 'string',
      unit: null,
      description: '不整合の説明（日本語）。',
      value: (r) => r.item.finding.message,
    },
  ],
};
