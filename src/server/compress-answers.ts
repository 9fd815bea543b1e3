import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

const compressing = compress();

/**
 * gzip (or deflate) for the API and the open-data files, when the client accepts it: hono/compress, which skips
 * small answers (< 1 KB), types that do not shrink (xlsx), HEAD and `no-transform`, and marks the ETag weak.
 * Pages are left alone: they are small, cached and measured by the page benchmark as they are.
 */
export const compressAnswers: MiddlewareHandler = (c, next) =>
  c.req.path.startsWith('/api/') || c.req.path.startsWith('/downloads/') ? compressing(c, next) : next();
