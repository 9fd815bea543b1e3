import type { Finding, FindingSeverity } from '../domain/vision.js';
import { describeFinding } from '../report/describe-finding.js';
import { displayWidth, padEndToWidth } from './display-width.js';

const severityLabel: Record<FindingSeverity, string> = { error: 'エラー', warning: '警告', info: '情報' };

/**
 * Findings as an aligned table (種別, コード, 行, 事業, 内容), one line each; under a finding, indented, the places
 * in words (連携協約項目の表（65行目）, 事業47の事業シートの事業名) and the two texts that differ; then a count by
 * severity. A PDF's findings also name their page (ページ, after 行).
 *
 * @example formatFindingsTable([]) // → '所見はありません。\n'
 */
export function formatFindingsTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '所見はありません。\n';
  const paged = findings.some((f) => f.page !== undefined);
  const header = ['種別', 'コード', '行', ...(paged ? ['ページ'] : []), '事業', '内容'];
  const described = findings.map(describeFinding);
  const rows = findings.map((f, i) => [
    severityLabel[f.severity],
    f.code,
    f.line === null ? '-' : String(f.line),
    ...(paged ? [f.page === undefined ? '-' : String(f.page)] : []),
    f.project === null ? '-' : String(f.project),
    described[i]?.message ?? f.message,
  ]);
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (row: string[]) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : padEndToWidth(cell, widths[column] ?? 0))).join('  ');
  const indent = ' '.repeat((widths[0] ?? 0) + 2);
  const lines = [line(header)];
  rows.forEach((row, i) => {
    lines.push(line(row));
    const d = described[i];
    if (!d) return;
    lines.push(`${indent}場所: ${d.places.join(' ／ ')}`);
    for (const text of d.texts) lines.push(`${indent}${text.label}: ${text.text}`);
  });
  return `${lines.join('\n')}\n${summarizeFindings(findings)}\n`;
}

/** 「エラー 1 件、警告 3 件、情報 0 件」 */
export function summarizeFindings(findings: readonly Finding[]): string {
  const count = (severity: FindingSeverity) => findings.filter((f) => f.severity === severity).length;
  return `エラー ${count('error')} 件、警告 ${count('warning')} 件、情報 ${count('info')} 件`;
}
