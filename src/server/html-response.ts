import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A page behind sign-in or a form answer: never stored by caches, rendered to a string once. */
export async function privatePage(
  c: Context,
  page: { toString(): string | Promise<string> },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  return c.html(String(await page.toString()), status);
}

/** Where to go after signing in: a path on this site only (never `//host` or a full URL). */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) {
    return fallback;
  }
  return next.length > 2000 ? fallback : next;
}
