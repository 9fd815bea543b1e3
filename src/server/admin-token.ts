import { createHash, timingSafeEqual } from 'node:crypto';

/** Shorter tokens are refused: the web import writes to the database. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export type AdminTokenSetting = { enabled: true; token: string } | { enabled: false; reason: string };

/**
 * The token of /admin/import, from the ADMIN_TOKEN environment variable, read on each request (so an operator
 * can turn the web import off by restarting without it). Unset or too short: the web import is disabled.
 */
export function readAdminToken(env: NodeJS.ProcessEnv = process.env): AdminTokenSetting {
  const token = env.ADMIN_TOKEN?.trim() ?? '';
  if (token === '') return { enabled: false, reason: '環境変数 ADMIN_TOKEN が設定されていません。' };
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    return {
      enabled: false,
      reason: `環境変数 ADMIN_TOKEN が短すぎます（${MIN_ADMIN_TOKEN_LENGTH} 文字以上にしてください）。`,
    };
  }
  return { enabled: true, token };
}

/** Compares in constant time (over SHA-256 digests, so lengths do not leak either). */
export function matchesAdminToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
