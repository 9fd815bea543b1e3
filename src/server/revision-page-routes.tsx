import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { compareRevisions, listRevisionsFor } from '../service/revision-reads.js';
import { RevisionDiffPage } from '../web/pages/revision-diff-page.js';
import { RevisionsPage } from '../web/pages/revisions-page.js';
import type { AppContext } from './app-deps.js';
import { type ActorEnv, readActor } from './request-actor.js';

const revisionNumber = z
  .string()
  .transform((s) => s.normalize('NFKC'))
  .pipe(z.string().regex(/^[1-9][0-9]{0,8}$/))
  .transform(Number);
const DiffParamsSchema = z.object({ slug: z.string().min(1).max(100), from: revisionNumber, to: revisionNumber });

/**
 * The public history of an area's vision: /areas/{slug}/revisions (published revisions) and
 * /areas/{slug}/revisions/{a}/diff/{b}. A draft is shown only to accounts holding `drafts.read` in the area (the
 * service answers NOT_FOUND to everybody else), so pages naming a draft are never cached.
 */
export function createRevisionPageRoutes(ctx: AppContext): Hono<ActorEnv> {
  const answer = (c: Context, page: { toString(): string | Promise<string> }, isPrivate: boolean) =>
    Promise.resolve(page.toString()).then((html) => {
      c.header('Cache-Control', isPrivate ? 'no-store' : 'no-cache');
      return c.html(String(html));
    });

  return new Hono<ActorEnv>()
    .get('/areas/:slug/revisions', async (c) => {
      const { area, revisions } = await listRevisionsFor(ctx.db, undefined, c.req.param('slug'));
      const view = { slug: area.slug, name: area.name, currentRevisionId: area.current_revision_id };
      return answer(c, <RevisionsPage area={view} revisions={revisions} />, false);
    })
    .get('/areas/:slug/revisions/:from/diff/:to', async (c) => {
      const parsed = DiffParamsSchema.safeParse(c.req.param());
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', 'Bad diff address', {
          userMessage: '版番号は 1 以上の整数で指定してください。',
        });
      }
      const { slug, from, to } = parsed.data;
      const reader = await readActor(c, ctx);
      const comparison = await compareRevisions(ctx.db, reader, { areaSlug: slug, from, to });
      const header = (r: typeof comparison.from) => ({ seq: r.seq, label: r.label, status: r.status });
      const isPrivate = comparison.from.status === 'draft' || comparison.to.status === 'draft';
      return answer(
        c,
        <RevisionDiffPage
          area={{ slug: comparison.area.slug, name: comparison.area.name }}
          from={header(comparison.from)}
          to={header(comparison.to)}
          diff={comparison.diff}
        />,
        isPrivate,
      );
    });
}
