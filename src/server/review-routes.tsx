import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor, RoleName } from '../domain/access-policy.js';
import type { CostShareRule } from '../domain/cost-share.js';
import { AppError } from '../domain/errors.js';
import { getDefaultAreaSlug } from '../service/default-area-slug.js';
import { setAreaThresholds, setKpiSettings } from '../service/results/assessment-settings.js';
import { recordKpiResult, recordProjectResult } from '../service/results/central-results.js';
import { publishYearResults } from '../service/results/publish-result-year.js';
import { readProjectReview, readYearReview } from '../service/results/read-year-review.js';
import { setCostShareRule } from '../service/results/set-cost-share-rule.js';
import { findAreaSlug } from '../store/area-store.js';
import { ProjectReviewPage } from '../web/pages/project-review-page.js';
import { ResultsReviewPage, type ReviewNotice } from '../web/pages/results-review-page.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { checkFormToken } from './csrf.js';
import { AmountFieldSchema, DecimalFieldSchema, FiscalYearFieldSchema, VersionFieldSchema } from './form-schemas.js';
import { privatePage } from './html-response.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { buildStaffViewer } from './staff-viewer.js';

const WhereSchema = z.object({ area: z.string().min(1).max(100), fy: FiscalYearFieldSchema });
const NumberParam = z.coerce.number().int().min(1).max(1_000_000);

const ProjectResultFormSchema = WhereSchema.extend({
  version: VersionFieldSchema,
  actualTotal: AmountFieldSchema,
  progress: z.string().max(4000, '4000 文字以内で入力してください').default(''),
  nextSteps: z.string().max(4000, '4000 文字以内で入力してください').default(''),
  selfEvaluation: z.string().max(4000, '4000 文字以内で入力してください').default(''),
});

const KpiResultFormSchema = WhereSchema.extend({
  version: VersionFieldSchema,
  actual: DecimalFieldSchema,
  notCountedReason: z.string().max(500).default(''),
});

const KpiSettingsFormSchema = WhereSchema.extend({
  version: VersionFieldSchema,
  direction: z.enum(['higher', 'lower']),
  cumulative: z.enum(['none', 'sum_of_years', 'reported']),
});

const Percent = z.coerce.number().min(0, '0 以上').max(1000, '1000 以下');
const ThresholdsFormSchema = z.object({
  version: VersionFieldSchema,
  achieved: Percent,
  onTrack: Percent,
  gradeA: Percent,
  gradeB: Percent,
  gradeC: Percent,
});

const DONE: Record<string, string> = {
  result: '事業全体の実績を保存しました。',
  kpi: '成果指標の実績値を保存しました。',
  'cost-share': '分担の決め方を保存しました。',
  'kpi-settings': '成果指標の読み方を保存しました。',
  thresholds: '判定の基準を保存しました。',
  published: '実績を公表しました。',
  approve: '承認しました。',
  return: '差し戻しました。',
};

/**
 * The central city's pages of the yearly cycle (results.review): the year's overview with approvals and
 * publication (/staff/review), and one project's entries (/staff/review/projects/N).
 */
export function createReviewRoutes(ctx: AppContext): Hono<ActorEnv> {
  const review = guard(ctx, { kind: 'permission', permission: 'results.review' });
  const actorOf = (c: Context<ActorEnv>) => c.get('actor') as Actor;

  const projectPage = async (
    c: Context<ActorEnv>,
    number: number,
    where: z.infer<typeof WhereSchema>,
    notice?: ReviewNotice,
    status: 200 | 409 | 422 = 200,
  ) => {
    const actor = actorOf(c);
    const data = await readProjectReview(ctx.db, actor, {
      areaSlug: where.area,
      fiscalYear: where.fy,
      projectNumber: number,
    });
    return privatePage(
      c,
      <ProjectReviewPage viewer={await buildStaffViewer(c, ctx, actor)} review={data} notice={notice} />,
      status,
    );
  };

  /** Runs a project form's write; a refusal re-renders the page with the reason, a success goes back (303). */
  const projectWrite = async (
    c: Context<ActorEnv>,
    done: string,
    write: (body: Record<string, unknown>, number: number) => Promise<unknown>,
  ) => {
    const body = await readSmallForm(c);
    checkFormToken(c, await ctx.secret(), body.csrf);
    const number = NumberParam.parse(c.req.param('number'));
    const where = WhereSchema.parse(body);
    try {
      await write(body, number);
    } catch (error) {
      const refused = asRefusal(error);
      if (!refused) throw error;
      return projectPage(c, number, where, { kind: 'problem', message: refused.message }, refused.status);
    }
    const query = new URLSearchParams({ area: where.area, fy: String(where.fy), done });
    return c.redirect(`/staff/review/projects/${number}?${query}`, 303);
  };

  return new Hono<ActorEnv>()
    .get('/staff/review', review, async (c) => {
      const actor = actorOf(c);
      const query = c.req.query();
      const area = await reviewArea(ctx, actor, query.area);
      const fy = query.fy && /^\d{4}$/.test(query.fy) ? Number(query.fy) : undefined;
      const status = await readYearReview(ctx.db, actor, { areaSlug: area, fiscalYear: fy });
      const notice =
        query.done && DONE[query.done] ? { kind: 'done' as const, message: DONE[query.done] as string } : undefined;
      return privatePage(
        c,
        <ResultsReviewPage viewer={await buildStaffViewer(c, ctx, actor)} status={status} notice={notice} />,
      );
    })
    .post('/staff/review/publish', review, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const where = WhereSchema.parse(body);
      await publishYearResults(ctx.db, actorOf(c), { areaSlug: where.area, fiscalYear: where.fy });
      return c.redirect(
        `/staff/review?${new URLSearchParams({ area: where.area, fy: String(where.fy), done: 'published' })}`,
        303,
      );
    })
    .get('/staff/review/projects/:number', review, async (c) => {
      const query = c.req.query();
      const where = WhereSchema.parse({ area: await reviewArea(ctx, actorOf(c), query.area), fy: query.fy });
      const notice =
        query.done && DONE[query.done] ? { kind: 'done' as const, message: DONE[query.done] as string } : undefined;
      return projectPage(c, NumberParam.parse(c.req.param('number')), where, notice);
    })
    .post('/staff/review/projects/:number/result', review, (c) =>
      projectWrite(c, 'result', async (body, number) => {
        const form = parseForm(ProjectResultFormSchema, body);
        await recordProjectResult(
          ctx.db,
          actorOf(c),
          { areaSlug: form.area, fiscalYear: form.fy, projectNumber: number },
          { ...form, expectedVersion: form.version },
        );
      }),
    )
    .post('/staff/review/projects/:number/kpis/:kpi', review, (c) =>
      projectWrite(c, 'kpi', async (body, number) => {
        const form = parseForm(KpiResultFormSchema, body);
        await recordKpiResult(
          ctx.db,
          actorOf(c),
          {
            areaSlug: form.area,
            fiscalYear: form.fy,
            projectNumber: number,
            kpiNumber: NumberParam.parse(c.req.param('kpi')),
          },
          { actual: form.actual, notCountedReason: form.notCountedReason || null, expectedVersion: form.version },
        );
      }),
    )
    .post('/staff/review/projects/:number/kpis/:kpi/settings', review, (c) =>
      projectWrite(c, 'kpi-settings', async (body, number) => {
        const form = parseForm(KpiSettingsFormSchema, body);
        await setKpiSettings(ctx.db, actorOf(c), {
          areaSlug: form.area,
          projectNumber: number,
          kpiNumber: NumberParam.parse(c.req.param('kpi')),
          settings: { direction: form.direction, cumulative: form.cumulative },
          expectedVersion: form.version,
        });
      }),
    )
    .post('/staff/review/thresholds', review, async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const form = WhereSchema.parse(body);
      const back = (done: string) =>
        `/staff/review?${new URLSearchParams({ area: form.area, fy: String(form.fy), done })}`;
      try {
        const t = parseForm(ThresholdsFormSchema, body);
        await setAreaThresholds(ctx.db, actorOf(c), {
          areaSlug: form.area,
          achievement: { achievedAttainment: t.achieved / 100, onTrackRatio: t.onTrack / 100 },
          grades: { a: t.gradeA / 100, b: t.gradeB / 100, c: t.gradeC / 100 },
          expectedVersion: t.version,
        });
      } catch (error) {
        const refused = asRefusal(error);
        if (!refused) throw error;
        const status = await readYearReview(ctx.db, actorOf(c), { areaSlug: form.area, fiscalYear: form.fy });
        const viewer = await buildStaffViewer(c, ctx, actorOf(c));
        const notice = { kind: 'problem' as const, message: refused.message };
        return privatePage(c, <ResultsReviewPage viewer={viewer} status={status} notice={notice} />, refused.status);
      }
      return c.redirect(back('thresholds'), 303);
    })
    .post('/staff/review/projects/:number/cost-share', review, (c) =>
      projectWrite(c, 'cost-share', async (body, number) => {
        const where = WhereSchema.parse(body);
        await setCostShareRule(ctx.db, actorOf(c), {
          areaSlug: where.area,
          projectNumber: number,
          rule: readRuleForm(body),
          expectedVersion: VersionFieldSchema.parse(body.version),
        });
      }),
    );
}

/** A form's fields through its schema; the first problem becomes a Japanese INVALID_INPUT. */
export function parseForm<T extends z.ZodType>(schema: T, body: Record<string, unknown>): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('INVALID_INPUT', `Bad form: ${parsed.error.message}`, {
    userMessage: `入力を確認してください（${String(issue?.path[0] ?? '')}）: ${issue?.message ?? ''}`,
  });
}

/** The cost-share form: a kind, the equal part of a mix, and a weight per municipality for fixed shares. */
export function readRuleForm(body: Record<string, unknown>): CostShareRule {
  const kind = String(body.kind ?? '');
  if (kind === 'central_city_alone' || kind === 'equal' || kind === 'population') return { kind };
  if (kind === 'mix') {
    const equal = parseForm(
      z.object({ equalPercent: z.coerce.number().int().min(0, '0〜100 の整数').max(100, '0〜100 の整数') }),
      body,
    ).equalPercent;
    return {
      kind: 'mix',
      parts: [
        { basis: 'equal', percent: equal },
        { basis: 'population', percent: 100 - equal },
      ],
    };
  }
  if (kind === 'fixed') {
    const weights = Object.entries(body)
      .filter(([name]) => name.startsWith('weight-'))
      .map(([name, value]) => ({
        municipalityCode: name.slice('weight-'.length),
        weight: parseForm(z.object({ w: DecimalFieldSchema }), { w: String(value) }).w ?? 0,
      }));
    return { kind: 'fixed', weights };
  }
  throw new AppError('INVALID_INPUT', `Unknown rule ${kind}`, { userMessage: '分担の決め方を選んでください。' });
}

/** What a reviewer's form refusal says and its status: a stale version (409) or bad input (422). */
export function asRefusal(error: unknown): { message: string; status: 409 | 422 } | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'CONFLICT') return { message: error.userMessage ?? error.message, status: 409 };
  if (error.code === 'INVALID_INPUT') return { message: error.userMessage ?? error.message, status: 422 };
  return undefined;
}

/** The area a reviewer works in when the link names none: their first central-staff area, else the default one. */
async function reviewArea(ctx: AppContext, actor: Actor, asked: string | undefined): Promise<string> {
  return asked || defaultStaffArea(ctx, actor, ['central_staff']);
}

/** The first area in which the actor holds one of the roles, else the installation's default area. */
export async function defaultStaffArea(ctx: AppContext, actor: Actor, roles: readonly RoleName[]): Promise<string> {
  const grant = actor.kind === 'account' ? actor.grants.find((g) => roles.includes(g.role)) : undefined;
  if (!grant || !('areaId' in grant)) return getDefaultAreaSlug(ctx.db);
  return (await findAreaSlug(ctx.db, grant.areaId)) ?? getDefaultAreaSlug(ctx.db);
}
