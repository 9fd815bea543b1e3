import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { createDraft, editDraft, publishDraft } from '../service/draft-revisions.js';
import { describeDisappearances, RemovalsRefusedError } from '../service/removal-guard.js';
import {
  compareRevisions,
  getDraftForEditing,
  listEditableAreas,
  listRevisionsFor,
} from '../service/revision-reads.js';
import { rollbackToRevision } from '../service/rollback-revision.js';
import { VersionConflictError } from '../service/run-write.js';
import { areaBase, areaHref } from '../web/area-paths.js';
import { DraftEditorPage, type FormProblem } from '../web/pages/draft-editor-page.js';
import { DraftProjectPage } from '../web/pages/draft-project-page.js';
import { DraftReviewPage } from '../web/pages/draft-review-page.js';
import { DraftsPage, draftHref } from '../web/pages/drafts-page.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { parseEditForm } from './draft-forms.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { buildStaffViewer } from './staff-viewer.js';

const DraftParamsSchema = z.object({
  slug: z.string().min(1).max(100),
  seq: z.coerce.number().int().min(1).max(1_000_000),
});
const AreaFormSchema = z.object({ area: z.string().min(1).max(100) });
const RollbackFormSchema = AreaFormSchema.extend({ seq: z.coerce.number().int().min(1) });

const NOTICES: Record<string, string> = {
  created: '下書きを作りました。',
  fields: '事業の内容を保存しました。',
  budget: '事業費を見直しました。',
  kpi: '成果指標を保存しました。',
  'add-kpi': '成果指標を追加しました。',
  'add-project': '事業を追加しました。',
  remove: '事業を下書きから削除しました。',
  renumber: '事業番号を変えました。',
  merge: '事業を統合しました。',
  rollback: '現在の版を戻しました。',
};

/**
 * The staff side of draft revisions (issue 8): /staff/drafts (list, make a draft, roll back), the draft editor
 * (its projects, one page per project with one form per edit), and the review page that shows the diff and
 * publishes. Every form is post/redirect/get (303); a refused edit re-renders its form with 422, a stale one 409.
 */
export function createDraftRoutes(ctx: AppContext): Hono<ActorEnv> {
  const editVision = guard(ctx, { kind: 'permission', permission: 'vision.edit' });
  const actorOf = (c: Context<ActorEnv>) => c.get('actor') as Actor;
  const readForm = async (c: Context<ActorEnv>) => {
    const body = (await c.req.parseBody({ all: true }).catch(() => ({}))) as Record<string, unknown>;
    checkFormToken(c, await ctx.secret(), Array.isArray(body.csrf) ? body.csrf[0] : body.csrf);
    return body;
  };

  const draftsPage = async (c: Context<ActorEnv>, slug: string | undefined, notice?: string) => {
    const actor = actorOf(c);
    const areas = await listEditableAreas(ctx.db, actor);
    const chosen = areas.find((a) => a.slug === slug) ?? areas[0];
    if (!chosen) throw new AppError('NOT_FOUND', 'No editable area', { userMessage: '編集できる圏域がありません。' });
    const { area, revisions } = await listRevisionsFor(ctx.db, actor, chosen.slug);
    const view = { slug: area.slug, name: area.name, currentRevisionId: area.current_revision_id };
    const viewer = await buildStaffViewer(c, ctx, actor);
    return privatePage(
      c,
      <DraftsPage viewer={viewer} area={view} areas={areas} revisions={revisions} notice={notice} />,
    );
  };

  const editorPage = async (
    c: Context<ActorEnv>,
    options: { projectKey?: number; problem?: FormProblem; status?: 200 | 409 | 422 },
  ) => {
    const actor = actorOf(c);
    const { slug, seq } = parseDraftParams(c);
    const { area, draft, projects, basedOnSeq } = await getDraftForEditing(ctx.db, actor, { areaSlug: slug, seq });
    const saved = c.req.query('saved');
    c.header('ETag', `"v${draft.version}"`); // the version every form of the page carries
    const common = {
      viewer: await buildStaffViewer(c, ctx, actor),
      area: { slug: area.slug, name: area.name },
      seq,
      version: draft.version,
      basedOnSeq,
      projects,
      notice: saved ? NOTICES[saved] : undefined,
      problem: options.problem,
    };
    if (options.projectKey === undefined) return privatePage(c, <DraftEditorPage {...common} />, options.status);
    const item = projects.find((p) => p.key === options.projectKey);
    if (!item)
      throw new AppError('NOT_FOUND', 'No such project in the draft', {
        userMessage: 'この下書きにその事業はありません。',
      });
    const partners = draft.vision.area.municipalities.filter((m) => !m.isCentralCity).map((m) => m.name);
    return privatePage(
      c,
      <DraftProjectPage {...common} item={item} fiscalYears={draft.plan.fiscalYears} partners={partners} />,
      options.status,
    );
  };

  const reviewPage = async (c: Context<ActorEnv>, problem?: FormProblem, status?: 200 | 409 | 422) => {
    const actor = actorOf(c);
    const { slug, seq } = parseDraftParams(c);
    const { area, draft } = await getDraftForEditing(ctx.db, actor, { areaSlug: slug, seq });
    const current = (await listRevisionsFor(ctx.db, actor, slug)).revisions.find(
      (r) => r.id === area.current_revision_id,
    );
    const currentSeq = current?.seq ?? seq;
    const comparison = await compareRevisions(ctx.db, actor, { areaSlug: slug, from: currentSeq, to: seq });
    return privatePage(
      c,
      <DraftReviewPage
        viewer={await buildStaffViewer(c, ctx, actor)}
        area={{ slug: area.slug, name: area.name }}
        seq={seq}
        version={draft.version}
        currentSeq={currentSeq}
        diff={comparison.diff}
        disappearances={describeDisappearances(comparison.disappearances)}
        problem={problem}
      />,
      status,
    );
  };

  return new Hono<ActorEnv>()
    .get('/staff/drafts', editVision, (c) => draftsPage(c, c.req.query('area'), NOTICES[c.req.query('done') ?? '']))
    .post('/staff/drafts', editVision, async (c) => {
      const form = AreaFormSchema.safeParse(flatten(await readForm(c)));
      if (!form.success) throw invalidForm();
      const { seq } = await createDraft(ctx.db, actorOf(c), form.data.area);
      return c.redirect(`${draftHref(form.data.area, seq)}?saved=created`, 303);
    })
    .post('/staff/revisions/rollback', editVision, async (c) => {
      const form = RollbackFormSchema.safeParse(flatten(await readForm(c)));
      if (!form.success) throw invalidForm();
      await rollbackToRevision(ctx.db, actorOf(c), { areaSlug: form.data.area, seq: form.data.seq });
      return c.redirect(`/staff/drafts?area=${encodeURIComponent(form.data.area)}&done=rollback`, 303);
    })
    .get('/staff/drafts/:slug/:seq', editVision, (c) => editorPage(c, {}))
    .get('/staff/drafts/:slug/:seq/projects/:key', editVision, (c) =>
      editorPage(c, { projectKey: Number(c.req.param('key')) }),
    )
    .get('/staff/drafts/:slug/:seq/review', editVision, (c) => reviewPage(c))
    .post('/staff/drafts/:slug/:seq/edit', editVision, async (c) => {
      const { slug, seq } = parseDraftParams(c);
      const body = await readForm(c);
      const action = String(flatten(body).action ?? '');
      const { draft } = await getDraftForEditing(ctx.db, actorOf(c), { areaSlug: slug, seq });
      const typed = Object.fromEntries(Object.entries(flatten(body)).map(([k, v]) => [k, String(v).slice(0, 8000)]));
      const formName = action === 'kpi' ? `kpi-${typed.kpiKey}` : action;
      const key = Number(typed.key);
      const back =
        Number.isInteger(key) && key > 0 && action !== 'remove' && action !== 'add-project' ? key : undefined;
      const parsed = parseEditForm(body, draft.plan.fiscalYears);
      if (!parsed.ok) {
        return editorPage(c, {
          projectKey: back,
          status: 422,
          problem: { form: formName, message: parsed.message, field: parsed.field, typed },
        });
      }
      try {
        await editDraft(ctx.db, actorOf(c), {
          areaSlug: slug,
          seq,
          expectedVersion: parsed.version,
          edit: parsed.edit,
        });
      } catch (error) {
        const conflict = error instanceof VersionConflictError;
        if (!conflict && !(error instanceof AppError && error.code === 'INVALID_INPUT')) throw error;
        const message = conflict
          ? 'ほかの人がこの下書きを先に変更しました。最新の内容を確かめて、もう一度保存してください（入力は残しています）。'
          : (error.userMessage ?? '入力を確認してください。');
        return editorPage(c, {
          projectKey: back,
          status: conflict ? 409 : 422,
          problem: { form: formName, message, typed },
        });
      }
      const where = back === undefined ? draftHref(slug, seq) : `${draftHref(slug, seq)}/projects/${back}`;
      return c.redirect(`${where}?saved=${encodeURIComponent(action)}`, 303);
    })
    .post('/staff/drafts/:slug/:seq/publish', editVision, async (c) => {
      const { slug, seq } = parseDraftParams(c);
      const form = flatten(await readForm(c));
      const version = Number(form.version);
      try {
        await publishDraft(ctx.db, actorOf(c), {
          areaSlug: slug,
          seq,
          expectedVersion: Number.isInteger(version) ? version : -1,
          allowRemovals: form.confirmRemovals === 'yes',
        });
      } catch (error) {
        if (error instanceof RemovalsRefusedError) {
          return reviewPage(
            c,
            { form: 'publish', message: '消える内容を確認した欄に印を付けてから公開してください。', typed: {} },
            422,
          );
        }
        if (error instanceof VersionConflictError) {
          return reviewPage(
            c,
            {
              form: 'publish',
              message: 'この下書きは読み込んだ後に変更されました。変更点を確かめてから公開してください。',
              typed: {},
            },
            409,
          );
        }
        throw error;
      }
      const published = await listRevisionsFor(ctx.db, actorOf(c), slug);
      const previous = published.revisions.filter((r) => r.status === 'published' && r.seq < seq).at(-1);
      const base = areaBase(published.area.slug);
      return c.redirect(areaHref(base, previous ? `/revisions/${previous.seq}/diff/${seq}` : '/revisions'), 303);
    });
}

function parseDraftParams(c: Context): { slug: string; seq: number } {
  const parsed = DraftParamsSchema.safeParse(c.req.param());
  if (!parsed.success) {
    throw new AppError('NOT_FOUND', 'Bad draft address', { userMessage: '下書きの指定が正しくありません。' });
  }
  return parsed.data;
}

/** A form's fields with one value each (the first of repeated ones). */
function flatten(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

function invalidForm(): AppError {
  return new AppError('INVALID_INPUT', 'Bad form', {
    userMessage: 'フォームの内容が正しくありません。ページを読み込み直してください。',
  });
}
