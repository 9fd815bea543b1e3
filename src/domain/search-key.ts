/**
 * The key Japanese text is searched and compared by, never stored: NFKC (full- and half-width forms alike),
 * lower case, no spaces, and the place-name ヶ/ケ/ヵ folded so 外ヶ浜 and 外ケ浜 find each other.
 * @example toSearchKey('外ケ浜町　ＲＰＡ') === toSearchKey('外ヶ浜町rpa') // true
 */
export function toSearchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[ヶヵｹ]/g, 'ケ')
    .replace(/\s+/g, '');
}
