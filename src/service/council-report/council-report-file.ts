import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import type { BudgetCellHistory } from '../../domain/budget-history.js';
import { AppError } from '../../domain/errors.js';
import { buildCouncilReport, type CouncilReport } from '../../report/council-report/build-council-report.js';
import { formatReportHtml } from '../../report/council-report/format-report-html.js';
import { formatReportXlsx } from '../../report/council-report/format-report-xlsx.js';
import type { Database } from '../../store/database.js';
import { listPublishedYears } from '../../store/yearly-result-store.js';
import { listAreas } from '../area-directory.js';
import { getArea } from '../area-lookup.js';
import { readCouncilOpinions } from '../council/council-opinions.js';
import { assembleYearStatus } from '../results/assemble-year-status.js';
import { audienceOf, loadAreaResults, type ResultsAudience } from '../results/load-area-results.js';
import { checkFiscalYear } from '../results/locate-project.js';
import { readProjectBudgetHistory } from '../revision-reads.js';
import { renderReportPdf } from './render-report-pdf.js';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The council's report of an area's fiscal year as `audience` may see it: the public only a published year
 * (NOT_FOUND before), staff and council members the draft of any year of the plan.
 */
export async function readCouncilReport(
  db: Kysely<Database>,
  input: { areaSlug: string; fiscalYear: number; audience: ResultsAudience },
): Promise<CouncilReport> {
  const results = await loadAreaResults(db, { areaSlug: input.areaSlug, audience: input.audience });
  checkFiscalYear(results.vision.plan.fiscalYears, input.fiscalYear);
  const published = results.rows.publishedYears.some((y) => y.fiscal_year === input.fiscalYear);
  if (input.audience === 'public' && !published) {
    throw new AppError('NOT_FOUND', `Fiscal year ${input.fiscalYear} of ${input.areaSlug} not published`, {
      userMessage: `${input.fiscalYear}年度の進捗状況報告はまだ公表されていません。`,
    });
  }
  const years = results.vision.plan.fiscalYears
    .filter((y) => y <= input.fiscalYear)
    .map((y) => assembleYearStatus(results, y));
  const opinions = await readCouncilOpinions(db, results, input.fiscalYear);
  const budgetHistory = new Map<number, BudgetCellHistory[]>();
  for (const project of results.vision.projects) {
    budgetHistory.set(project.number, await readProjectBudgetHistory(db, results.revisionId, project.number));
  }
  return buildCouncilReport({ vision: results.vision, years, opinions, budgetHistory });
}

/** The report as a file of the format; `createdAt` dates the workbook (a fixed date keeps it reproducible). */
export async function renderCouncilReport(
  report: CouncilReport,
  format: ReportFormat,
  createdAt: Date = new Date(),
): Promise<Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'html':
      return new TextEncoder().encode(await formatReportHtml(report));
    case 'pdf':
      return renderReportPdf(await formatReportHtml(report));
    case 'xlsx':
      return formatReportXlsx(report, createdAt);
  }
}

/** 「青森圏域-2022-進捗状況報告.pdf」 */
export function reportFileName(report: CouncilReport, format: ReportFormat): string {
  return `${report.area.slug}-${report.fiscalYear}-進捗状況報告${report.published ? '' : '（案）'}.${format}`;
}

/** One fiscal year of an area's plan in the list of reports: published, or a draft this actor may read. */
export type ReportYear = { fiscalYear: number; published: boolean };

/**
 * Every area with the fiscal years whose report the actor may read: the published ones for everyone, the others
 * (drafts) for staff and council members of the area.
 */
export async function listReportYears(
  db: Kysely<Database>,
  actor: Actor | undefined,
): Promise<{ slug: string; name: string; years: ReportYear[] }[]> {
  const areas = await listAreas(db);
  return Promise.all(
    areas.map(async (listing) => {
      const area = await getArea(db, listing.slug);
      const published = new Set(await listPublishedYears(db, area.id));
      const drafts = audienceOf(actor, area.id) === 'staff';
      const years = listing.fiscalYears
        .map((fiscalYear) => ({ fiscalYear, published: published.has(fiscalYear) }))
        .filter((y) => y.published || drafts);
      return { slug: listing.slug, name: listing.name, years };
    }),
  );
}
