import type { PDFWorker } from 'pdfjs-dist/types/src/display/api.js';
import type { PdfJs } from './load-pdfjs.js';

type Listener = (event: { data: unknown }) => void;
type Message = { chunk?: unknown } | null | undefined;

/**
 * A copy of a stream chunk the worker side may change once it is sent: it empties an operator list chunk's
 * `fnArray` and `argsArray` for the next chunk (OperatorList.flush), and gives the text content object new
 * `items` and `styles` (getTextContent's enqueueChunk). The values inside are never changed again: the copy is
 * one level deep.
 */
function detach(message: Message): unknown {
  if (!message || typeof message.chunk !== 'object' || message.chunk === null) return message;
  const chunk: Record<string, unknown> = { ...message.chunk };
  if (Array.isArray(chunk.fnArray)) chunk.fnArray = [...chunk.fnArray];
  if (Array.isArray(chunk.argsArray)) chunk.argsArray = [...chunk.argsArray];
  return { ...message, chunk };
}

/**
 * Both ends of the channel between pdf.js's API and its worker code, on this thread. pdf.js's own fake worker in
 * Node (LoopbackPort) does the same but passes every message through `structuredClone`, as if it crossed threads:
 * 20–30 % of a PDF parse's CPU time, for operator lists and text content that nothing else holds. Messages are
 * delivered later (a microtask), as there.
 */
class SameThreadPort {
  #listeners = new Set<Listener>();
  #delivered = Promise.resolve();

  postMessage(message: Message): void {
    const event = { data: detach(message) };
    void this.#delivered.then(() => {
      for (const listener of this.#listeners) listener.call(this, event);
    });
  }

  addEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.add(listener);
  }

  removeEventListener(_type: 'message', listener: Listener): void {
    this.#listeners.delete(listener);
  }

  terminate(): void {
    this.#listeners.clear();
  }
}

export type PdfWorkerModule = { WorkerMessageHandler: { initializeFromPort(port: SameThreadPort): void } };

/**
 * A pdf.js worker for one document, in this thread, wired as pdf.js wires a real one (the worker module's
 * `WorkerMessageHandler.initializeFromPort`, the API's `new PDFWorker({ port })`), over SameThreadPort.
 * Pass it to `getDocument({ worker })` and destroy it after the document (pdf.js leaves a given worker alone).
 * The worker module is the one loadPdfJs loaded unless one is given (a test compares it with pdf.js as shipped).
 */
export function createSameThreadPdfWorker(
  pdfjs: PdfJs,
  pdfjsWorker = (globalThis as { pdfjsWorker?: PdfWorkerModule }).pdfjsWorker,
): PDFWorker {
  if (!pdfjsWorker) throw new Error('pdf.js worker module not loaded (loadPdfJs loads it)');
  const port = new SameThreadPort();
  pdfjsWorker.WorkerMessageHandler.initializeFromPort(port);
  type Port = NonNullable<ConstructorParameters<PdfJs['PDFWorker']>[0]>['port'];
  return new pdfjs.PDFWorker({ port: port as unknown as Port });
}
