/**
 * Parse time of the seed as text, as Word (.docx) and as PDF (LibreOffice Writer), in one run, and of synthetic
 * documents with 2× and 4× its projects (pages grow with them: linear growth means flat time per page); then the
 * latency of a /healthz beside a big PDF parse, in this thread and in the worker the web import uses.
 * Run: npx tsx bench/document-formats-bench.ts [runs]
 * Targets: PDF and .docx ≤ 10× the text parse; time per page flat; /healthz p99 ≤ 100 ms during a worker parse.
 * Needs LibreOffice Writer (`soffice`, Debian libreoffice-writer-nogui) to make the PDFs.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadPdfJs } from '../src/document-readers/load-pdfjs.js';
import { parseDocumentBytes } from '../src/service/parse-document-bytes.js';
import { parseDocumentBytesInWorker } from '../src/service/parse-document-bytes-in-worker.js';
import { convertDocxToPdf } from '../test/fixtures/documents/convert-documents.js';
import { writeDocx } from '../test/fixtures/documents/write-docx.js';
import { buildSyntheticDocument } from './synthetic-document.js';

const runs = Number(process.argv[2] ?? 5);
const seed = readFileSync(new URL('../samples/aomori-vision-r4-03.txt', import.meta.url), 'utf8');
const FACTORS = [1, 2, 4];

type Sample = { name: string; bytes: Uint8Array };

async function medianMs(sample: Sample): Promise<{ ms: number; projects: number }> {
  let projects = 0;
  await parseDocumentBytes({ fileName: sample.name, bytes: sample.bytes }); // warm-up (JIT, pdf.js loading)
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    projects = (await parseDocumentBytes({ fileName: sample.name, bytes: sample.bytes })).vision.projects.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? Number.NaN, projects };
}

async function pageCount(pdf: Uint8Array): Promise<number> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  return pages;
}

console.log(`making the documents (LibreOffice Writer)… runs per figure: ${runs}`);
const texts = Object.fromEntries(FACTORS.map((f) => [`x${f}`, f === 1 ? seed : buildSyntheticDocument(seed, f)]));
const docx = Object.fromEntries(Object.entries(texts).map(([k, t]) => [k, writeDocx(t)]));
const pdfs = await convertDocxToPdf(docx);

console.log('\nparse time (median), parseDocumentBytes in this process');
console.log('size  pages  projects  text ms  docx ms  pdf ms  docx/text  pdf/text  pdf ms/page');
for (const key of Object.keys(texts)) {
  const text = await medianMs({ name: `${key}.txt`, bytes: new TextEncoder().encode(texts[key]) });
  const word = await medianMs({ name: `${key}.docx`, bytes: docx[key] as Uint8Array });
  const pdf = await medianMs({ name: `${key}.pdf`, bytes: pdfs[key] as Uint8Array });
  const pages = await pageCount(pdfs[key] as Uint8Array);
  console.log(
    [
      key.padEnd(4),
      String(pages).padStart(5),
      String(pdf.projects).padStart(9),
      text.ms.toFixed(1).padStart(8),
      word.ms.toFixed(1).padStart(8),
      pdf.ms.toFixed(0).padStart(7),
      (word.ms / text.ms).toFixed(1).padStart(10),
      (pdf.ms / text.ms).toFixed(1).padStart(9),
      (pdf.ms / pages).toFixed(1).padStart(12),
    ].join(' '),
  );
}

/** /healthz latencies (ms) while `work` runs: a request every 10 ms on one keep-alive connection. */
async function healthzDuring(work: () => Promise<unknown>): Promise<number[]> {
  const server = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  const latencies: number[] = [];
  let done = false;
  const poll = (async () => {
    while (!done) {
      const start = performance.now();
      await (await fetch(url)).text();
      latencies.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  await work();
  done = true;
  await poll;
  server.close();
  return latencies.sort((a, b) => a - b);
}

function describe(latencies: number[]): string {
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? Number.NaN;
  return `n=${latencies.length} p50 ${q(0.5).toFixed(1)} ms, p99 ${q(0.99).toFixed(1)} ms, max ${q(1).toFixed(1)} ms`;
}

const big = { fileName: 'x4.pdf', bytes: pdfs.x4 as Uint8Array };
console.log('\n/healthz beside a parse of the 4× PDF');
console.log(`  idle:                ${describe(await healthzDuring(() => new Promise((r) => setTimeout(r, 2000))))}`);
console.log(`  parse in this thread: ${describe(await healthzDuring(() => parseDocumentBytes(big)))}`);
console.log(`  parse in the worker:  ${describe(await healthzDuring(() => parseDocumentBytesInWorker(big)))}`);
