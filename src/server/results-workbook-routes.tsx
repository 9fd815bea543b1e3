import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { formatEntryWorkbook } from '../report/format-entry-workbook.js';
import { applyWorkbookImport } from '../service/results/apply-workbook-import.js';
import { buildEntryWorkbook, checkEntryWorkbookAccess } from '../service/results/build-entry-workbook.js';
import { planWorkbookImport } from '../service/results/plan-workbook-import.js';
import { isWorkbookProblem, ResultsFileRejectedError } from '../service/results/results-file-rejected-error.js';
import type { WorkbookTarget } from '../web/components/workbook-panel.js';
import { WorkbookImportPage, type WorkbookOutcome } from '../web/pages/workbook-import-page.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { openWorkbookPlan, sealWorkbookPlan } from './seal-workbook-plan.js';
import { buildStaffViewer } from './staff-viewer.js';

/** The largest workbook the upload takes (a 10× vision's central workbook is well under 1 MB). */
export const MAX_WORKBOOK_BYTES = 4 * 1024 * 1024;
export const WORKBOOK_PATH = '/staff/results/workbook';

const TargetQuerySchema = z.object({
  area: z.string().min(1).max(100),
  municipality: z.string().regex(/^\d{6}$/, '団体コードは 6 桁の数字です'),
  fy: z.coerce.number().int().min(1900).max(2200),
  step: z.enum(['confirm']).optional(),
});

const UploadSchema = z.object({
  file: z
    .instanceof(File, { error: 'ファイルを選んでください' })
    .refine((f) => f.size > 0, 'ファイルが空です')
    .refine((f) => f.size <= MAX_WORKBOOK_BYTES, `${MAX_WORKBOOK_BYTES / 1024 / 1024} MB 以下のファイルにしてください`),
});

/**
 * The Excel round trip of a municipality's yearly results: GET downloads its entry workbook; POST reads a filled
 * one and shows its changes, storing nothing (or every problem, 422); POST with step=confirm stores the shown
 * changes, carried back signed, in one write, and returns to the entry page (303).
 */
export function createResultsWorkbookRoutes(ctx: AppContext): Hono<ActorEnv> {
  const enterResults = guard(ctx, { kind: 'permission', permission: ['results.edit', 'results.review'] });
  const limit = bodyLimit({
    maxSize: MAX_WORKBOOK_BYTES + 64 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', `Workbook over ${MAX_WORKBOOK_BYTES} bytes`, {
        userMessage: `アップロードできるブックは ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB までです。`,
      });
    },
  });
  return new Hono<ActorEnv>()
    .get(WORKBOOK_PATH, enterResults, async (c) => {
      const target = await readTarget(c, ctx);
      const model = await buildEntryWorkbook(ctx.db, c.get('actor') as Actor, target);
      const name = `記入用ブック_${model.municipality.name}_${model.fiscalYear}年度.xlsx`;
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header(
        'Content-Disposition',
        `attachment; filename="entry-workbook.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.body((await formatEntryWorkbook(model)) as Uint8Array<ArrayBuffer>);
    })
    .post(WORKBOOK_PATH, enterResults, limit, async (c) => {
      const actor = c.get('actor') as Actor;
      const target = await readTarget(c, ctx);
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actorKey = actor.kind === 'account' ? actor.userId : actor.label;
      const answer = async (fileName: string, outcome: WorkbookOutcome, status: 200 | 409 | 422) =>
        privatePage(
          c,
          <WorkbookImportPage
            viewer={await buildStaffViewer(c, ctx, actor)}
            target={target}
            fileName={fileName}
            outcome={outcome}
          />,
          status,
        );
      if (c.req.query('step') === 'confirm') {
        const plan = openWorkbookPlan(String(body.plan ?? ''), await ctx.secret(), actorKey);
        if (
          plan.areaSlug !== target.areaSlug ||
          plan.municipalityCode !== target.municipalityCode ||
          plan.fiscalYear !== target.fiscalYear
        ) {
          throw new AppError('INVALID_INPUT', 'Preview of another page', {
            userMessage: '確認画面の内容がこのページと合いません。',
          });
        }
        try {
          const { changed } = await applyWorkbookImport(ctx.db, actor, plan, { approve: false });
          const query = new URLSearchParams({
            area: target.areaSlug,
            municipality: target.municipalityCode,
            fy: String(target.fiscalYear),
            imported: String(changed),
          });
          return c.redirect(`/staff/results?${query}`, 303);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
          const message = error.userMessage ?? '保存できませんでした。';
          return answer('記入用ブック', { kind: 'rejected', message, problems: [] }, 409);
        }
      }
      const upload = UploadSchema.safeParse(body);
      if (!upload.success) {
        const message = upload.error.issues[0]?.message ?? 'ファイルを選んでください';
        return answer('（ファイルなし）', { kind: 'rejected', message, problems: [] }, 422);
      }
      const fileName = upload.data.file.name.split(/[\\/]/).pop()?.slice(0, 200) || 'workbook.xlsx';
      try {
        const plan = await planWorkbookImport(ctx.db, actor, {
          fileName,
          bytes: new Uint8Array(await upload.data.file.arrayBuffer()),
          expect: target,
          approve: false,
        });
        return answer(
          fileName,
          { kind: 'preview', plan, sealed: sealWorkbookPlan(plan, await ctx.secret(), actorKey) },
          200,
        );
      } catch (error) {
        if (!(error instanceof ResultsFileRejectedError)) throw error;
        const message = error.userMessage ?? '';
        return answer(fileName, { kind: 'rejected', message, problems: error.problems.filter(isWorkbookProblem) }, 422);
      }
    });
}

async function readTarget(c: Context<ActorEnv>, ctx: AppContext): Promise<WorkbookTarget & { areaSlug: string }> {
  const parsed = TargetQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `Bad workbook query: ${parsed.error.message}`, {
      userMessage: '圏域（area）・団体コード（municipality）・年度（fy）を指定してください。',
    });
  }
  const { area, municipality, fy } = parsed.data;
  const target = { areaSlug: area, municipalityCode: municipality };
  const { municipalityName } = await checkEntryWorkbookAccess(ctx.db, c.get('actor') as Actor, target);
  return { ...target, municipalityName, fiscalYear: fy };
}
