/**
 * pdf.js converts every embedded Type 1 font program (LibreOffice embeds Noto Sans CJK that way) into a CFF font
 * inside an OpenType file, for a browser to draw with (`Type1Font.wrap`, then `Font.convert`): about a fifth of a
 * LibreOffice PDF's parse, most of it V8 spreading large arrays into `Array.prototype.push` in pdf.js's CFF
 * compiler. We never draw: the font file ends as the `@font-face` rule `fontlessDocument` drops. Everything the
 * text needs (Unicode, widths, the glyph mapping, accents) is worked out by `Font.convert` from the parsed program
 * before it builds the file, not from the file.
 *
 * So the worker module is loaded with two narrow changes to its source (`patchPdfWorkerSource`): `Type1Font` asks
 * `type1CffCannotFail` before compiling and leaves its `data` null when the answer is yes, and `Font.convert` returns
 * no file for such a font, after the mapping work. A font without data is one pdf.js itself never draws from a file:
 * no `@font-face` rule on the main thread (`FontFaceObject` checks `data`), no glyph outlines in the worker
 * (`handleText` checks `font.data`). The answer is yes only when the compiler, given this program, cannot throw:
 * pdf.js treats a font whose conversion threw as missing (`fallbackToSystemFont`: another glyph mapping and loaded
 * name), so a program it might fail on takes the normal path. Anything else — another pdf.js version, a source the
 * changes do not fit exactly — loads the module as shipped.
 */

/** The pdf.js build these changes were written against, read against its source. */
export const PATCHED_PDFJS_VERSION = '4.10.38';

/** The name, on the worker module's exports, of the function the patched `Type1Font` asks. */
export const SKIP_HOOK = 'renkeiType1CffCannotFail';

// In pdf.js 4.10.38, `Type1Font`'s constructor and `Font.convert` (legacy/build/pdf.worker.mjs).
const WRAP_CALL = 'this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);';
const CONVERT_BUILDS_FILE = '    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(';
const VERSION_LINE = `const pdfjsVersion = "${PATCHED_PDFJS_VERSION}";`;

function occursOnce(source: string, text: string): boolean {
  const at = source.indexOf(text);
  return at >= 0 && source.indexOf(text, at + 1) < 0;
}

const EXPORT_LINE = 'export { __webpack_exports__WorkerMessageHandler as WorkerMessageHandler };';

/**
 * The worker module's source with both changes, as a script whose value is the module's exports, or undefined when
 * it is not the source they were written for (then it is loaded unchanged). `__webpack_exports__` is the module's
 * exports object (`globalThis.pdfjsWorker`), where loadPdfJs puts `type1CffCannotFail` under SKIP_HOOK; until it
 * does, every font takes the normal path.
 *
 * A script, not a module from a data: URL: the module has no imports and its one export is its exports object; in
 * a strict function its declarations keep the scope and strictness they had in the module, and the script can
 * carry the shipped file's name (a data: URL of 3 MB would be every stack frame's file name). The function starts
 * on the module's first line and one line is inserted, so stack lines point into the shipped file, one line off
 * after `Font.convert`. The source map comment goes (the map is of the unchanged file).
 */
export function patchPdfWorkerSource(source: string): string | undefined {
  const fits = [WRAP_CALL, CONVERT_BUILDS_FILE, EXPORT_LINE].every((text) => occursOnce(source, text));
  if (!source.includes(VERSION_LINE) || !fits) return undefined;
  const ask = `__webpack_exports__.${SKIP_HOOK}?.(name, type2Charstrings, this.charstrings, subrs, properties)`;
  const changed = source
    .replace(WRAP_CALL, `this.data = ${ask} ? null : ${WRAP_CALL.slice('this.data = '.length)}`)
    .replace(
      CONVERT_BUILDS_FILE,
      `    if (font instanceof Type1Font && font.data === null) return null;\n${CONVERT_BUILDS_FILE}`,
    )
    .replace(EXPORT_LINE, '')
    .replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return `(function () { "use strict"; ${changed}\nreturn __webpack_exports__;\n})();\n`;
}

// Spreading an array into push throws past V8's argument limit (about 120,000 on Node 20's stack); pdf.js's
// `compileIndex` spreads each glyph program, name and subroutine unguarded. Far below the limit, far above a glyph.
const SPREAD_LIMIT = 30_000;

// The private dictionary fields `wrap` copies into the CFF (each then encoded as a number or an array of numbers).
const PRIVATE_FIELDS = [
  'BlueValues',
  'OtherBlues',
  'FamilyBlues',
  'FamilyOtherBlues',
  'StemSnapH',
  'StemSnapV',
  'BlueShift',
  'BlueFuzz',
  'BlueScale',
  'LanguageGroup',
  'ExpansionFactor',
  'ForceBold',
  'StdHW',
  'StdVW',
];

const isNumber = (value: unknown): boolean => typeof value === 'number';

/** `every` by index: Array.prototype.every skips holes, where pdf.js would read undefined. */
function all(array: unknown[], test: (item: unknown) => boolean, count = array.length): boolean {
  for (let i = 0; i < count; i++) if (!test(array[i])) return false;
  return true;
}

function numbers(value: unknown, count: number): boolean {
  return Array.isArray(value) && value.length >= count && all(value, isNumber, count);
}

function spreadable(value: unknown): boolean {
  return Array.isArray(value) && value.length <= SPREAD_LIMIT;
}

/**
 * Whether pdf.js 4.10's `Type1Font.wrap` and `CFFCompiler.compile` certainly succeed on this program (then its CFF
 * can be left out). They throw on: a FontMatrix or FontBBox missing or short (`encodeNumber(undefined)`), a private
 * field that is neither a number nor numbers (`StdHW` of an empty array is undefined), a glyph name that is no
 * string (`stringToBytes`), a glyph program or subroutine past the spread limit. Everything else they do is
 * arithmetic on numbers and arrays that cannot fail.
 */
export function type1CffCannotFail(
  name: unknown,
  glyphs: unknown,
  charstrings: unknown,
  subrs: unknown,
  properties: { fontMatrix?: unknown; bbox?: unknown; privateData?: unknown },
): boolean {
  if (typeof name !== 'string' || name.length > SPREAD_LIMIT) return false;
  if (!numbers(properties.fontMatrix, 6) || !numbers(properties.bbox, 4)) return false;
  if (!Array.isArray(glyphs) || !Array.isArray(charstrings) || !Array.isArray(subrs)) return false;
  if (glyphs.length !== charstrings.length || !all(glyphs, spreadable) || !all(subrs, spreadable)) return false;
  const namesFit = all(charstrings, (c) => {
    const glyphName = (c as { glyphName?: unknown } | null)?.glyphName;
    return typeof glyphName === 'string' && glyphName.length <= SPREAD_LIMIT;
  });
  if (!namesFit) return false;
  const privateData = properties.privateData;
  if (typeof privateData !== 'object' || privateData === null) return false;
  return PRIVATE_FIELDS.every((field) => {
    if (!(field in privateData)) return true;
    const value = (privateData as Record<string, unknown>)[field];
    return isNumber(value) || (Array.isArray(value) && all(value, isNumber));
  });
}
