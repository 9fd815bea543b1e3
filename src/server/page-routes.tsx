import type { Context } from 'hono';
import { Hono } from 'hono';
import { AppError } from '../domain/errors.js';
import { queryProjects } from '../domain/project-query.js';
import { toSearchKey } from '../domain/search-key.js';
import { readAccessibilityReport } from '../service/read-accessibility-report.js';
import { findDataStamp, type PortalSnapshot, readPortalSnapshot } from '../service/read-portal.js';
import { AccessibilityPage } from '../web/pages/accessibility-page.js';
import { FindingsPage } from '../web/pages/findings-page.js';
import { HomePage } from '../web/pages/home-page.js';
import { MatrixPage } from '../web/pages/matrix-page.js';
import { MunicipalityPage } from '../web/pages/municipality-page.js';
import { ProjectPage } from '../web/pages/project-page.js';
import { ProjectsPage } from '../web/pages/projects-page.js';
import { ProjectNumberParamSchema } from './api/project-routes.js';
import type { AppDeps } from './app-deps.js';
import { createDataStampReader } from './data-stamp-reader.js';
import { PageCache } from './page-cache.js';
import { ProjectListQuerySchema, toProjectQuery } from './project-list-query.js';

type Render = (snapshot: PortalSnapshot) => unknown;

function invalid(message: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', message, { userMessage });
}

/** Server-rendered public pages, each cached until the data changes (one cheap stamp query per request). */
export function createPageRoutes(deps: AppDeps): Hono {
  const cache = new PageCache();
  const currentStamp = createDataStampReader(() => findDataStamp(deps.db), deps.dataStampTtlMs ?? 1000);
  let snapshot: Promise<PortalSnapshot> | undefined;
  let snapshotStamp = '';

  const snapshotFor = (stamp: string) => {
    if (!snapshot || snapshotStamp !== stamp) {
      snapshotStamp = stamp;
      snapshot = readPortalSnapshot(deps.db);
      snapshot.catch(() => {
        snapshot = undefined;
      });
    }
    return snapshot;
  };

  const page = async (c: Context, key: string, render: Render) => {
    const stamp = await currentStamp();
    let entry = cache.find(key, stamp);
    if (!entry) {
      const html = String(
        await (render(await snapshotFor(stamp)) as { toString(): string | Promise<string> }).toString(),
      );
      entry = cache.store(key, stamp, html);
    }
    c.header('ETag', entry.etag);
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('If-None-Match') === entry.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    return c.body(entry.body);
  };

  return new Hono()
    .get('/', (c) => page(c, 'home', (s) => <HomePage snapshot={s} />))
    .get('/matrix', (c) => page(c, 'matrix', (s) => <MatrixPage snapshot={s} />))
    .get('/findings', (c) => page(c, 'findings', (s) => <FindingsPage snapshot={s} />))
    .get('/projects', (c) => {
      const parsed = ProjectListQuerySchema.safeParse(c.req.query());
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(
          `Bad /projects query: ${parsed.error.message}`,
          `絞り込みの指定「${String(issue?.path[0] ?? '')}」が正しくありません。${issue?.message ?? ''}`,
        );
      }
      const query = toProjectQuery(parsed.data);
      return page(c, `projects?${JSON.stringify(query)}`, (s) => {
        const centralCity = s.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null;
        return (
          <ProjectsPage snapshot={s} query={query} results={queryProjects(s.vision.projects, query, centralCity)} />
        );
      });
    })
    .get('/projects/:number', async (c) => {
      const parsed = ProjectNumberParamSchema.safeParse(c.req.param());
      if (!parsed.success) throw invalid('Bad project number', '事業番号は 1 以上の整数で指定してください。');
      const { number } = parsed.data;
      const s = await snapshotFor(await currentStamp());
      const project = s.vision.projects.find((p) => p.number === number);
      if (!project)
        throw new AppError('NOT_FOUND', `No project ${number}`, {
          userMessage: `事業番号 ${number} の事業はありません。`,
        });
      return page(c, `project/${number}`, (snap) => <ProjectPage snapshot={snap} project={project} />);
    })
    .get('/municipalities/:code', async (c) => {
      const code = c.req.param('code');
      const s = await snapshotFor(await currentStamp());
      const key = toSearchKey(code);
      const municipality = s.vision.area.municipalities.find((m) => m.code === code || toSearchKey(m.name) === key);
      if (!municipality) {
        throw new AppError('NOT_FOUND', `No municipality ${code}`, {
          userMessage: `市町村「${code}」はこの圏域にありません。`,
        });
      }
      const centralCity = s.vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null;
      return page(c, `municipality/${municipality.name}`, (snap) => (
        <MunicipalityPage
          snapshot={snap}
          municipality={municipality}
          projects={queryProjects(snap.vision.projects, { municipality: municipality.name }, centralCity)}
        />
      ));
    })
    .get('/accessibility', async (c) => {
      const report = await readAccessibilityReport();
      // the report changes without the data changing: its date is part of the key
      return page(c, `accessibility/${report?.testedAt ?? ''}`, (s) => (
        <AccessibilityPage areaName={s.vision.area.name} report={report} />
      ));
    });
}
