/**
 * How an area's URL key is made from a name or from what someone typed: NFKC, lower case, runs of anything but
 * letters and digits → '-'. Japanese letters stay (「青森圏域」→ '青森圏域'). May return '' (no letter or digit).
 *
 * @example normalizeAreaSlug('Aomori Area ') // → 'aomori-area'
 */
export function normalizeAreaSlug(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
