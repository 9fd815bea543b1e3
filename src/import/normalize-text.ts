/**
 * Text clean-up for PDF extractions. Stored text keeps the source's characters (no NFKC): we only remove
 * extraction artifacts. NFKC is used for comparison keys alone.
 */

// Characters that are set solid in Japanese text: a space between two of them is a PDF line break.
const JP = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆〇\\u3001-\\u303F\\uFF01-\\uFFEF※・';
// U+00A0 and the typographic spaces come from PDFs too; they are spaces like any other
const SPACE_CHARS = ' \\t\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000';
const SPACE = `[${SPACE_CHARS}]+`;
const SPACE_RUN = new RegExp(SPACE, 'g');
const BREAK_SPACE = new RegExp(`(?<=[${JP}])${SPACE}(?=[${JP}0-9(])|(?<=[0-9)])${SPACE}(?=[${JP}])`, 'gu');
const TAG = /<\/?(?:u|p|sup|sub|b|i|span|strong|em)(?:\s[^>]*)?>/gi;
const BR_TAG = /<br\s*\/?>/gi;

/** Removes the HTML-like tags an extraction leaves (`<u>`, `<p>`, `<sup>`…), keeping their text. */
export function stripTags(text: string): string {
  return text.replace(BR_TAG, ' ').replace(TAG, ' ').replace(/\\\*/g, '*');
}

/**
 * Removes spaces that a PDF line break left between Japanese characters (and between a number and its
 * Japanese unit), then trims and collapses the remaining runs.
 * @example squeezeSpaces('あおもりフィールドスタ ディ支援事業') // 'あおもりフィールドスタディ支援事業'
 */
export function squeezeSpaces(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim().replace(BREAK_SPACE, '');
}

/** Tags stripped, then spaces squeezed: the form in which cell text is stored. */
export function cleanText(text: string): string {
  return squeezeSpaces(stripTags(text));
}

/** Full-width ASCII (digits, letters, ，．％（）／) to half-width, for reading numbers; not for storage of names. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A key to compare two spellings of the same text: NFKC, no spaces, no tags, ヶ/ケ/ヵ folded, dash variants folded.
 * @example comparisonKey('外ケ浜町 (産業)') === comparisonKey('外ヶ浜町（産業）')
 */
export function comparisonKey(text: string): string {
  return stripTags(text)
    .normalize('NFKC')
    .replace(/[ヶヵｹ]/g, 'ケ')
    .replace(/[—―－‐‑–−]/g, '-')
    .replace(/[~〜～]/g, '~')
    .replace(/\s+/g, '');
}

const DASH_ONLY = /^[—―－\-‐‑–−ー─━]+$/;

/** True for a cell that holds only a dash (any of the variants PDFs use). */
export function isDash(text: string): boolean {
  return DASH_ONLY.test(text.replace(/\s+/g, ''));
}

const FOOTNOTE_MARKER = /<sup>\s*(?:\\?\*|※|＊)\s*([0-9０-９]*)\s*<\/sup>|(?:\\?\*|※|＊)([0-9０-９]*)/g;

/** The footnote markers (※, *, ＊, `<sup>※</sup>`, ※1…) in a text, as keys ('' for an unnumbered one). */
export function findFootnoteMarkers(text: string): string[] {
  return [...text.matchAll(FOOTNOTE_MARKER)].map((m) => toHalfWidth(m[1] ?? m[2] ?? ''));
}

/** The text without its footnote markers. */
export function removeFootnoteMarkers(text: string): string {
  return text.replace(FOOTNOTE_MARKER, '');
}

const FOOTNOTE_START = /^(?:\\?\*|※|＊)([0-9０-９]*)\s*/;

/** A footnote line (`※ …`, `*1 …`, `<sup>※</sup> …`): its marker key ('' when unnumbered) and its text. */
export function readFootnoteLine(text: string): { key: string; text: string } | null {
  const plain = stripTags(text).trim();
  const m = FOOTNOTE_START.exec(plain);
  return m ? { key: toHalfWidth(m[1] ?? ''), text: cleanText(plain.slice(m[0].length)) } : null;
}

export function isFootnoteLine(text: string): boolean {
  return readFootnoteLine(text) !== null;
}

const DASH = '[-－—―‐–−─]';
const PAGE_NUMBER = new RegExp(
  `^(?:${DASH}\\s*)?(?:[PpＰｐ][.．]?\\s*)?[0-9０-９]{1,3}(?:\\s*[/／]\\s*[0-9０-９]{1,3})?(?:\\s*ページ)?(?:\\s*${DASH})?$`,
);

/** True for a page number such as `12`, `- 12 -`, `― 12 ―`, `12/40` or `P.12` that a PDF extraction leaves between rows. */
export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}
