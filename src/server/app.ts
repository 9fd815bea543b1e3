import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { AppError } from '../domain/errors.js';
import { checkHealth } from '../service/check-health.js';
import { createApiRoutes } from './api/api-routes.js';
import type { AppDeps } from './app-deps.js';
import { createAssetRoutes } from './asset-routes.js';
import { compressAnswers } from './compress-answers.js';
import { createDownloadRoutes } from './download-routes.js';
import { toErrorPageResponse } from './error-page-response.js';
import { createPageRoutes } from './page-routes.js';
import { type ErrorLogger, toProblemResponse } from './problem.js';

// Machine paths answer errors as problem+json; every other path is a page and answers with an HTML page.
const isMachinePath = (path: string) => path.startsWith('/api/') || path === '/healthz';

const logToConsole: ErrorLogger = (message, error) => console.error(message, error);

/** The HTTP application: health check, the read API, the public pages and their assets. Serve it with @hono/node-server or call `.request()`. */
export function createApp(deps: AppDeps): Hono {
  const logError = deps.logError ?? logToConsole;
  const app = new Hono();

  // The read API and the open data are public: any web page may fetch them (reads only, no credentials).
  const publicReads = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: ['ETag'] });
  app.use('/api/v1/*', publicReads);
  app.use('/downloads/*', publicReads);
  app.use('*', compressAnswers); // gzip for /api and /downloads (compress-answers.ts)

  app.get('/healthz', async (c) => c.json(await checkHealth(deps.db)));
  app.route('/', createApiRoutes(deps)); // /api/v1/…, /api/v1/openapi.json and /api/docs
  app.route('/', createAssetRoutes());
  app.route('/', createDownloadRoutes(deps)); // /downloads: open data files per area and revision
  app.route('/', createPageRoutes(deps));

  const answerError = (error: unknown, path: string) =>
    isMachinePath(path) ? toProblemResponse(error, path, logError) : toErrorPageResponse(error, path, logError);
  app.notFound((c) =>
    answerError(
      new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, {
        userMessage: 'この URL にはページも API もありません。',
      }),
      c.req.path,
    ),
  );
  app.onError((error, c) => answerError(error, c.req.path));
  return app;
}
