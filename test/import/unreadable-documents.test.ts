import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { operatorActor } from '../../src/domain/access-policy.js';
import { importDocument } from '../../src/service/import-document.js';
import { ImportRejectedError } from '../../src/service/import-rejected-error.js';
import { parseDocumentBytes } from '../../src/service/parse-document-bytes.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { convertDocxToPdf } from '../fixtures/documents/convert-documents.js';
import { writeDocx } from '../fixtures/documents/write-docx.js';
import { readRepoText } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

// Files that are no readable vision document get one clear error each, and nothing is stored.
const SMALL = readRepoText('test/fixtures/import/teiju-split-matrix.txt');
let pdf: Uint8Array;
let encryptedPdf: Uint8Array;

before(async () => {
  const docx = writeDocx(SMALL);
  pdf = (await convertDocxToPdf({ plain: docx })).plain as Uint8Array;
  const password = JSON.stringify({
    EncryptFile: { type: 'boolean', value: 'true' },
    DocumentOpenPassword: { type: 'string', value: 'secret' },
  });
  encryptedPdf = (await convertDocxToPdf({ locked: docx }, `pdf:writer_pdf_Export:${password}`)).locked as Uint8Array;
});

/** A one-page PDF that only paints an image (a 1×1 grey pixel stretched over the page): a scan, no text layer. */
function scannedPdf(): Uint8Array {
  const content = 'q 500 0 0 700 50 70 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(body, (c) => c.charCodeAt(0));
}

function docxWithDocument(xml: string): Uint8Array {
  const files = unzipSync(writeDocx(SMALL));
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files);
}

async function rejection(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    await parseDocumentBytes({ fileName, bytes });
  } catch (error) {
    assert.ok(error instanceof ImportRejectedError, `${fileName}: ImportRejectedError, got ${String(error)}`);
    assert.equal(error.findings.length, 1);
    return error.findings[0]?.message ?? '';
  }
  assert.fail(`${fileName}: expected a rejection`);
}

test('a PDF cut short, an encrypted PDF and a scanned PDF are refused, saying which', async () => {
  assert.match(await rejection('cut.pdf', pdf.subarray(0, Math.floor(pdf.length * 0.6))), /途中で切れています/);
  assert.match(
    await rejection('garbled.pdf', Uint8Array.from([...strToU8('%PDF-1.7\n'), 1, 2, 3, ...strToU8('\n%%EOF\n')])),
    /PDF として読めません/,
  );
  assert.match(await rejection('locked.pdf', encryptedPdf), /パスワード（暗号化）/);
  assert.match(await rejection('scan.pdf', scannedPdf()), /テキスト層）がありません.*OCR は行いません/);
});

test('a corrupt Word file is refused: a cut ZIP, broken XML', async () => {
  const docx = writeDocx(SMALL);
  assert.match(await rejection('cut.docx', docx.subarray(0, Math.floor(docx.length / 2))), /ZIP が壊れています/);
  assert.match(await rejection('broken.docx', docxWithDocument('<w:document><w:body><w:p>')), /XML が壊れています/);
});

test('files are routed by content, not name; what is no vision document says so', async () => {
  // a PDF named .txt is read as a PDF, a text named .pdf as text
  const fromPdf = await parseDocumentBytes({ fileName: 'vision.txt', bytes: pdf });
  assert.ok(fromPdf.vision.projects.length > 0);
  assert.ok(fromPdf.findings.every((f) => f.line === null || f.page !== undefined));
  const fromText = await parseDocumentBytes({ fileName: 'vision.pdf', bytes: strToU8(SMALL) });
  assert.equal(fromText.vision.projects.length, fromPdf.vision.projects.length);
  const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
  assert.match(await rejection('vision.docx', xlsx), /Excel ファイル/);
  assert.match(
    await rejection('vision.txt', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0])),
    /ビジョン文書ではありません/,
  );
  assert.match(await rejection('empty.txt', new Uint8Array()), /文書が空です/);
});

test('a Shift_JIS text export imports like its UTF-8 original, with a note that says how it was read', async () => {
  // Shift_JIS has no U+2014: a Windows export writes its dash as 0x815C, which decodes to ―
  const text = SMALL.replace(/—/g, '―');
  const utf8 = await parseDocumentBytes({ fileName: 'a.txt', bytes: strToU8(text) });
  const sjis = await parseDocumentBytes({ fileName: 'a.txt', bytes: encodeShiftJis(text) });
  assert.deepEqual(sjis.vision.projects, utf8.vision.projects);
  assert.deepEqual(
    sjis.findings.filter((f) => f.code === 'source_converted').map((f) => f.severity),
    ['info'],
  );
  assert.match(sjis.findings[0]?.message ?? '', /Shift_JIS（CP932）/);
});

/** Shift_JIS bytes of a text, from the decoder's own table (Node has no Shift_JIS encoder). */
function encodeShiftJis(text: string): Uint8Array {
  const decoder = new TextDecoder('shift_jis');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const c = decoder.decode(Uint8Array.from([lead, trail]));
      if (c.length === 1 && c !== '\uFFFD' && !table.has(c)) table.set(c, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) bytes.push(c.charCodeAt(0));
    else {
      const pair = table.get(c);
      assert.ok(pair, `no Shift_JIS code for ${c}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

let database: OpenDatabase;
let dir: string;
before(async () => {
  database = await openMigrated(pgliteEngine);
  dir = await mkdtemp(path.join(os.tmpdir(), 'renkei-unreadable-'));
});
after(async () => {
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

test('an unreadable document stores nothing', async () => {
  for (const [fileName, bytes] of [
    ['locked.pdf', encryptedPdf],
    ['scan.pdf', scannedPdf()],
    ['cut.docx', writeDocx(SMALL).subarray(0, 200)],
  ] as const) {
    await assert.rejects(importDocument(database.db, operatorActor('cli'), { fileName, bytes }), ImportRejectedError);
  }
  const areas = await database.db.selectFrom('area').select('id').execute();
  const documents = await database.db.selectFrom('source_document').select('id').execute();
  assert.deepEqual([areas.length, documents.length], [0, 0]);
});

test('renkei parse: an empty file prints its error on stderr and no JSON on stdout', async () => {
  const file = path.join(dir, 'empty.txt');
  await writeFile(file, '');
  const run = await runRenkei(['parse', file]);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /文書が空です/);
});

test('renkei parse reads a PDF and a Word file', async () => {
  const file = path.join(dir, 'vision.pdf');
  await writeFile(file, pdf);
  const run = await runRenkei(['parse', file]);
  assert.equal(run.code, 0, run.stderr);
  assert.ok((JSON.parse(run.stdout) as { projects: unknown[] }).projects.length > 0);
});
