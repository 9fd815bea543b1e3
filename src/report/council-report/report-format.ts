import { formatFiscalYear } from '../../domain/fiscal-year.js';

const amountFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const valueFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** 千円 with separators; 「－」 when unknown. */
export function formatThousandYen(value: number | null): string {
  return value === null ? '－' : amountFormat.format(value);
}

/** A KPI value with up to two decimals; 「－」 when unknown. */
export function formatValue(value: number | null): string {
  return value === null ? '－' : valueFormat.format(value);
}

/** A ratio as a whole percent: 0.875 → 「88%」. */
export function formatRatio(value: number | null): string {
  return value === null ? '－' : `${Math.round(value * 100)}%`;
}

/** The report's title: 「青森圏域 2022年度（令和4年度） 進捗状況報告」. */
export function reportTitle(report: { area: { name: string }; fiscalYear: number }): string {
  return `${report.area.name} ${formatFiscalYear(report.fiscalYear)} 進捗状況報告`;
}

/** The section headings, shared by the HTML (and so the PDF's outline) and the workbook's sheet names. */
export const SECTION_TITLES = {
  contents: '目次',
  byRole: '役割別の概要',
  byPolicyArea: '連携施策別の概要',
  byMunicipality: '市町村別の負担',
  projects: '事業別の進捗',
} as const;
