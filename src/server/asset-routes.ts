import { type Context, Hono } from 'hono';
import { faviconBytes, faviconEtag } from '../web/assets/favicon.js';
import { siteCss } from '../web/assets/site-css.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
// A request for another version than the one we hold (a page cached across a deploy) still gets the
// stylesheet, but must not pin it for a year under that stale URL.
const REVALIDATE = 'no-cache';

/**
 * GET /assets/site.css: the design tokens and our CSS, built once at start, cached by content hash.
 * GET /favicon.svg and /favicon.ico: the site icon (SVG; clients that ask at the old path get the same bytes).
 */
export function createAssetRoutes(): Hono {
  const favicon = (c: Context) => {
    const headers = { etag: faviconEtag, 'cache-control': 'public, max-age=86400' };
    if (matchesEtag(c.req.header('if-none-match'), faviconEtag)) return c.body(null, 304, headers);
    return c.body(faviconBytes, 200, { ...headers, 'content-type': 'image/svg+xml' });
  };
  return new Hono()
    .get('/favicon.svg', favicon)
    .get('/favicon.ico', favicon)
    .get('/assets/site.css', (c) => {
      const version = c.req.query('v');
      const cacheControl = version === undefined || version === siteCss.hash ? IMMUTABLE : REVALIDATE;
      const headers = { etag: siteCss.etag, 'cache-control': cacheControl };
      if (matchesEtag(c.req.header('if-none-match'), siteCss.etag)) {
        return c.body(null, 304, headers);
      }
      return c.body(siteCss.bytes, 200, { ...headers, 'content-type': 'text/css; charset=utf-8' });
    });
}

/** If-None-Match holds `*` or a list of tags, weak or strong; GET compares them weakly (RFC 9110 §13.1.2). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
