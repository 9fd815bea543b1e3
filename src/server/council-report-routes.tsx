import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { getArea } from '../service/area-lookup.js';
import {
  listReportYears,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  readCouncilReport,
  renderCouncilReport,
  reportFileName,
} from '../service/council-report/council-report-file.js';
import { audienceOf } from '../service/results/load-area-results.js';
import { ReportsPage } from '../web/pages/reports-page.js';
import type { AppContext } from './app-deps.js';
import { privatePage } from './html-response.js';
import { type ActorEnv, readActor } from './request-actor.js';

const ReportFileSchema = z.object({
  slug: z.string().min(1).max(100),
  file: z
    .string()
    .regex(/^\d{4}\.(html|pdf|xlsx)$/)
    .transform((name) => {
      const [fy, format] = name.split('.');
      return { fiscalYear: Number(fy), format: z.enum(REPORT_FORMATS).parse(format) };
    }),
});

/**
 * The council's progress reports: `/reports` (each area's years) and `/areas/{slug}/reports/{fy}.{html|pdf|xlsx}`.
 * Public reads: a published year for everyone; a draft (unpublished year) only for the area's staff and council
 * members, as NOT_FOUND for anyone else. Never cached by shared caches: what a reader sees depends on who they are.
 */
export function createCouncilReportRoutes(ctx: AppContext): Hono<ActorEnv> {
  return new Hono<ActorEnv>()
    .get('/reports', async (c) => {
      const areas = await listReportYears(ctx.db, await readActor(c, ctx));
      return privatePage(c, <ReportsPage areas={areas} />);
    })
    .get('/areas/:slug/reports/:file', async (c) => {
      const parsed = ReportFileSchema.safeParse(c.req.param());
      if (!parsed.success) {
        throw new AppError('NOT_FOUND', `No report ${c.req.path}`, { userMessage: 'この報告はありません。' });
      }
      const { slug, file } = parsed.data;
      const area = await getArea(ctx.db, slug);
      const audience = audienceOf(await readActor(c, ctx), area.id);
      const report = await readCouncilReport(ctx.db, { areaSlug: area.slug, fiscalYear: file.fiscalYear, audience });
      const bytes = await renderCouncilReport(report, file.format);
      c.header('Cache-Control', 'private, no-store');
      c.header('Content-Type', REPORT_CONTENT_TYPES[file.format]);
      if (file.format !== 'html') {
        const name = encodeURIComponent(reportFileName(report, file.format));
        c.header('Content-Disposition', `attachment; filename*=UTF-8''${name}`);
      }
      return c.body(bytes);
    });
}
