import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../domain/errors.js';
import { createAccountAuth } from '../service/accounts/account-auth.js';
import { checkHealth } from '../service/check-health.js';
import { findPublicDataStamp } from '../service/read-portal.js';
import { readInstallationSecret } from '../store/installation-secret-store.js';
import { createAccountRoutes } from './account-routes.js';
import { createAdminImportRoutes } from './admin-import-routes.js';
import { createAdminRoutes } from './admin-routes.js';
import { createApiRoutes } from './api/api-routes.js';
import type { AppContext, AppDeps } from './app-deps.js';
import { createAssetRoutes } from './asset-routes.js';
import { compressAnswers } from './compress-answers.js';
import { createCouncilOpinionRoutes } from './council-opinion-routes.js';
import { createCouncilReportRoutes } from './council-report-routes.js';
import { checkRequestOrigin } from './csrf.js';
import { createDownloadRoutes } from './download-routes.js';
import { createDraftRoutes } from './draft-routes.js';
import { toErrorPageResponse } from './error-page-response.js';
import { createFallbackLogger } from './logger.js';
import { createPageRoutes } from './page-routes.js';
import { toProblemResponse } from './problem.js';
import { publicReadsCors } from './public-reads-cors.js';
import { errorLoggerOf, logRequests } from './request-log.js';
import { createDataFreshness } from './response-cache.js';
import { createResultRoutes } from './result-routes.js';
import { createResultsWorkbookRoutes, WORKBOOK_PATH } from './results-workbook-routes.js';
import { createReviewApiRoutes } from './review-api-routes.js';
import { createReviewRoutes } from './review-routes.js';
import { createRevisionPageRoutes } from './revision-page-routes.js';
import { rejectMalformedUrls, securityHeaders } from './security-headers.js';
import { createTwoFactorRoutes } from './two-factor-routes.js';

// Machine paths answer errors as problem+json; every other path is a page and answers with an HTML page.
const isMachinePath = (path: string) => path.startsWith('/api/') || path === '/healthz';

/** Bodies of ordinary writes (forms, JSON) stay under this; the document import has its own, larger limit. */
const WRITE_BODY_LIMIT = 64 * 1024;

/**
 * The HTTP application: health check, the read API, the public pages and their assets, and the signed-in side
 * (accounts, import, results, administration). Serve it with @hono/node-server or call `.request()`.
 */
export function createApp(deps: AppDeps): Hono {
  const ctx = createAppContext(deps);
  const app = new Hono();

  app.use('*', logRequests(ctx.logger)); // first: its id and its timing cover every other step
  app.use('*', securityHeaders({ https: ctx.publicOrigin.startsWith('https:') }));
  app.use('*', rejectMalformedUrls());
  // The read API and the open data are public: any web page may fetch them (reads only, no credentials).
  const publicReads = publicReadsCors();
  app.use('/api/v1/*', publicReads);
  app.use('/downloads/*', publicReads);
  app.use('*', checkRequestOrigin(ctx.publicOrigin));
  app.use('*', async (c, next) => {
    const ownLimit = c.req.path === '/admin/import' || c.req.path === WORKBOOK_PATH; // uploads: their own limits
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || ownLimit) return next();
    return bodyLimit({
      maxSize: WRITE_BODY_LIMIT,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', `Body over ${WRITE_BODY_LIMIT} bytes`, {
          userMessage: `送信できる内容は ${WRITE_BODY_LIMIT / 1024} KB までです。`,
        });
      },
    })(c, next);
  });
  // a write answered by this process shows in its pages and API at once (other processes: within the TTL)
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') ctx.freshness.refresh();
  });
  app.use('*', compressAnswers); // gzip for /api and /downloads (compress-answers.ts)

  app.get('/healthz', async (c) => c.json(await checkHealth(ctx.freshness.stamp)));
  app.route('/', createApiRoutes(ctx)); // /api/v1/…, /api/v1/openapi.json and /api/docs
  app.route('/', createResultRoutes(ctx)); // /api/v1/areas/{slug}/results/… and /staff/results
  app.route('/', createResultsWorkbookRoutes(ctx)); // /staff/results/workbook: the Excel round trip
  app.route('/', createReviewRoutes(ctx)); // /staff/review: the central city's approvals and publication
  app.route('/', createCouncilOpinionRoutes(ctx)); // /staff/opinions: the council's 所見 and the 対応方針
  app.route('/', createCouncilReportRoutes(ctx)); // /reports and /areas/{slug}/reports/{fy}.{html|pdf|xlsx}
  app.route('/', createReviewApiRoutes(ctx)); // the same over JSON: /api/v1/areas/{slug}/results/{fy}/projects/…
  app.route('/', createAssetRoutes());
  app.route('/', createDownloadRoutes(ctx)); // /downloads: open data files per area and revision
  app.route('/', createAccountRoutes(ctx)); // /signin, /signout, /staff, /account
  app.route('/', createTwoFactorRoutes(ctx)); // /signin/code, /account/two-factor/…
  app.route('/', createAdminImportRoutes(ctx));
  app.route('/', createAdminRoutes(ctx)); // /admin/users, /admin/audit
  app.route('/', createDraftRoutes(ctx)); // /staff/drafts…, /staff/revisions/rollback
  app.route('/', createRevisionPageRoutes(ctx)); // /areas/{slug}/revisions…
  app.route('/', createPageRoutes(ctx));

  const answerError = (error: unknown, c: Context) => {
    const logError = errorLoggerOf(c.var.log);
    return isMachinePath(c.req.path)
      ? toProblemResponse(error, c.req.path, logError)
      : toErrorPageResponse(error, c.req.path, logError);
  };
  app.notFound((c) =>
    answerError(
      new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, {
        userMessage: 'この URL にはページも API もありません。',
      }),
      c,
    ),
  );
  app.onError(answerError);
  return app;
}

/** What the routes share: the logger, one data freshness for every cache, the accounts, the public origin. */
function createAppContext(deps: AppDeps): AppContext {
  const publicOrigin = new URL(deps.publicUrl ?? 'http://localhost').origin;
  let secret: Promise<string> | undefined;
  return {
    ...deps,
    logger: deps.logger ?? createFallbackLogger(),
    publicOrigin,
    freshness: createDataFreshness(() => findPublicDataStamp(deps.db), deps.dataStampTtlMs ?? 1000),
    auth: createAccountAuth(deps.db, {
      publicOrigin,
      signInAttemptsPerMinute: deps.signInAttemptsPerMinute ?? 10,
    }),
    secret: () => {
      secret ??= readInstallationSecret(deps.db);
      secret.catch(() => {
        secret = undefined;
      });
      return secret;
    },
  };
}
