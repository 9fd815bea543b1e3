import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * A sign-in waiting for its second step: the e-mail that passed the password (for the code page and the audit
 * log) and where to go after. better-auth keeps the challenge itself (its signed `two_factor` cookie and a
 * verification row); this signed cookie only carries what Renkei shows and records, for the same 10 minutes.
 */
const COOKIE = 'renkei-2fa-pending';
const MAX_AGE_SECONDS = 10 * 60;

export type PendingSignIn = { email: string; next: string };

export function setPendingSignIn(c: Context, secret: string, pending: PendingSignIn, secure: boolean): void {
  const body = Buffer.from(JSON.stringify({ ...pending, at: Date.now() })).toString('base64url');
  setCookie(c, COOKIE, `${body}.${sign(body, secret)}`, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/signin',
    secure,
    maxAge: MAX_AGE_SECONDS,
  });
}

export function readPendingSignIn(c: Context, secret: string): PendingSignIn | undefined {
  const [body = '', signature = '', extra] = (getCookie(c, COOKIE) ?? '').split('.');
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (extra !== undefined || given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const { email, next, at } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PendingSignIn & {
    at: number;
  };
  if (Date.now() - at > MAX_AGE_SECONDS * 1000) return undefined;
  return { email, next };
}

export function clearPendingSignIn(c: Context, secure: boolean): void {
  deleteCookie(c, COOKIE, { path: '/signin', secure });
}

function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(`pending-sign-in\n${body}`).digest('base64url');
}
