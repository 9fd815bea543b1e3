import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '../app-deps.js';
import { type CachedBody, etagOf, sendCached } from '../response-cache.js';
import { createApiContext } from './api-context.js';
import { registerApiDocsPage } from './api-docs-route.js';
import { rejectInvalidInput } from './api-validation-hook.js';
import { registerAreaCollectionRoutes } from './area-collection-routes.js';
import { registerAreaRoutes } from './area-routes.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { registerResultsWriteDocs } from './results-write-docs.js';
import { registerRevisionDiffRoutes } from './revision-diff-routes.js';
import { registerStatusRoutes } from './status-routes.js';
import { registerVisionRoutes } from './vision-routes.js';

/**
 * The public read API under /api/v1 (routes carry their full paths: mount at '/'), its OpenAPI 3.1 document
 * at /api/v1/openapi.json (which also describes the staff's results write API, served by its own routes), and the documentation page /api/docs made from that document.
 */
export function createApiRoutes(deps: AppContext): OpenAPIHono {
  const api = new OpenAPIHono({ defaultHook: rejectInvalidInput });
  const ctx = createApiContext(deps);
  registerAreaRoutes(api, ctx);
  registerAreaCollectionRoutes(api, ctx);
  registerVisionRoutes(api, ctx);
  registerStatusRoutes(api, ctx, deps);
  registerRevisionDiffRoutes(api, ctx, deps);
  registerResultsWriteDocs(api);

  // the document depends on the code only: made once, on first request
  let document: CachedBody | undefined;
  api.get('/api/v1/openapi.json', (c) => {
    if (!document) {
      const body = new TextEncoder().encode(JSON.stringify(buildOpenApiDocument(api)));
      document = { body, etag: etagOf(body) };
    }
    return sendCached(c, document, 'application/json; charset=utf-8', { gzip: true });
  });
  registerApiDocsPage(api, () => buildOpenApiDocument(api), deps.publicOrigin);
  return api;
}
