import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { importAreaDocument } from '../service/area-import.js';
import { ImportRejectedError } from '../service/import-rejected-error.js';
import { areaBase, areaHref } from '../web/area-paths.js';
import { AdminImportPage, type AdminImportState } from '../web/pages/admin-import-page.js';
import { matchesAdminToken, readAdminToken } from './admin-token.js';
import type { AppDeps } from './app-deps.js';

/** The largest document the form takes (the seed is 56 KB; a 100× synthetic document about 5 MB). */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;
/** room for the multipart framing and the other fields around the file */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const ImportFormSchema = z.object({
  token: z.string().optional(),
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

type FormState = Extract<AdminImportState, { kind: 'form' }>;

/**
 * GET and POST /admin/import: a vision document uploaded into an area (a new area, or a new revision of one).
 * Protected by ADMIN_TOKEN (unset: the page says the web import is disabled; a wrong token: 403). A file that is
 * too large is a 413, a document with error findings a 422 page listing them with their lines, and success a 303
 * to the area's page. `onImported` lets this process's pages show the import at once.
 */
export function createAdminImportRoutes(deps: AppDeps, options: { onImported: () => void }): Hono {
  const maxMegabytes = MAX_IMPORT_BYTES / 1024 / 1024;
  const answer = async (c: Context, status: ContentfulStatusCode, state: AdminImportState) => {
    const page = <AdminImportPage state={state} maxMegabytes={maxMegabytes} />;
    c.header('Cache-Control', 'no-store');
    return c.html(String(await page.toString()), status);
  };
  const form = (area: string, errors: FormState['errors'], rejected?: FormState['rejected']): FormState => ({
    kind: 'form',
    area,
    errors,
    ...(rejected ? { rejected } : {}),
  });

  return new Hono()
    .get('/admin/import', (c) => {
      const setting = readAdminToken();
      return answer(c, 200, setting.enabled ? form('', {}) : { kind: 'disabled', reason: setting.reason });
    })
    .post(
      '/admin/import',
      bodyLimit({
        maxSize: MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES,
        onError: (c) => answer(c, 413, form('', { file: `${maxMegabytes} MB 以下のファイルにしてください` })),
      }),
      async (c) => {
        const setting = readAdminToken();
        if (!setting.enabled) return answer(c, 403, { kind: 'disabled', reason: setting.reason });
        const body = await c.req.parseBody().catch(() => undefined);
        if (!body) return answer(c, 400, form('', { file: 'フォームを読み取れません。もう一度送信してください' }));
        const token = typeof body.token === 'string' ? body.token : '';
        const typedArea = typeof body.area === 'string' ? body.area.slice(0, 100) : '';
        if (!matchesAdminToken(token, setting.token)) {
          return answer(c, 403, form(typedArea, { token: '管理者トークンが違います' }));
        }
        const parsed = ImportFormSchema.safeParse(body);
        if (!parsed.success) {
          const errors: FormState['errors'] = {};
          for (const issue of parsed.error.issues) {
            const field = issue.path[0];
            if ((field === 'file' || field === 'area') && !errors[field]) errors[field] = issue.message;
          }
          const tooLarge = body.file instanceof File && body.file.size > MAX_IMPORT_BYTES;
          return answer(c, tooLarge ? 413 : 400, form(typedArea, errors));
        }
        const { file, area } = parsed.data;
        const fileName = file.name.split(/[\\/]/).pop()?.slice(0, 200) || 'document.txt';
        try {
          const result = await importAreaDocument(deps.db, {
            fileName,
            bytes: new Uint8Array(await file.arrayBuffer()),
            areaSlug: area === undefined || area === '' ? undefined : area,
          });
          options.onImported();
          return c.redirect(areaHref(areaBase(result.areaSlug), '/'), 303);
        } catch (error) {
          if (error instanceof ImportRejectedError) {
            return answer(c, 422, form(typedArea, {}, { fileName, findings: error.findings }));
          }
          if (error instanceof AppError && error.code === 'INVALID_INPUT') {
            return answer(c, 400, form(typedArea, { area: error.userMessage ?? '圏域の識別名を確認してください' }));
          }
          throw error;
        }
      },
    );
}
