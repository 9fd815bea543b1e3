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

/** How long a reader worker waits for the next import before it ends (and gives its memory back). */
const IDLE_MS = 30_000;

type ReaderWorker = { worker: Worker; heapLimitMb: number };

/**
 * At most one idle worker, kept for the next import: a new worker starts Node, tsx when under it, and loads and
 * compiles pdf.js and the importer again before it reads anything.
 */
let idle: { reader: ReaderWorker; timer: NodeJS.Timeout } | undefined;

/** The idle worker's thread id, if one is waiting (for tests). */
export function idleReaderThreadId(): number | undefined {
  return idle?.reader.worker.threadId;
}

function startWorker(request: WorkerRequest, heapLimitMb: number): ReaderWorker {
  const { source, eval: isEval } = workerSource();
  const worker = new Worker(source, {
    eval: isEval,
    // the parent's flags, less those a worker refuses (`node --input-type=module -e …`)
    execArgv: process.execArgv.filter((a) => !a.startsWith('--input-type')),
    workerData: request,
    transferList: [request.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
  });
  // an idle worker that ends or fails is forgotten; a failure during an import is awaitReply's
  const forget = () => {
    if (idle?.reader.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = undefined;
  };
  worker.on('error', forget).on('exit', forget);
  return { worker, heapLimitMb };
}

/** The idle worker when its heap is big enough for the document (a smaller one is ended), else a new one. */
function takeWorker(request: WorkerRequest, heapLimitMb: number): ReaderWorker {
  const waiting = idle;
  idle = undefined;
  if (waiting) clearTimeout(waiting.timer);
  if (waiting && waiting.reader.heapLimitMb >= heapLimitMb) {
    waiting.reader.worker.ref();
    waiting.reader.worker.postMessage(request, [request.bytes.buffer as ArrayBuffer]);
    return waiting.reader;
  }
  if (waiting) void waiting.reader.worker.terminate();
  return startWorker(request, heapLimitMb);
}

/** Keeps a worker that answered for the next import, unref'd so that it never holds the process open. */
function releaseWorker(reader: ReaderWorker): void {
  if (idle) {
    void reader.worker.terminate();
    return;
  }
  reader.worker.unref();
  const timer = setTimeout(() => {
    if (idle?.reader !== reader) return;
    idle = undefined;
    void reader.worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle = { reader, timer };
}

function awaitReply(worker: Worker): Promise<WorkerReply> {
  return new Promise<WorkerReply>((resolve, reject) => {
    const settle = () => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    };
    const onMessage = (reply: WorkerReply) => {
      settle();
      resolve(reply);
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onExit = (code: number) => onError(new Error(`the document reader stopped (exit code ${code})`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

/**
 * parseDocumentBytes in a worker thread, so that a long PDF does not stop the server answering (/healthz keeps
 * its latency during a big import); its memory is bounded by workerHeapLimitMb. The worker is kept for
 * IDLE_MS after an import and reused by the next one (pdf.js loaded once). Same result and the same
 * ImportRejectedError as parseDocumentBytes. A caller's own parser (tests) cannot cross threads: it runs here.
 */
export async function parseDocumentBytesInWorker(
  input: { fileName: string; bytes: Uint8Array },
  parse: DocumentParser = parseDocument,
): Promise<ParsedDocument> {
  if (parse !== parseDocument) return parseDocumentBytes(input, parse);
  const request: WorkerRequest = { fileName: input.fileName, bytes: new Uint8Array(input.bytes) };
  const reader = takeWorker(request, workerHeapLimitMb(input.bytes.byteLength));
  const reply = await awaitReply(reader.worker).catch(async (error: unknown) => {
    await reader.worker.terminate(); // a worker that failed (out of memory, a crash) is never reused
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw tooLarge(input.fileName, input.bytes.byteLength);
    }
    throw error;
  });
  releaseWorker(reader);
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
