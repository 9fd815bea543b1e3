import { normalizeAreaSlug } from '../domain/area-slug.js';
import { AppError } from '../domain/errors.js';

/**
 * A URL-safe key for an area: NFKC, lower case, spaces and punctuation → '-'. Japanese letters stay
 * (「青森圏域」→ '青森圏域'); nothing here knows one area's name.
 *
 * @example deriveAreaSlug('Aomori Area ') // → 'aomori-area'
 */
export function deriveAreaSlug(name: string): string {
  const slug = normalizeAreaSlug(name);
  if (slug === '') {
    throw new AppError('INVALID_INPUT', `No area slug can be made from ${JSON.stringify(name)}`, {
      userMessage: '圏域の識別名（スラッグ）には文字か数字を含めてください。',
    });
  }
  return slug;
}
