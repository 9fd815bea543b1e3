import { Hono } from 'hono';
import { AppError } from '../domain/errors.js';
import { checkHealth } from '../service/check-health.js';
import { createProjectRoutes } from './api/project-routes.js';
import { createVisionRoutes } from './api/vision-routes.js';
import type { AppDeps } from './app-deps.js';
import { type ErrorLogger, toProblemResponse } from './problem.js';

const logToConsole: ErrorLogger = (message, error) => console.error(message, error);

/** The HTTP application: health check and the read API. Serve it with @hono/node-server or call `.request()`. */
export function createApp(deps: AppDeps): Hono {
  const logError = deps.logError ?? logToConsole;
  const app = new Hono();

  app.get('/healthz', async (c) => c.json(await checkHealth(deps.db)));
  app.route('/api/v1', createVisionRoutes(deps));
  app.route('/api/v1', createProjectRoutes(deps));

  app.notFound((c) =>
    toProblemResponse(
      new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, {
        userMessage: 'この URL にはページも API もありません。',
      }),
      c.req.path,
      logError,
    ),
  );
  app.onError((error, c) => toProblemResponse(error, c.req.path, logError));
  return app;
}
