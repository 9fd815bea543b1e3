import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fontlessDocument } from '../../src/document-readers/fontless-document.js';
import { loadPdfJs, pdfjsDataUrls } from '../../src/document-readers/load-pdfjs.js';
import { type RawPage, readRawPage } from '../../src/document-readers/read-pdf-geometry.js';
import { createSameThreadPdfWorker, type PdfWorkerModule } from '../../src/document-readers/same-thread-pdf-worker.js';
import { SKIP_HOOK } from '../../src/document-readers/type1-font-data.js';
import { convertDocxToPdf } from '../fixtures/documents/convert-documents.js';
import { writeDocx } from '../fixtures/documents/write-docx.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

// LibreOffice embeds its fonts as Type 1 programs, whose CFF conversion loadPdfJs's worker module leaves out
// (type1-font-data.ts). Read with it and with pdf.js's worker module as shipped, every page must give the same
// runs, strokes and shown text: with the ToUnicode maps LibreOffice writes, and without them, when the Unicode
// comes from the font program's own encoding and glyph names.
let pdf: Uint8Array;
let shipped: PdfWorkerModule;

before(async () => {
  pdf = (await convertDocxToPdf({ seed: writeDocx(readRepoText(SEED_DOCUMENT)) })).seed as Uint8Array;
  await loadPdfJs();
  // the module as shipped, loaded beside ours: it sets globalThis.pdfjsWorker and Array.prototype.push, put back
  const global = globalThis as { pdfjsWorker?: unknown };
  const [ours, push] = [global.pdfjsWorker, Array.prototype.push];
  shipped = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown as PdfWorkerModule;
  global.pdfjsWorker = ours;
  Object.defineProperty(Array.prototype, 'push', { value: push });
});

/** Every page's text runs, strokes and shown text, read through the given worker module as readPdfLines reads. */
async function rawPages(bytes: Uint8Array, workerModule?: PdfWorkerModule): Promise<RawPage[]> {
  const pdfjs = await loadPdfJs();
  const worker = createSameThreadPdfWorker(pdfjs, workerModule);
  const options = { disableFontFace: false, ownerDocument: fontlessDocument(), verbosity: 0, cMapPacked: true };
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), worker, ...pdfjsDataUrls(), ...options }).promise;
  const pages: RawPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await readRawPage(await doc.getPage(n), pdfjs));
  await doc.destroy();
  worker.destroy();
  return pages;
}

/** How many fonts our worker module read without their CFF while `work` ran. */
async function fontsLeftOut(work: () => Promise<unknown>): Promise<number> {
  const exports = (globalThis as { pdfjsWorker?: Record<string, unknown> }).pdfjsWorker as Record<string, unknown>;
  const ask = exports[SKIP_HOOK] as (...args: unknown[]) => boolean;
  let count = 0;
  exports[SKIP_HOOK] = (...args: unknown[]) => {
    const yes = ask(...args);
    if (yes) count++;
    return yes;
  };
  try {
    await work();
  } finally {
    exports[SKIP_HOOK] = ask;
  }
  return count;
}

/** The PDF with its ToUnicode entries renamed (same length: the cross-reference offsets still hold). */
function withoutToUnicode(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  assert.ok(text.includes('/ToUnicode'), "LibreOffice's fonts carry ToUnicode maps");
  return new Uint8Array(Buffer.from(text.replaceAll('/ToUnicode', '/NoUnicode'), 'latin1'));
}

test('the Type 1 fonts read without their CFF give what pdf.js as shipped gives', async () => {
  let ours: RawPage[] = [];
  assert.ok((await fontsLeftOut(async () => (ours = await rawPages(pdf)))) > 0, 'some font was left out');
  assert.deepEqual(ours, await rawPages(pdf, shipped));
  assert.ok(
    ours.some((p) => p.runs.some((r) => /[ぁ-ん一-龠]/.test(r.text))),
    'the pages hold Japanese text',
  );
});

test('without ToUnicode maps the fonts map their characters as pdf.js as shipped maps them', async () => {
  const bare = withoutToUnicode(pdf);
  let ours: RawPage[] = [];
  assert.ok((await fontsLeftOut(async () => (ours = await rawPages(bare)))) > 0, 'some font was left out');
  const theirs = await rawPages(bare, shipped);
  assert.deepEqual(ours, theirs);
  assert.ok(
    ours.some((p) => p.runs.length > 0),
    'the pages hold text',
  );
});
