import type { OpenAPIHono } from '@hono/zod-openapi';
import { ApiDocsPage } from './api-docs-page.js';
import { type CachedBody, etagOf, ifNoneMatchHits } from './api-response-cache.js';
import type { OpenApiDocument } from './openapi-document.js';
import type { DocumentView } from './openapi-fields.js';

/** pages kept per origin (the curl examples name it); a few, so a forged Host header cannot fill memory */
const ORIGINS_KEPT = 4;

/** GET /api/docs: the documentation page, rendered once per origin from the OpenAPI document. */
export function registerApiDocsPage(api: OpenAPIHono, document: () => OpenApiDocument): void {
  const pages = new Map<string, CachedBody>();
  api.get('/api/docs', async (c) => {
    const origin = new URL(c.req.url).origin;
    let page = pages.get(origin);
    if (!page) {
      const html = String(await (<ApiDocsPage doc={document() as unknown as DocumentView} origin={origin} />));
      const body = new TextEncoder().encode(html);
      page = { body, etag: etagOf(body) };
      if (pages.size >= ORIGINS_KEPT) pages.delete(pages.keys().next().value as string);
      pages.set(origin, page);
    }
    const headers = { ETag: page.etag, 'Cache-Control': 'no-cache' };
    if (ifNoneMatchHits(c.req.header('If-None-Match'), page.etag)) return new Response(null, { status: 304, headers });
    return new Response(page.body, { headers: { ...headers, 'Content-Type': 'text/html; charset=UTF-8' } });
  });
}
