import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.js';

/**
 * Headers on every answer: a content security policy with no inline script or style (pages have neither), no
 * framing (clickjacking), no MIME sniffing, a strict referrer policy, and HSTS when the site is served over TLS.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('Content-Security-Policy', csp);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.https) headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  };
}

/**
 * Refuses a URL carrying a NUL byte or broken percent-encoding: a client's mistake is a 400 with one log line at
 * most, never a database error (PostgreSQL text cannot hold NUL) and a stack trace.
 */
export function rejectMalformedUrls(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const query = url.indexOf('?');
    let decoded: string;
    try {
      decoded = decodeURIComponent(query < 0 ? c.req.path : `${c.req.path}${url.slice(query)}`);
    } catch {
      throw new AppError('INVALID_INPUT', 'Malformed percent-encoding in URL', {
        userMessage: 'URL の % の使い方が正しくありません。',
      });
    }
    if (decoded.includes('\u0000')) {
      throw new AppError('INVALID_INPUT', 'NUL byte in URL', {
        userMessage: 'URL に使えない文字（NUL）が含まれています。',
      });
    }
    await next();
  };
}
