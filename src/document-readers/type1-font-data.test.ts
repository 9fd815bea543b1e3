import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { loadPdfJs, runWorkerScript } from './load-pdfjs.js';
import { PATCHED_PDFJS_VERSION, patchPdfWorkerSource, SKIP_HOOK, type1CffCannotFail } from './type1-font-data.js';

const workerFile = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
const shipped = readFileSync(workerFile, 'utf8');

test('the changes fit the pdf.js worker module shipped, and only it', () => {
  const patched = patchPdfWorkerSource(shipped);
  assert.ok(patched, `the changes fit pdf.js ${PATCHED_PDFJS_VERSION} (a new pdf.js needs them read again)`);
  assert.ok(patched.includes(`__webpack_exports__.${SKIP_HOOK}?.(name, type2Charstrings`));
  assert.ok(patched.includes('if (font instanceof Type1Font && font.data === null) return null;'));
  assert.ok(!patched.includes('sourceMappingURL='));
  assert.ok(!patched.includes('export {'), 'a script: the export is its value');
  const version = `const pdfjsVersion = "${PATCHED_PDFJS_VERSION}";`;
  assert.equal(patchPdfWorkerSource(shipped.replace(version, 'const pdfjsVersion = "4.10.39";')), undefined);
  assert.equal(patchPdfWorkerSource(shipped.replace('this.data = this.wrap(', 'this.data = this.wrap2(')), undefined);
  const twice = `${shipped}\nconst unitsPerEm = 0;\n    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(`;
  assert.equal(patchPdfWorkerSource(twice), undefined, 'a text found twice is not changed');
});

test('loadPdfJs gives the worker module the question', async () => {
  await loadPdfJs();
  const { pdfjsWorker } = globalThis as { pdfjsWorker?: Record<string, unknown> };
  assert.equal(pdfjsWorker?.[SKIP_HOOK], type1CffCannotFail);
});

test('a changed worker script that does not run leaves the module to be imported as shipped', () => {
  assert.equal(
    runWorkerScript('(function () { throw new Error("changed wrongly"); })();', 'pdf.worker.mjs'),
    undefined,
  );
  assert.equal(runWorkerScript('(function () { return {', 'pdf.worker.mjs'), undefined, 'a syntax error');
  assert.deepEqual(runWorkerScript('(function () { return { a: 1 }; })();', 'pdf.worker.mjs'), { a: 1 });
});

/** A Type 1 program as pdf.js 4.10's Type1Font holds it when it asks. */
function program() {
  const charstrings = [
    { glyphName: '.notdef', charstring: [139, 14] },
    { glyphName: 'uni3042', charstring: [139, 139, 13, 14] },
  ];
  return {
    name: 'BAAAAA+NotoSansCJKjp-Regular',
    glyphs: charstrings.map((c) => c.charstring),
    charstrings,
    subrs: Array.from({ length: 107 }, () => [0x0b]),
    properties: {
      fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
      bbox: [-1000, -300, 3000, 1000],
      privateData: Object.assign(Object.create(null), { lenIV: 4, BlueValues: [-13, 0, 880, 893], StdHW: 40 }),
    },
  };
}

function ask(p: ReturnType<typeof program>): boolean {
  return type1CffCannotFail(p.name, p.glyphs, p.charstrings, p.subrs, p.properties);
}

test('a well-formed program leaves its CFF out', () => {
  assert.equal(ask(program()), true);
});

test('a program pdf.js might fail to compile takes the normal path', () => {
  const cases: [string, (p: ReturnType<typeof program>) => void][] = [
    ['no FontBBox', (p) => Object.assign(p.properties, { bbox: undefined })],
    ['a short FontMatrix', (p) => Object.assign(p.properties, { fontMatrix: [0.001, 0, 0, 0.001] })],
    ['a FontBBox of a name', (p) => Object.assign(p.properties, { bbox: [0, 0, 'x', 0] })],
    ['StdHW of an empty array', (p) => Object.assign(p.properties.privateData, { StdHW: undefined })],
    ['a blue zone that is no number', (p) => Object.assign(p.properties.privateData, { BlueValues: [0, null] })],
    ['no private dictionary', (p) => Object.assign(p.properties, { privateData: undefined })],
    ['a glyph without a name', (p) => Object.assign(p.charstrings[1] as object, { glyphName: null })],
    ['a subroutine missing', (p) => p.subrs.splice(3, 1, undefined as unknown as number[])],
    ['a hole among the glyphs', (p) => delete p.glyphs[1]],
    ['a glyph program past the spread limit', (p) => p.glyphs.splice(1, 1, new Array(200_000).fill(139))],
    ['a font name that is not a string', (p) => Object.assign(p, { name: 12 })],
  ];
  for (const [what, change] of cases) {
    const p = program();
    change(p);
    assert.equal(ask(p), false, what);
  }
});
