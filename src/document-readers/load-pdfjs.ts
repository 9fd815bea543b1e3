import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { patchPdfWorkerSource, SKIP_HOOK, type1CffCannotFail } from './type1-font-data.js';

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsPromise: Promise<PdfJs> | undefined;

/**
 * pdf.js, legacy build (the one meant for Node), loaded on first use: a text import never pays for it. Its worker
 * module is loaded with it: in Node pdf.js runs its worker on this thread (the "fake worker") and takes the one
 * already loaded (`globalThis.pdfjsWorker`).
 *
 * Both modules bundle core-js, which on Node 20's V8 (11.3: a wrong error for a push onto an array whose length is
 * read-only) replaces `Array.prototype.push`, for the whole process, with a JavaScript version that cost a PDF
 * parse 8–24 % of its CPU time (bench/README.md) and slows every other push in the process too. pdf.js never
 * pushes onto a read-only length: the engine's push is put back once both are loaded (no module of theirs is
 * evaluated later).
 *
 * core-js also reads `new Error().stack` while it loads (feature tests); with source maps on (`--enable-source-maps`
 * in `npm start`, tsx, and so every import worker) Node then parses both modules' source maps (7 MB): that doubled
 * the load, 1.2–1.3 s instead of 0.6–0.7 s. They are loaded with source maps off (stacks through pdf.js then show
 * its built files' lines).
 *
 * The worker module is loaded from its source with two narrow changes that leave out the Type 1 font files no one
 * draws from (type1-font-data.ts); from the file as shipped when they do not fit it.
 */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    const enginePush = Array.prototype.push;
    const sourceMaps = process.sourceMapsEnabled;
    if (sourceMaps) process.setSourceMapsEnabled(false);
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await importWorkerModule();
      return pdfjs;
    } finally {
      if (sourceMaps) process.setSourceMapsEnabled(true);
      Object.defineProperty(Array.prototype, 'push', { value: enginePush });
    }
  })();
  return pdfjsPromise;
}

/**
 * The worker module, changed by patchPdfWorkerSource and run as a script named after the shipped file when the
 * changes fit it, else imported as shipped. It sets `globalThis.pdfjsWorker` to its exports either way.
 */
async function importWorkerModule(): Promise<void> {
  const file = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const patched = patchPdfWorkerSource(await readFile(file, 'utf8'));
  const exports = patched === undefined ? undefined : runWorkerScript(patched, file);
  if (exports) exports[SKIP_HOOK] = type1CffCannotFail;
  else await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
}

/** The changed worker module's exports, or undefined when its script does not run (then it is imported as shipped). */
export function runWorkerScript(script: string, file: string): Record<string, unknown> | undefined {
  try {
    const exports: unknown = runInThisContext(script, { filename: file });
    return typeof exports === 'object' && exports !== null ? (exports as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Where pdf.js finds the predefined CMaps (Japanese PDFs often use UniJIS-UCS2-H without embedding) and fonts. */
export function pdfjsDataUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    cMapUrl: `${pathToFileURL(path.join(root, 'cmaps')).pathname}/`,
    standardFontDataUrl: `${pathToFileURL(path.join(root, 'standard_fonts')).pathname}/`,
  };
}
