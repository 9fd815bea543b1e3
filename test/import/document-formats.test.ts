import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { foldPdfCharacters } from '../../src/document-readers/fold-pdf-characters.js';
import { fontlessDocument } from '../../src/document-readers/fontless-document.js';
import { loadPdfJs, pdfjsDataUrls } from '../../src/document-readers/load-pdfjs.js';
import {
  type RawPage,
  readOperatorTextRuns,
  readRawPage,
  readTextRuns,
} from '../../src/document-readers/read-pdf-geometry.js';
import { createSameThreadPdfWorker } from '../../src/document-readers/same-thread-pdf-worker.js';
import type { Finding, Vision } from '../../src/domain/vision.js';
import { type ParsedDocument, parseDocumentBytes } from '../../src/service/parse-document-bytes.js';
import { convertDocxToPdf, printHtmlToPdf } from '../fixtures/documents/convert-documents.js';
import { writeDocx } from '../fixtures/documents/write-docx.js';
import { writeHtml } from '../fixtures/documents/write-html.js';
import { browserSkipReason } from '../helpers/browser.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';

// The seed and every importer fixture, made the way towns make them: typed into Word (tables for the sheets), saved
// as PDF by LibreOffice Writer, and printed to PDF by Chromium from an HTML page. Each must give the data the text
// gives, field by field. Generated once for the file: LibreOffice converts all of them in one run.
const DOCUMENTS: Record<string, string> = {
  seed: SEED_DOCUMENT,
  'other-area-seven-partners': 'test/fixtures/import/other-area-seven-partners.txt',
  'teiju-split-matrix': 'test/fixtures/import/teiju-split-matrix.txt',
  'noisy-revision': 'test/fixtures/import/noisy-revision.txt',
};

type Made = { text: string; docx: Uint8Array; libreOfficePdf: Uint8Array; chromiumPdf: Uint8Array | null };
const made: Record<string, Made> = {};

before(async () => {
  const texts = Object.fromEntries(Object.entries(DOCUMENTS).map(([name, file]) => [name, readRepoText(file)]));
  const docx = Object.fromEntries(Object.entries(texts).map(([name, text]) => [name, writeDocx(text)]));
  const [pdfs, printed] = await Promise.all([
    convertDocxToPdf(docx),
    browserSkipReason ? null : printHtmlToPdf({ seed: writeHtml(texts.seed as string) }),
  ]);
  for (const name of Object.keys(DOCUMENTS)) {
    made[name] = {
      text: texts[name] as string,
      docx: docx[name] as Uint8Array,
      libreOfficePdf: pdfs[name] as Uint8Array,
      chromiumPdf: printed?.[name] ?? null,
    };
  }
});

/**
 * What must be equal across formats: everything but where things stand (source lines, a finding's line and page,
 * a line number quoted in a message) and the spacing of a quoted source line, which differ because a PDF row holds
 * what took the text several lines.
 */
function comparable(vision: Vision): unknown {
  return JSON.parse(
    JSON.stringify(vision, (key, value) => {
      if (key === 'source' || key === 'line' || key === 'page') return undefined;
      if (key === 'message' && typeof value === 'string') return value.replace(/\d+行/g, 'N行');
      // an excerpt quotes the source line as read: its spacing is the format's
      if (key === 'excerpt' && typeof value === 'string') return value.replace(/\s+/g, '');
      return value;
    }),
  );
}

/** Field by field, so that a failure names the project and the field rather than dumping two visions. */
function assertSameData(actual: Vision, expected: Vision, label: string): void {
  const a = comparable(actual) as Record<string, unknown> & { projects: Record<string, unknown>[] };
  const e = comparable(expected) as Record<string, unknown> & { projects: Record<string, unknown>[] };
  for (const key of ['area', 'plan', 'structure', 'findings']) assert.deepEqual(a[key], e[key], `${label}: ${key}`);
  assert.equal(a.projects.length, e.projects.length, `${label}: number of projects`);
  e.projects.forEach((project, i) => {
    for (const field of Object.keys(project)) {
      assert.deepEqual(a.projects[i]?.[field], project[field], `${label}: project ${project.number} ${field}`);
    }
  });
}

async function parse(name: string, bytes: Uint8Array): Promise<ParsedDocument> {
  return parseDocumentBytes({ fileName: name, bytes });
}

for (const name of Object.keys(DOCUMENTS)) {
  test(`${name}: the Word file gives the data of the text`, async () => {
    const doc = made[name] as Made;
    const fromText = await parse(`${name}.txt`, new TextEncoder().encode(doc.text));
    const fromDocx = await parse(`${name}.docx`, doc.docx);
    assertSameData(fromDocx.vision, fromText.vision, `${name}.docx`);
    assert.ok(
      fromDocx.findings.every((f) => f.page === undefined),
      'Word has no pages',
    );
  });

  test(`${name}: the PDF LibreOffice saved gives the data of the text`, async () => {
    const doc = made[name] as Made;
    const fromText = await parse(`${name}.txt`, new TextEncoder().encode(doc.text));
    const fromPdf = await parse(`${name}.pdf`, doc.libreOfficePdf);
    assertSameData(fromPdf.vision, fromText.vision, `${name}.pdf (LibreOffice)`);
    await assertFindingsOnTheirPage(fromPdf, doc.libreOfficePdf);
    if (name === 'seed') {
      const pages = new Set(fromPdf.findings.map((f) => f.page));
      assert.ok(pages.size > 1, `the seed's findings stand on several pages: ${[...pages].join(', ')}`);
    }
  });
}

test('seed: the PDF Chromium printed gives the data of the text', { skip: browserSkipReason }, async () => {
  const doc = made.seed as Made;
  const fromText = await parse('seed.txt', new TextEncoder().encode(doc.text));
  const fromPdf = await parse('seed.pdf', doc.chromiumPdf as Uint8Array);
  // Two things no PDF reader can get back from Chromium's output, and only these, are evened out on both sides:
  // its fonts draw ～ and 〜 with one glyph and name it 〜; it draws no space glyphs, so a space where a line
  // broke between Latin and Japanese text (`RPA の活用`) leaves no trace.
  const even = (v: Vision): Vision =>
    JSON.parse(
      JSON.stringify(v)
        .replace(/〜/g, '～')
        .replace(/(?<=[A-Za-z]) (?=[ぁ-んァ-ヶ一-龠])/g, ''),
    );
  assertSameData(even(fromPdf.vision), even(fromText.vision), 'seed.pdf (Chromium)');
  await assertFindingsOnTheirPage(fromPdf, doc.chromiumPdf as Uint8Array);
});

/** Every page's text runs, strokes and shown text, with pdf.js set up as given. */
async function rawPages(pdf: Uint8Array, options: Record<string, unknown>): Promise<RawPage[]> {
  const pdfjs = await loadPdfJs();
  const common = { data: new Uint8Array(pdf), ...pdfjsDataUrls(), cMapPacked: true, verbosity: 0 };
  const doc = await pdfjs.getDocument({ ...common, ...options }).promise;
  const pages: RawPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push(await readRawPage(await doc.getPage(n), pdfjs));
  await doc.destroy();
  return pages;
}

test('pdf.js without glyph outlines, over the same-thread worker, reads what its own fake worker reads', async () => {
  const pdfjs = await loadPdfJs();
  const pdfs = [made.seed?.libreOfficePdf, made.seed?.chromiumPdf].filter((p): p is Uint8Array => !!p);
  for (const pdf of pdfs) {
    const worker = createSameThreadPdfWorker(pdfjs);
    const ours = await rawPages(pdf, { worker, disableFontFace: false, ownerDocument: fontlessDocument() });
    worker.destroy();
    assert.deepEqual(ours, await rawPages(pdf, { disableFontFace: true }));
  }
});

// LibreOffice's pages hold nothing the port leaves to getTextContent: every page is read from its operator list
test('the text runs read from the operator list are those getTextContent gives, page by page', async () => {
  const pdfjs = await loadPdfJs();
  for (const [name, doc] of Object.entries(made)) {
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(doc.libreOfficePdf), ...pdfjsDataUrls(), verbosity: 0 })
      .promise;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const runs = readOperatorTextRuns(page, await page.getOperatorList(), pdfjs);
      assert.ok(runs, `${name}.pdf page ${n}: read from its operator list`);
      assert.deepEqual(runs, await readTextRuns(page), `${name}.pdf page ${n}`);
    }
    await pdf.destroy();
  }
});

/** Text of each page as pdf.js gives it, without spaces: an independent check of the page a finding names. */
async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join('');
    texts.push(foldPdfCharacters(text).replace(/\s+/g, ''));
  }
  await doc.destroy();
  return texts;
}

/** Every finding with a line names the page that line was read from, and that page holds the line's text. */
async function assertFindingsOnTheirPage(parsed: ParsedDocument, pdf: Uint8Array): Promise<void> {
  const pages = await pageTexts(pdf);
  const lines = parsed.text.split('\n');
  const located = parsed.findings.filter((f): f is Finding & { line: number } => f.line !== null);
  for (const finding of located) {
    assert.ok(finding.page !== undefined, `finding ${finding.code} on line ${finding.line} has a page`);
    const cells = (lines[finding.line - 1] ?? '').split('\t').map((c) => c.replace(/<[^>]+>|\s+/g, ''));
    const longest = cells.reduce((a, b) => (b.length > a.length ? b : a), '');
    const page = pages[(finding.page ?? 0) - 1] ?? '';
    assert.ok(
      page.includes(longest.slice(0, 12)),
      `finding ${finding.code} (line ${finding.line}, page ${finding.page}): page holds «${longest.slice(0, 12)}»`,
    );
  }
}

test('the Word generator is deterministic: the same text gives the same bytes', () => {
  const text = readRepoText(SEED_DOCUMENT);
  assert.deepEqual(writeDocx(text), writeDocx(text));
});
