import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { importAreaDocument } from '../service/area-import.js';
import { ImportRejectedError } from '../service/import-rejected-error.js';
import { areaBase, areaHref } from '../web/area-paths.js';
import { AdminImportPage, type AdminImportState } from '../web/pages/admin-import-page.js';
import { draftHref } from '../web/pages/drafts-page.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { csrfTokenOf } from './staff-viewer.js';

/** The largest document the form takes (the seed is 56 KB; a 100× synthetic document about 5 MB). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** room for the multipart framing and the other fields around the file */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const ImportFormSchema = z.object({
  area: z
    .string()
    .max(100, '100 文字以内で入力してください')
    .transform((s) => s.trim())
    .optional(),
  file: z
    .instanceof(File, { error: 'ファイルを選んでください' })
    .refine((f) => f.size > 0, 'ファイルが空です')
    .refine((f) => f.size <= MAX_IMPORT_BYTES, `${MAX_IMPORT_BYTES / 1024 / 1024} MB 以下のファイルにしてください`),
});

/**
 * GET and POST /admin/import: a vision document uploaded into an area (a new area, or a new revision of one), by
 * an account allowed to import (admins anywhere, central-city staff into their own area: the service decides per
 * area). The account is checked before the body is read; a file that is too large is a 413, a document with error
 * findings a 422 page listing them with their lines. A new area's first revision is published at once (303 to the
 * area's page); a revision of an existing area is stored as a draft and the 303 goes to its diff, to be published
 * from there (issue 8).
 */
export function createAdminImportRoutes(ctx: AppContext): Hono<ActorEnv> {
  const maxMegabytes = MAX_IMPORT_BYTES / 1024 / 1024;
  const answer = async (c: Context, status: ContentfulStatusCode, state: Omit<AdminImportState, 'csrf'>) =>
    privatePage(
      c,
      <AdminImportPage state={{ ...state, csrf: await csrfTokenOf(c, ctx) }} maxMegabytes={maxMegabytes} />,
      status,
    );
  const policy = guard(ctx, { kind: 'permission', permission: 'vision.import' });

  return new Hono<ActorEnv>()
    .get('/admin/import', policy, (c) => answer(c, 200, { area: '', errors: {} }))
    .post(
      '/admin/import',
      policy,
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES,
        onError: (c) =>
          answer(c, 413, { area: '', errors: { file: `${maxMegabytes} MB 以下のファイルにしてください` } }),
      }),
      async (c) => {
        const body = await c.req.parseBody().catch(() => undefined);
        if (!body)
          return answer(c, 400, { area: '', errors: { file: 'フォームを読み取れません。もう一度送信してください' } });
        checkFormToken(c, await ctx.secret(), body.csrf);
        const typedArea = typeof body.area === 'string' ? body.area.slice(0, 100) : '';
        const parsed = ImportFormSchema.safeParse(body);
        if (!parsed.success) {
          const errors: AdminImportState['errors'] = {};
          for (const issue of parsed.error.issues) {
            const field = issue.path[0];
            if ((field === 'file' || field === 'area') && !errors[field]) errors[field] = issue.message;
          }
          const tooLarge = body.file instanceof File && body.file.size > MAX_IMPORT_BYTES;
          return answer(c, tooLarge ? 413 : 400, { area: typedArea, errors });
        }
        const { file, area } = parsed.data;
        const fileName = file.name.split(/[\\/]/).pop()?.slice(0, 200) || 'document.txt';
        try {
          const result = await importAreaDocument(ctx.db, c.get('actor') as Actor, {
            fileName,
            bytes: new Uint8Array(await file.arrayBuffer()),
            areaSlug: area === undefined || area === '' ? undefined : area,
            draft: true,
          });
          if (result.revisionStatus === 'draft') {
            return c.redirect(`${draftHref(result.areaSlug, result.seq)}/review`, 303);
          }
          return c.redirect(areaHref(areaBase(result.areaSlug), '/'), 303);
        } catch (error) {
          if (error instanceof ImportRejectedError) {
            return answer(c, 422, { area: typedArea, errors: {}, rejected: { fileName, findings: error.findings } });
          }
          if (error instanceof AppError && error.code === 'INVALID_INPUT') {
            return answer(c, 400, {
              area: typedArea,
              errors: { area: error.userMessage ?? '圏域の識別名を確認してください' },
            });
          }
          throw error;
        }
      },
    );
}
