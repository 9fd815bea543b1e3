import type { Context } from 'hono';
import { AUTH_BASE_PATH, CLIENT_ADDRESS_HEADER } from '../service/accounts/account-auth.js';
import type { AppContext } from './app-deps.js';
import { clientAddress } from './client-address.js';

/**
 * Calls one of better-auth's endpoints (not mounted themselves) as the visitor: with the request's cookies, the
 * site's origin (better-auth's origin check) and the socket's address (its rate limits). Renkei's routes turn
 * their forms into these calls.
 */
export async function callAuth(
  ctx: AppContext,
  c: Context,
  path: string,
  /** `withCookies`: the request's cookies, none, or a Cookie header of the caller's choosing */
  init: { body: unknown; withCookies: boolean | string },
): Promise<Response> {
  const headers = new Headers({ 'content-type': 'application/json', origin: ctx.publicOrigin });
  const cookie =
    typeof init.withCookies === 'string' ? init.withCookies : init.withCookies ? c.req.header('cookie') : undefined;
  if (cookie) headers.set('cookie', cookie);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress(c));
  const auth = await ctx.auth.instance();
  return auth.handler(
    new Request(`${ctx.publicOrigin}${AUTH_BASE_PATH}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(init.body),
    }),
  );
}

/** Passes better-auth's cookies (a new session, an ended one, the two-factor challenge) on to the visitor. */
export function passSetCookies(from: Response, to: Headers): void {
  for (const cookie of from.headers.getSetCookie()) to.append('Set-Cookie', cookie);
}

/**
 * Only the cookies of better-auth's two-factor challenge (its token, and whether to remember the session): the
 * second step of a sign-in must be checked against the challenge (and its limits), not against a session the
 * browser may also hold.
 */
export function challengeCookieOnly(header: string | undefined): string {
  return (header ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => /^(?:__Secure-)?renkei\.(?:two_factor|dont_remember)=/.test(pair))
    .join('; ');
}

/** A Cookie header made of the cookies an answer sets (not those it expires): to call on as the new session. */
export function cookiesSetBy(answer: Response): string {
  return answer.headers
    .getSetCookie()
    .map((cookie) => ({ pair: cookie.split(';')[0]?.trim() ?? '', expired: /;\s*max-age=0\b/i.test(cookie) }))
    .filter(({ pair, expired }) => !expired && /^[^=]+=.+/.test(pair))
    .map(({ pair }) => pair)
    .join('; ');
}

/** better-auth's error code of a refused call (`INVALID_CODE`, `INVALID_PASSWORD`…), if it gave one. */
export async function authErrorCode(answer: Response): Promise<string | undefined> {
  const body = (await answer
    .clone()
    .json()
    .catch(() => undefined)) as { code?: unknown } | undefined;
  return typeof body?.code === 'string' ? body.code : undefined;
}
