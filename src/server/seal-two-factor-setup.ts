import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';

/** How long a started two-factor set-up may wait for its first code. */
const VALID_MS = 15 * 60 * 1000;

/** What the set-up page shows and the confirm step needs again: the otpauth URI and the backup codes. */
export type TwoFactorSetup = { totpUri: string; backupCodes: string[] };

/**
 * A started set-up, encrypted for the confirm form (AES-256-GCM, key derived from the installation secret, bound
 * to the account): the page can show the secret again after a wrong code and the backup codes once confirmed,
 * without storing anything of ours, and the backup codes never stand in the page before the code is right.
 */
export function sealTwoFactorSetup(setup: TwoFactorSetup, secret: string, userId: string, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(JSON.stringify({ ...setup, at: now }), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The set-up of a sealed form; refused when tampered with, another account's, or over 15 minutes old. */
export function openTwoFactorSetup(sealed: unknown, secret: string, userId: string, now = Date.now()): TwoFactorSetup {
  const refused = new AppError('INVALID_INPUT', 'Bad or stale two-factor set-up', {
    userMessage:
      '設定の有効期限が切れたか、内容が正しくありません。もう一度パスワードを入力して、設定をやり直してください。',
  });
  if (typeof sealed !== 'string') throw refused;
  const [iv, tag, body, extra] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || extra !== undefined || iv.length !== 12 || tag.length !== 16) throw refused;
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(tag);
    text = Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw refused;
  }
  const { totpUri, backupCodes, at } = JSON.parse(text) as TwoFactorSetup & { at: number };
  if (now - at > VALID_MS || now < at - 60_000) throw refused;
  return { totpUri, backupCodes };
}

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'renkei', 'two-factor-setup', 32));
}
