import { createHmac } from 'node:crypto';

/**
 * TOTP codes as an authenticator app computes them (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 30 s, 6 digits),
 * written here with node:crypto so the tests check better-auth's codes against an independent implementation.
 */
export function totpCode(base32Secret: string, at = Date.now(), stepSeconds = 30, digits = 6): string {
  const counter = Math.floor(at / 1000 / stepSeconds);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', base32Decode(base32Secret)).update(message).digest();
  const offset = (hmac[hmac.length - 1] as number) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** A code that is not valid now nor in the windows either side (differs from all three). */
export function wrongTotpCode(base32Secret: string, at = Date.now()): string {
  const valid = new Set([-30_000, 0, 30_000].map((shift) => totpCode(base32Secret, at + shift)));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/** RFC 4648 base32 (the alphabet of otpauth secrets), padding and spaces ignored. */
export function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`Not base32: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The otpauth URI and the secret (spaces removed) a two-factor set-up page shows. */
export function readSetupPage(html: string): { uri: string; secret: string } {
  const uri = /<code id="totp-uri">([^<]+)<\/code>/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  const secret = /<code id="totp-secret">([^<]+)<\/code>/.exec(html)?.[1]?.replace(/\s/g, '');
  if (!uri || !secret) throw new Error('No otpauth URI or secret on the page');
  return { uri, secret };
}
