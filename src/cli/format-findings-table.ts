import type { Finding, FindingSeverity } from '../domain/vision.js';
import { displayWidth, padEndToWidth } from './display-width.js';

const severityLabel: Record<FindingSeverity, string> = { error: 'エラー', warning: '警告', info: '情報' };

/**
 * Findings as an aligned table (種別, コード, 行, 事業, 内容), one line each, then a count by severity. A PDF's
 * findings also name their page (ページ, after 行).
 *
 * @example formatFindingsTable([]) // → '所見はありません。\n'
 */
export function formatFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '所見はありません。\n';
  const paged = findings.some((f) => f.page !== undefined);
  const header = ['種別', 'コード', '行', ...(paged ? ['ページ'] : []), '事業', '内容'];
  const rows = findings.map((f) => [
    severityLabel[f.severity],
    f.code,
    f.line === null ? '-' : String(f.line),
    ...(paged ? [f.page === undefined ? '-' : String(f.page)] : []),
    f.project === null ? '-' : String(f.project),
    f.message,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => displayWidth(row[column] ?? ''))),
  );
  const lines = [header, ...rows].map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : padEndToWidth(cell, widths[column] ?? 0))).join('  '),
  );
  return `${lines.join('\n')}\n${summarizeFindings(findings)}\n`;
}

/** 「エラー 1 件、警告 3 件、情報 0 件」 */
export function summarizeFindings(findings: readonly Finding[]): string {
  const count = (severity: FindingSeverity) => findings.filter((f) => f.severity === severity).length;
  return `エラー ${count('error')} 件、警告 ${count('warning')} 件、情報 ${count('info')} 件`;
}
