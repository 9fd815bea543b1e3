import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { type Actor, isAllowed } from '../domain/access-policy.js';
import { getArea } from '../service/area-lookup.js';
import {
  getCouncilOpinion,
  type OpinionPart,
  readOpinionOverview,
  recordCouncilOpinion,
} from '../service/council/council-opinions.js';
import { getCurrentVision } from '../service/read-vision.js';
import { projectNotFound } from '../service/results/locate-project.js';
import { CouncilOpinionPage } from '../web/pages/council-opinion-page.js';
import { CouncilOpinionsPage } from '../web/pages/council-opinions-page.js';
import type { ReviewNotice } from '../web/pages/results-review-page.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { FiscalYearFieldSchema, VersionFieldSchema } from './form-schemas.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { asRefusal, defaultStaffArea, parseForm } from './review-routes.js';
import { guard } from './route-policy.js';
import { buildStaffViewer } from './staff-viewer.js';

const WhereSchema = z.object({ area: z.string().min(1).max(100), fy: FiscalYearFieldSchema });
const NumberParam = z.coerce.number().int().min(1).max(1_000_000);
const OpinionFormSchema = WhereSchema.extend({
  version: VersionFieldSchema,
  part: z.enum(['opinion', 'response']),
  text: z.string().max(4000, '4000 文字以内で入力してください').default(''),
});

/**
 * The council's opinion (所見) and the central city's response (対応方針) on a project's year: the page shows both
 * and a form for the part the viewer may write (council.opine for the council, results.review for the central
 * city's staff); the write service checks the exact area and the version.
 */
export function createCouncilOpinionRoutes(ctx: AppContext): Hono<ActorEnv> {
  const opine = guard(ctx, { kind: 'permission', permission: ['council.opine', 'results.review'] });
  const actorOf = (c: Context<ActorEnv>) => c.get('actor') as Actor;

  const page = async (
    c: Context<ActorEnv>,
    number: number,
    where: z.infer<typeof WhereSchema>,
    notice?: ReviewNotice,
    status: 200 | 409 | 422 = 200,
  ) => {
    const actor = actorOf(c);
    const area = await getArea(ctx.db, where.area);
    if (!isAllowed(actor, 'drafts.read', { areaId: area.id })) throw projectNotFound({ projectNumber: number });
    const address = { areaSlug: area.slug, fiscalYear: where.fy, projectNumber: number };
    const [opinion, vision] = await Promise.all([
      getCouncilOpinion(ctx.db, address),
      getCurrentVision(ctx.db, area.slug),
    ]);
    const project = vision.projects.find((p) => p.number === number);
    if (!project) throw projectNotFound(address);
    const writable = (['opinion', 'response'] as const).filter((part: OpinionPart) =>
      isAllowed(actor, part === 'opinion' ? 'council.opine' : 'results.review', { areaId: area.id }),
    );
    const view = {
      areaSlug: area.slug,
      areaName: area.name,
      fiscalYear: where.fy,
      project: { number, name: project.name },
      opinion,
      writable,
    };
    const viewer = await buildStaffViewer(c, ctx, actor);
    return privatePage(c, <CouncilOpinionPage viewer={viewer} view={view} notice={notice} />, status);
  };

  return new Hono<ActorEnv>()
    .get('/staff/opinions', opine, async (c) => {
      const actor = actorOf(c);
      const query = c.req.query();
      const fy = query.fy ? FiscalYearFieldSchema.parse(query.fy) : undefined;
      const overview = await readOpinionOverview(ctx.db, actor, {
        areaSlug: query.area || (await defaultStaffArea(ctx, actor, ['council', 'central_staff'])),
        fiscalYear: fy,
      });
      const viewer = await buildStaffViewer(c, ctx, actor);
      return privatePage(c, <CouncilOpinionsPage viewer={viewer} overview={overview} />);
    })
    .get('/staff/opinions/projects/:number', opine, async (c) => {
      const query = c.req.query();
      const where = WhereSchema.parse({ area: query.area, fy: query.fy });
      const notice = query.done === '1' ? { kind: 'done' as const, message: '保存しました。' } : undefined;
      return page(c, NumberParam.parse(c.req.param('number')), where, notice);
    })
    .post('/staff/opinions/projects/:number', opine, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const number = NumberParam.parse(c.req.param('number'));
      const where = WhereSchema.parse(body);
      try {
        const form = parseForm(OpinionFormSchema, body);
        await recordCouncilOpinion(
          ctx.db,
          actorOf(c),
          { areaSlug: form.area, fiscalYear: form.fy, projectNumber: number },
          { part: form.part, text: form.text, expectedVersion: form.version },
        );
      } catch (error) {
        const refused = asRefusal(error);
        if (!refused) throw error;
        return page(c, number, where, { kind: 'problem', message: refused.message }, refused.status);
      }
      const query = new URLSearchParams({ area: where.area, fy: String(where.fy), done: '1' });
      return c.redirect(`/staff/opinions/projects/${number}?${query}`, 303);
    });
}
