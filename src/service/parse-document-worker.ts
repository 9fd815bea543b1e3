// The worker thread of parseDocumentBytesInWorker: reads documents one at a time and posts each result (or the
// refusal) back. The first request comes as workerData (nothing can be lost before a listener exists), the next
// ones as messages when the worker is reused: pdf.js stays loaded and compiled between imports.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportRejectedError } from './import-rejected-error.js';
import { parseDocumentBytes } from './parse-document-bytes.js';
import type { WorkerReply, WorkerRequest } from './parse-document-bytes-in-worker.js';

async function run(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const parsed = await parseDocumentBytes({ fileName: request.fileName, bytes: request.bytes });
    return { kind: 'parsed', parsed };
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return { kind: 'rejected', fileName: error.fileName, findings: [...error.findings] };
    }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

async function answer(request: WorkerRequest): Promise<void> {
  parentPort?.postMessage(await run(request));
}

parentPort?.on('message', (request: WorkerRequest) => void answer(request));
await answer(workerData as WorkerRequest);
