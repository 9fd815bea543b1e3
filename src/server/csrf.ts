import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../domain/errors.js';

/**
 * Protection against cross-site request forgery, two layers (OWASP CSRF cheat sheet):
 * 1. every state-changing request whose browser says where it comes from (Origin, else Sec-Fetch-Site) must come
 *    from the site's own origin (the public one, or the one this request was made to); browsers always send one of
 *    them on a cross-site POST;
 * 2. every form carries a token that must equal the signed token in the visitor's `renkei-csrf` cookie (signed
 *    double submit: a cookie planted by another site cannot be signed with the installation's secret).
 */

const COOKIE = 'renkei-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function checkRequestOrigin(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('Origin');
      const fetchSite = c.req.header('Sec-Fetch-Site');
      // the configured origin, or the one the browser itself used for this request (http://127.0.0.1:3000 for a
      // server configured as localhost): a forged Host header cannot come from a victim's browser
      const sameSite = origin === publicOrigin || origin === new URL(c.req.url).origin;
      const crossSite = origin !== undefined ? !sameSite : fetchSite !== undefined && fetchSite !== 'same-origin';
      if (crossSite) {
        throw new AppError('FORBIDDEN', `Cross-origin ${c.req.method} from ${origin ?? fetchSite}`, {
          userMessage: 'ほかのサイトから送られた操作は受け付けません。このサイトの画面から操作してください。',
        });
      }
    }
    await next();
  };
}

/** The visitor's form token, made (and set as a cookie) on first need. */
export function formToken(c: Context, secret: string, secure: boolean): string {
  const existing = getCookie(c, COOKIE);
  if (existing && isSigned(existing, secret)) return existing;
  const nonce = randomBytes(18).toString('base64url');
  const token = `${nonce}.${sign(nonce, secret)}`;
  setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', secure });
  return token;
}

/** Refuses a form whose token is missing or differs from the cookie's. */
export function checkFormToken(c: Context, secret: string, submitted: unknown): void {
  const cookie = getCookie(c, COOKIE);
  const ok =
    typeof submitted === 'string' && cookie !== undefined && isSigned(cookie, secret) && sameText(submitted, cookie);
  if (!ok) {
    throw new AppError('FORBIDDEN', 'Form token missing or wrong', {
      userMessage:
        'フォームの有効期限が切れたか、正しくない送信です。ページを読み込み直して、もう一度送信してください。',
    });
  }
}

function sign(nonce: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');
}

function isSigned(token: string, secret: string): boolean {
  const [nonce, signature, extra] = token.split('.');
  return (
    extra === undefined && nonce !== undefined && signature !== undefined && sameText(signature, sign(nonce, secret))
  );
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
