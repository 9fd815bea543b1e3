/**
 * Characters a PDF's ToUnicode map gives for a glyph that the font shares between two code points: CJK fonts
 * draw 青 and the radical ⻘ with one glyph, and Chromium (Skia) names many such glyphs by the radical, and the
 * katakana middle dot by U+2027. These are extraction artifacts (DESIGN.md §7), folded back here only for PDFs.
 */

// CJK Radicals Supplement with a Japanese unified ideograph of the same form (Unicode's EquivalentUnifiedIdeograph)
const RADICALS: Record<string, string> = {
  '\u2E8C': '小',
  '\u2E8D': '小',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA4': '爪',
  '\u2EA8': '犬',
  '\u2EA9': '王',
  '\u2EB9': '老',
  '\u2EBC': '肉',
  '\u2EC4': '西',
  '\u2EC6': '角',
  '\u2ECA': '足',
  '\u2ED1': '長',
  '\u2ED6': '阝',
  '\u2ED8': '青',
  '\u2EDD': '食',
  '\u2EE3': '骨',
  '\u2EE4': '鬼',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEB': '斉',
  '\u2EED': '歯',
  '\u2EEF': '竜',
  '\u2EF2': '亀',
};

const FOLDABLE = /[\u2E80-\u2EFF\u2F00-\u2FDF\u2027]/g;

/**
 * @example foldPdfCharacters('⻘森市の⼈⼝‧世帯') // '青森市の人口・世帯'
 */
export function foldPdfCharacters(text: string): string {
  return text.replace(FOLDABLE, (c) => {
    if (c === '\u2027') return '・';
    const code = c.charCodeAt(0);
    if (code >= 0x2f00) return c.normalize('NFKC'); // Kangxi radicals decompose to their ideograph
    return RADICALS[c] ?? c;
  });
}
