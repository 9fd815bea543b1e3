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

const SAME_SITE = 'http://renkei.invalid';

/**
 * Where to go after signing in: a path on this site only. A browser drops tabs and newlines from a URL and reads
 * `\` as `/`, so `/\t/evil.example` would leave the site: the path is resolved as a browser would and kept only
 * when it stays on this origin, and then in its resolved form.
 */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2000) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(next, SAME_SITE);
  } catch {
    return fallback;
  }
  if (resolved.origin !== SAME_SITE) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
