import type { OpenAPIHono } from '@hono/zod-openapi';
import { type CachedBody, etagOf, sendCached } from '../response-cache.js';
import { ApiDocsPage } from './api-docs-page.js';
import type { OpenApiDocument } from './openapi-document.js';
import type { DocumentView } from './openapi-fields.js';

/**
 * GET /api/docs: the documentation page, rendered once from the OpenAPI document. The curl examples name the
 * configured public origin, never the request's Host header (which a client chooses).
 */
export function registerApiDocsPage(api: OpenAPIHono, document: () => OpenApiDocument, origin: string): void {
  let page: CachedBody | undefined;
  api.get('/api/docs', async (c) => {
    if (!page) {
      const html = String(await (<ApiDocsPage doc={document() as unknown as DocumentView} origin={origin} />));
      const body = new TextEncoder().encode(html);
      page = { body, etag: etagOf(body) };
    }
    return sendCached(c, page, 'text/html; charset=UTF-8');
  });
}
