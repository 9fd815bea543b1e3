import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../domain/vision.js';
import { parseDocument } from '../import/parse-document.js';
import { packageRoot } from '../package-root.js';
import { ImportRejectedError } from './import-rejected-error.js';
import { type DocumentParser, type ParsedDocument, parseDocumentBytes, refuse } from './parse-document-bytes.js';

export type WorkerRequest = { fileName: string; bytes: Uint8Array };
export type WorkerReply =
  | { kind: 'parsed'; parsed: ParsedDocument }
  | { kind: 'rejected'; fileName: string; findings: Finding[] }
  | { kind: 'failed'; message: string };

const MEGABYTE = 1024 * 1024;

/**
 * The worker's heap: a base for pdf.js and the importer, plus room in proportion to the document (a PDF's pages
 * are read one at a time, but the text, the lines and the vision grow with it), capped.
 */
export function workerHeapLimitMb(byteLength: number): number {
  return Math.min(2048, 256 + Math.ceil((32 * byteLength) / MEGABYTE));
}

/**
 * The worker: the build's entry `dist/service/parse-document-worker.js` (scripts/build.mjs); under tsx (tests, the
 * CLI) a small script that registers tsx in the worker (loader hooks are not inherited by workers on Node 20) and
 * imports the `.ts` worker.
 */
function workerSource(): { source: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts'))
    return { source: path.join(packageRoot, 'dist', 'service', 'parse-document-worker.js'), eval: false };
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const worker = JSON.stringify(new URL('./parse-document-worker.ts', import.meta.url).href);
  const source = `import(${api}).then((tsx) => { tsx.register(); return import(${worker}); });`;
  return { source, eval: true };
}

/**
 * parseDocumentBytes in a worker thread, so that a long PDF does not stop the server answering (/healthz keeps
 * its latency during a big import); its memory is bounded by workerHeapLimitMb. Same result and the same
 * ImportRejectedError as parseDocumentBytes. A caller's own parser (tests) cannot cross threads: it runs here.
 */
export async function parseDocumentBytesInWorker(
  input: { fileName: string; bytes: Uint8Array },
  parse: DocumentParser = parseDocument,
): Promise<ParsedDocument> {
  if (parse !== parseDocument) return parseDocumentBytes(input, parse);
  const { source, eval: isEval } = workerSource();
  const request: WorkerRequest = { fileName: input.fileName, bytes: new Uint8Array(input.bytes) };
  const worker = new Worker(source, {
    eval: isEval,
    // the parent's flags, less those a worker refuses (`node --input-type=module -e …`)
    execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
    workerData: request,
    transferList: [request.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: workerHeapLimitMb(input.bytes.byteLength) },
  });
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the document reader stopped (exit code ${code})`)));
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw tooLarge(input.fileName, input.bytes.byteLength);
    }
    throw error;
  });
  await worker.terminate();
  if (reply.kind === 'rejected') throw new ImportRejectedError(reply.fileName, reply.findings);
  if (reply.kind === 'failed') throw new Error(reply.message);
  return reply.parsed;
}

function tooLarge(fileName: string, byteLength: number): ImportRejectedError {
  return refuse(
    fileName,
    `文書（${Math.ceil(byteLength / MEGABYTE)} MB）を読むのに使えるメモリ（${workerHeapLimitMb(byteLength)} MB）を超えました。章ごとに分けたファイルを指定してください。`,
  );
}
