/**
 * Parse time of the seed as text, as Word (.docx) and as PDF (LibreOffice Writer), in one run, and of synthetic
 * documents with 2× and 4× its projects (pages grow with them: linear growth means flat time per page); then the
 * seed PDF through the import worker (a first import, then the next ones), and the latency of a /healthz beside a
 * big PDF parse, in this thread and in the worker the web import uses. Times are medians of `runs` parses, the
 * formats interleaved; CPU time is printed beside the clock because other work on the machine moves the clock.
 * Run: npx tsx bench/document-formats-bench.ts [runs]
 * Targets: PDF and .docx ≤ 10× the text parse; time per page flat; /healthz p99 ≤ 100 ms during a worker parse.
 * Needs LibreOffice Writer (`soffice`, Debian libreoffice-writer-nogui) to make the PDFs.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
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
type Timing = { wallMs: number; cpuMs: number; projects: number };

/** One parse, timed on the clock and in CPU time (the load of other work on the machine moves the clock more). */
async function timeParse(sample: Sample): Promise<Timing> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const parsed = await parseDocumentBytes({ fileName: sample.name, bytes: sample.bytes });
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { wallMs: performance.now() - start, cpuMs, projects: parsed.vision.projects.length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Median clock and CPU time of each format, the formats interleaved run by run (text, docx, pdf, text, …) so that
 * all three share the machine's drift; one warm-up parse of each first (JIT, pdf.js loading).
 */
async function medians(samples: Sample[]): Promise<Timing[]> {
  for (const sample of samples) await timeParse(sample);
  const timings: Timing[][] = samples.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [k, sample] of samples.entries()) timings[k]?.push(await timeParse(sample));
  }
  return timings.map((t) => ({
    wallMs: median(t.map((x) => x.wallMs)),
    cpuMs: median(t.map((x) => x.cpuMs)),
    projects: t[0]?.projects ?? 0,
  }));
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

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

console.log(
  `\nparse time, median of ${runs} (formats interleaved), parseDocumentBytes in this process; load ${load()}`,
);
console.log(
  'size  pages  projects │ clock ms: text    docx     pdf │ CPU ms: text    docx     pdf │ CPU × text: docx   pdf │ pdf CPU ms/page',
);
const perPage: number[] = [];
for (const key of Object.keys(texts)) {
  const [text, word, pdf] = await medians([
    { name: `${key}.txt`, bytes: new TextEncoder().encode(texts[key]) },
    { name: `${key}.docx`, bytes: docx[key] as Uint8Array },
    { name: `${key}.pdf`, bytes: pdfs[key] as Uint8Array },
  ]);
  if (!text || !word || !pdf) throw new Error('a format was not timed');
  const pages = await pageCount(pdfs[key] as Uint8Array);
  perPage.push(pdf.cpuMs / pages);
  const ms = (value: number, width: number) => value.toFixed(1).padStart(width);
  console.log(
    [
      key.padEnd(4),
      String(pages).padStart(5),
      String(pdf.projects).padStart(9),
      ms(text.wallMs, 17),
      ms(word.wallMs, 7),
      ms(pdf.wallMs, 7),
      ms(text.cpuMs, 15),
      ms(word.cpuMs, 7),
      ms(pdf.cpuMs, 7),
      ms(word.cpuMs / text.cpuMs, 18),
      ms(pdf.cpuMs / text.cpuMs, 5),
      ms(pdf.cpuMs / pages, 17),
    ].join(' '),
  );
}
const spread = Math.max(...perPage) / Math.min(...perPage);
console.log(
  `pdf CPU ms per page, largest over smallest: ${spread.toFixed(2)} (1.00 is linear in pages); load ${load()}`,
);

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

// a web import reads in a worker: the first starts it (Node, pdf.js); the next ones find it waiting when it is reused
console.log('\nthe seed PDF through the import worker (parseDocumentBytesInWorker, the path importDocument takes)');
for (const label of ['first import', 'next import ', 'next import ']) {
  const start = performance.now();
  await parseDocumentBytesInWorker({ fileName: 'x1.pdf', bytes: pdfs.x1 as Uint8Array });
  console.log(`  ${label}: ${(performance.now() - start).toFixed(0)} ms on the clock`);
}

const big = { fileName: 'x4.pdf', bytes: pdfs.x4 as Uint8Array };
console.log('\n/healthz beside a parse of the 4× PDF');
console.log(`  idle:                ${describe(await healthzDuring(() => new Promise((r) => setTimeout(r, 2000))))}`);
console.log(`  parse in this thread: ${describe(await healthzDuring(() => parseDocumentBytes(big)))}`);
console.log(`  parse in the worker:  ${describe(await healthzDuring(() => parseDocumentBytesInWorker(big)))}`);
