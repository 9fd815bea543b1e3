// pdf.js ships no types for its worker module; loading it sets `globalThis.pdfjsWorker`, which is all we use.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
