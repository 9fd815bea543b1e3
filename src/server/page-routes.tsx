import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { queryProjects } from '../domain/project-query.js';
import { toSearchKey } from '../domain/search-key.js';
import { compareAreas } from '../service/area-comparison.js';
import { listAreas } from '../service/area-directory.js';
import { searchAllAreas } from '../service/area-search.js';
import { readAccessibilityReport } from '../service/read-accessibility-report.js';
import type { PortalSnapshot } from '../service/read-portal.js';
import { latestPublished, projectAcrossYears } from '../service/results/read-published-results.js';
import { readProjectBudgetHistory } from '../service/revision-reads.js';
import { areaBase, areaHref } from '../web/area-paths.js';
import { AccessibilityPage } from '../web/pages/accessibility-page.js';
import { AreaComparePage } from '../web/pages/area-compare-page.js';
import { AreaSearchPage } from '../web/pages/area-search-page.js';
import { AreasPage } from '../web/pages/areas-page.js';
import { FindingsPage } from '../web/pages/findings-page.js';
import { HomePage } from '../web/pages/home-page.js';
import { MatrixPage } from '../web/pages/matrix-page.js';
import { MunicipalityPage } from '../web/pages/municipality-page.js';
import { ProjectPage } from '../web/pages/project-page.js';
import { ProjectsPage } from '../web/pages/projects-page.js';
import { StatusPage } from '../web/pages/status-page.js';
import { ProjectNumberParamSchema } from './api/project-routes.js';
import type { AppContext } from './app-deps.js';
import { createPortalPages } from './portal-pages.js';
import { ProjectListQuerySchema, toProjectQuery } from './project-list-query.js';

/** At most this many hits on the search page across areas. */
const SEARCH_LIMIT = 100;

const SearchQuerySchema = z.object({ q: z.string().max(100, '100 文字以内で指定してください').optional() });
const StatusQuerySchema = z.object({ fy: z.coerce.number().int().min(1900).max(2999).optional() });
const CompareQuerySchema = z.array(z.string().min(1).max(100)).max(500);

function invalid(message: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', message, { userMessage });
}

/** `/areas/:slug/...` carries the slug; the site root shows the default area (undefined). */
const slugOf = (c: Context): string | undefined => c.req.param('slug');

/** Where an area's pages live: the root for the default area, /areas/{slug} otherwise. */
const baseOf = (c: Context): string => {
  const slug = slugOf(c);
  return slug === undefined ? '' : areaBase(slug);
};

/**
 * Server-rendered public pages, each cached until the data changes (portal-pages.ts). Every area's pages live
 * under /areas/{slug}/; the default area's also at the root (`/`, `/matrix`, `/projects`, …), so an installation
 * of one area keeps its URLs. /areas lists the areas, /areas/compare and /areas/search cover all of them, and
 * /admin/import takes a document through the web (admin-import-routes.tsx).
 */
export function createPageRoutes(deps: AppContext): Hono {
  const pages = createPortalPages(deps);
  const app = new Hono();

  app
    .get('/areas', (c) => pages.respond(c, 'areas', async () => <AreasPage areas={await listAreas(deps.db)} />))
    .get('/areas/compare', (c) => {
      const parsed = CompareQuerySchema.safeParse(c.req.queries('area') ?? []);
      if (!parsed.success) throw invalid('Bad /areas/compare query', '比較する圏域の指定が正しくありません。');
      const selected = [...new Set(parsed.data)].sort();
      return pages.respond(c, `compare?${selected.join(',')}`, async () => (
        <AreaComparePage result={await compareAreas(deps.db)} selected={selected} />
      ));
    })
    .get('/areas/search', (c) => {
      const parsed = SearchQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw invalid('Bad /areas/search query', `キーワードは${parsed.error.issues[0]?.message}`);
      const text = parsed.data.q?.trim() ?? '';
      return pages.respond(c, `search?${text}`, async () => (
        <AreaSearchPage
          text={text}
          limit={SEARCH_LIMIT}
          result={text === '' ? null : await searchAllAreas(deps.db, text, SEARCH_LIMIT)}
        />
      ));
    })
    .get('/areas/:slug', (c) => c.redirect(areaHref(baseOf(c), '/'), 301));

  for (const prefix of ['', '/areas/:slug']) registerAreaPages(app, prefix, pages, deps);

  app.get('/accessibility', async (c) => {
    const report = await readAccessibilityReport();
    // the report changes without the data changing: its date is part of the key
    return pages.respond(c, `accessibility/${report?.testedAt ?? ''}`, async () => {
      const s = await pages.snapshot(undefined);
      return <AccessibilityPage areaName={s.vision.area.name} report={report} />;
    });
  });
  return app;
}

/** One area's pages under `prefix` ('' for the default area at the root, '/areas/:slug' for any area). */
function registerAreaPages(
  app: Hono,
  prefix: string,
  pages: ReturnType<typeof createPortalPages>,
  deps: AppContext,
): void {
  const key = (c: Context, page: string) => `${slugOf(c) ?? ''}|${page}`;
  const render = (c: Context, page: string, view: (s: PortalSnapshot, base: string) => unknown) =>
    pages.respond(c, key(c, page), async () => view(await pages.snapshot(slugOf(c)), baseOf(c)));

  app
    .get(`${prefix}/`, (c) =>
      render(c, 'home', async (s, base) => (
        <HomePage snapshot={s} base={base} latest={latestPublished(await pages.published(s))} />
      )),
    )
    .get(`${prefix}/matrix`, (c) =>
      render(c, 'matrix', async (s, base) => (
        <MatrixPage snapshot={s} base={base} latest={latestPublished(await pages.published(s))} />
      )),
    )
    .get(`${prefix}/status`, (c) => {
      const parsed = StatusQuerySchema.safeParse(c.req.query());
      if (!parsed.success)
        throw invalid('Bad /status query', '年度は西暦の4桁の数字で指定してください（例: fy=2022）。');
      const { fy } = parsed.data;
      return render(c, `status?${fy ?? ''}`, async (s, base) => {
        const published = await pages.published(s);
        const shown = fy === undefined ? latestPublished(published) : published.years.find((y) => y.fiscalYear === fy);
        if (!shown && fy !== undefined) {
          throw new AppError('NOT_FOUND', `No published results for ${fy}`, {
            userMessage: `${fy}年度の実績は公表されていません。`,
          });
        }
        return <StatusPage snapshot={s} base={base} published={published} shown={shown ?? null} />;
      });
    })
    .get(`${prefix}/findings`, (c) => render(c, 'findings', (s, base) => <FindingsPage snapshot={s} base={base} />))
    .get(`${prefix}/projects`, (c) => {
      const parsed = ProjectListQuerySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(
          `Bad /projects query: ${parsed.error.message}`,
          `絞り込みの指定「${String(issue?.path[0] ?? '')}」が正しくありません。${issue?.message ?? ''}`,
        );
      }
      const query = toProjectQuery(parsed.data);
      return render(c, `projects?${JSON.stringify(query)}`, (s, base) => {
        const centralCity = s.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null;
        return (
          <ProjectsPage
            snapshot={s}
            query={query}
            results={queryProjects(s.vision.projects, query, centralCity)}
            base={base}
          />
        );
      });
    })
    .get(`${prefix}/projects/:number`, async (c) => {
      const parsed = ProjectNumberParamSchema.safeParse({ number: c.req.param('number') });
      if (!parsed.success) throw invalid('Bad project number', '事業番号は 1 以上の整数で指定してください。');
      const { number } = parsed.data;
      const s = await pages.snapshot(slugOf(c));
      const project = s.vision.projects.find((p) => p.number === number);
      if (!project) {
        throw new AppError('NOT_FOUND', `No project ${number}`, {
          userMessage: `事業番号 ${number} の事業はありません。`,
        });
      }
      return render(c, `project/${number}`, async (snap, base) => (
        <ProjectPage
          snapshot={snap}
          project={snap.vision.projects.find((p) => p.number === number) ?? project}
          base={base}
          results={projectAcrossYears(await pages.published(snap), number)}
          budgetHistory={await readProjectBudgetHistory(deps.db, snap.revision.id, number)}
        />
      ));
    })
    .get(`${prefix}/municipalities/:code`, async (c) => {
      const code = c.req.param('code');
      const s = await pages.snapshot(slugOf(c));
      const searchKey = toSearchKey(code);
      const municipality = s.vision.area.municipalities.find(
        (m) => m.code === code || toSearchKey(m.name) === searchKey,
      );
      if (!municipality) {
        throw new AppError('NOT_FOUND', `No municipality ${code}`, {
          userMessage: `市町村「${code}」はこの圏域にありません。`,
        });
      }
      const centralCity = s.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null;
      return render(c, `municipality/${municipality.name}`, (snap, base) => (
        <MunicipalityPage
          snapshot={snap}
          municipality={municipality}
          projects={queryProjects(snap.vision.projects, { municipality: municipality.name }, centralCity)}
          base={base}
        />
      ));
    });
}
