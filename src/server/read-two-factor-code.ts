export type TwoFactorCode = { kind: 'totp' | 'backup_code'; code: string };

/** A code as typed: full-width digits and spaces folded; a 6-digit TOTP or a backup code (`abcde-12345`). */
export function readTwoFactorCode(value: unknown): TwoFactorCode | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.normalize('NFKC').replace(/\s+/g, '').slice(0, 64);
  if (/^\d{6}$/.test(code)) return { kind: 'totp', code };
  if (/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code)) {
    return { kind: 'backup_code', code: code.includes('-') ? code : `${code.slice(0, 5)}-${code.slice(5)}` };
  }
  return undefined;
}
