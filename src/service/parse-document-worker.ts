// The worker thread of parseDocumentBytesInWorker: reads one document and posts the result (or the refusal) back.
import { parentPort, workerData } from 'node:worker_threads';
import { ImportRejectedError } from './import-rejected-error.js';
import { parseDocumentBytes } from './parse-document-bytes.js';
import type { WorkerReply, WorkerRequest } from './parse-document-bytes-in-worker.js';

const request = workerData as WorkerRequest;

async function run(): Promise<WorkerReply> {
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

parentPort?.postMessage(await run());
