import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import {
  changeMunicipalityResultState,
  getMunicipalityResult,
  listMunicipalityWorklist,
  type MunicipalityResult,
  type ResultAddress,
  recordMunicipalityResult,
} from '../service/results/municipality-results.js';
import { readYearReview } from '../service/results/read-year-review.js';
import { VersionConflictError } from '../service/run-write.js';
import { findCentralCity, findMunicipalityByCode } from '../store/municipality-store.js';
import { ResultsEntryPage, type RowProblem } from '../web/pages/results-entry-page.js';
import { ResultsReviewPage } from '../web/pages/results-review-page.js';
import { readSmallForm } from './account-routes.js';
import { MunicipalityResultBodySchema, StateBodySchema } from './api/results-write-schemas.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { AmountFieldSchema, FiscalYearFieldSchema, VersionFieldSchema } from './form-schemas.js';
import { privatePage, safeNextPath } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { asRefusal } from './review-routes.js';
import { guard } from './route-policy.js';
import { buildStaffViewer } from './staff-viewer.js';
import { answerVersionedWrite, parseIfMatch, readJsonBody, sendVersioned } from './versioned-json.js';

const RESULT_PATH = '/api/v1/areas/:slug/results/:fy/projects/:number/municipalities/:code';

const AddressSchema = z.object({
  slug: z.string().min(1).max(100),
  fy: z.coerce.number().int().min(1900).max(2200),
  number: z.coerce.number().int().min(1).max(1_000_000),
  code: z.string().regex(/^\d{6}$/, '団体コードは 6 桁の数字です'),
});

const ResultFormSchema = z.object({
  area: z.string().min(1).max(100),
  municipality: z.string().regex(/^\d{6}$/),
  fy: z.coerce.number().int(),
  project: z.coerce.number().int().min(1),
  version: z.coerce.number().int().min(0),
  amount: AmountFieldSchema,
  comment: z.string().max(2000, '2000 文字以内で入力してください').default(''),
});

const StateFormSchema = z.object({
  area: z.string().min(1).max(100),
  municipality: z.string().regex(/^\d{6}$/),
  fy: FiscalYearFieldSchema,
  project: z.coerce.number().int().min(1),
  version: VersionFieldSchema,
  transition: z.enum(['submit', 'approve', 'return']),
  reason: z.string().max(500).optional(),
  back: z.string().max(2000).optional(),
});

/**
 * A municipality's yearly part of each project: the API (GET and PUT with ETag / If-Match, so no update is lost)
 * and the staff page /staff/results (one form per project, carrying the version it was read at).
 */
export function createResultRoutes(ctx: AppContext): Hono<ActorEnv> {
  const readDrafts = guard(ctx, { kind: 'permission', permission: 'drafts.read' });
  // the entry page: each municipality's staff, and the central city's staff for the central city's own part
  const enterResults = guard(ctx, { kind: 'permission', permission: ['results.edit', 'results.review'] });

  return new Hono<ActorEnv>()
    .get(RESULT_PATH, readDrafts, async (c) => {
      const actor = c.get('actor') as Actor;
      const result = await getMunicipalityResult(ctx.db, actor, parseAddress(c));
      return sendVersioned(c, result, result.version);
    })
    .put(RESULT_PATH, enterResults, async (c) => {
      const actor = c.get('actor') as Actor;
      const address = parseAddress(c);
      const expectedVersion = parseIfMatch(c.req.header('If-Match'));
      const body = await readJsonBody(
        c,
        MunicipalityResultBodySchema,
        'amount は 0 以上の整数か null、comment は 2000 文字以内',
      );
      return answerVersionedWrite(c, () =>
        recordMunicipalityResult(ctx.db, actor, { ...address, ...body, expectedVersion }),
      );
    })
    .post(`${RESULT_PATH}/state`, readDrafts, async (c) => {
      const actor = c.get('actor') as Actor;
      const expectedVersion = parseIfMatch(c.req.header('If-Match'));
      const body = await readJsonBody(
        c,
        StateBodySchema,
        'transition は submit・approve・return、reason は差し戻す理由',
      );
      return answerVersionedWrite(c, () =>
        changeMunicipalityResultState(ctx.db, actor, { ...parseAddress(c), ...body, expectedVersion }),
      );
    })
    .post('/staff/results/state', readDrafts, async (c) => {
      const actor = c.get('actor') as Actor;
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const form = StateFormSchema.parse(body);
      const where = { area: form.area, municipality: form.municipality, fy: String(form.fy) };
      const fromReview = form.back?.startsWith('/staff/review') === true;
      const back = new URL(safeNextPath(form.back, `/staff/results?${new URLSearchParams(where)}`), 'http://x');
      try {
        await changeMunicipalityResultState(ctx.db, actor, {
          areaSlug: form.area,
          fiscalYear: form.fy,
          projectNumber: form.project,
          municipalityCode: form.municipality,
          transition: form.transition,
          reason: form.reason,
          expectedVersion: form.version,
        });
        back.searchParams.set('done', form.transition);
      } catch (error) {
        const refused = asRefusal(error);
        if (!refused) throw error;
        if (!fromReview) {
          return entryPage(c, ctx, actor, where, refused.status, {
            projectNumber: form.project,
            message: refused.message,
          });
        }
        const status = await readYearReview(ctx.db, actor, { areaSlug: form.area, fiscalYear: form.fy });
        const viewer = await buildStaffViewer(c, ctx, actor);
        const notice = { kind: 'problem' as const, message: refused.message };
        return privatePage(c, <ResultsReviewPage viewer={viewer} status={status} notice={notice} />, refused.status);
      }
      return c.redirect(`${back.pathname}${back.search}`, 303);
    })
    .get('/staff/results', enterResults, async (c) => {
      const actor = c.get('actor') as Actor;
      return entryPage(c, ctx, actor, c.req.query());
    })
    .post('/staff/results', enterResults, async (c) => {
      const actor = c.get('actor') as Actor;
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const parsed = ResultFormSchema.safeParse(body);
      const typed = {
        amount: String(body.amount ?? '').slice(0, 40),
        comment: String(body.comment ?? '').slice(0, 2000),
      };
      const where = {
        area: String(body.area ?? ''),
        municipality: String(body.municipality ?? ''),
        fy: String(body.fy ?? ''),
      };
      if (!parsed.success) {
        const project = Number(body.project);
        const issue = parsed.error.issues.find((i) => i.path[0] === 'amount' || i.path[0] === 'comment');
        return entryPage(c, ctx, actor, where, 422, {
          projectNumber: project,
          message: issue ? `入力を確認してください: ${issue.message}` : 'フォームの内容が正しくありません。',
          typed,
        });
      }
      const form = parsed.data;
      try {
        await recordMunicipalityResult(ctx.db, actor, {
          areaSlug: form.area,
          fiscalYear: form.fy,
          projectNumber: form.project,
          municipalityCode: form.municipality,
          amount: form.amount,
          comment: form.comment,
          expectedVersion: form.version,
        });
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        const current = error.current as MunicipalityResult;
        return entryPage(c, ctx, actor, where, 409, {
          projectNumber: form.project,
          message: 'ほかの人がこの事業の実績を先に変更しました。内容を確かめて、もう一度保存してください。',
          typed,
          current: { amount: current.amount, comment: current.comment, updatedBy: current.updatedBy },
        });
      }
      const back = new URLSearchParams({ ...where, saved: String(form.project) });
      return c.redirect(`/staff/results?${back}#p${form.project}-heading`, 303);
    });
}

async function entryPage(
  c: Context<ActorEnv>,
  ctx: AppContext,
  actor: Actor,
  query: Record<string, string>,
  status: 200 | 409 | 422 = 200,
  problem?: RowProblem,
) {
  const chosen = await chooseMunicipality(ctx, actor, query);
  const fy = query.fy && /^\d{4}$/.test(query.fy) ? Number(query.fy) : undefined;
  const worklist = await listMunicipalityWorklist(ctx.db, actor, { ...chosen, fiscalYear: fy });
  const saved = query.saved && /^\d+$/.test(query.saved) ? Number(query.saved) : undefined;
  const done = StateBodySchema.shape.transition.safeParse(query.done).data;
  const imported = query.imported && /^\d+$/.test(query.imported) ? Number(query.imported) : undefined;
  return privatePage(
    c,
    <ResultsEntryPage
      viewer={await buildStaffViewer(c, ctx, actor)}
      worklist={worklist}
      problem={problem}
      saved={saved}
      done={done}
      imported={imported}
    />,
    status,
  );
}

/**
 * The municipality asked for (area slug and code), else the account's own: its first municipality, or for the
 * central city's staff the central city of their area.
 */
async function chooseMunicipality(
  ctx: AppContext,
  actor: Actor,
  query: Record<string, string>,
): Promise<{ areaId: number; municipalityId: number }> {
  if (query.area && query.municipality) {
    const row = await findMunicipalityByCode(ctx.db, { areaSlug: query.area, code: query.municipality });
    if (row) return { areaId: row.area_id, municipalityId: row.id };
  }
  for (const grant of actor.kind === 'account' ? actor.grants : []) {
    if (grant.role === 'municipality_staff') return { areaId: grant.areaId, municipalityId: grant.municipalityId };
    const central = grant.role === 'central_staff' ? await findCentralCity(ctx.db, grant.areaId) : undefined;
    if (central && grant.role === 'central_staff') return { areaId: grant.areaId, municipalityId: central.id };
  }
  throw new AppError('FORBIDDEN', 'No municipality of this account', {
    userMessage: '入力できる市町村がありません。',
  });
}

function parseAddress(c: Context): ResultAddress {
  const parsed = AddressSchema.safeParse(c.req.param());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', `Bad result address: ${parsed.error.message}`, {
      userMessage: `パスの「${String(issue?.path[0] ?? '')}」が正しくありません。${issue?.message ?? ''}`,
    });
  }
  const { slug, fy, number, code } = parsed.data;
  return { areaSlug: slug, fiscalYear: fy, projectNumber: number, municipalityCode: code };
}
