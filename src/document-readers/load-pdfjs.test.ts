import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPdfJs } from './load-pdfjs.js';

test('loadPdfJs loads the worker module and leaves the engine its own Array.prototype.push', async () => {
  const enginePush = Array.prototype.push;
  const pdfjs = await loadPdfJs();
  assert.equal(typeof pdfjs.getDocument, 'function');
  assert.equal(Array.prototype.push, enginePush);
  assert.equal(Object.getOwnPropertyDescriptor(Array.prototype, 'push')?.enumerable, false);
  assert.equal(
    typeof (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler,
    'function',
  );
});
