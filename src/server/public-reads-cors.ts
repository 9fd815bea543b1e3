import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

const EXPOSED_HEADERS = ['ETag', 'X-Request-Id'];

/**
 * CORS for the public reads (the API and the open data): any web page may fetch them, reads only, no credentials.
 * A preflight is hono/cors's; on other requests the two headers are set on the route's own answer, after it. hono/cors
 * sets them on `c.res` before the route answers, and Hono then rebuilds the route's answer around a stream to merge
 * them: under 100 connections on one open-data file that was a third of the server's time, and every other request
 * waited behind it (bench/starvation-bench.ts).
 */
export function publicReadsCors(): MiddlewareHandler {
  const preflight = cors({ origin: '*', allowMethods: ['GET', 'HEAD'], exposeHeaders: EXPOSED_HEADERS });
  const exposed = EXPOSED_HEADERS.join(',');
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Access-Control-Expose-Headers', exposed);
  };
}
