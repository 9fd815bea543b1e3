import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadPdfJs } from './load-pdfjs.js';

test('loadPdfJs loads the worker module and leaves the engine its own Array.prototype.push', async () => {
  const enginePush = Array.prototype.push;
  const sourceMaps = process.sourceMapsEnabled;
  const pdfjs = await loadPdfJs();
  assert.equal(process.sourceMapsEnabled, sourceMaps, 'source maps are as they were');
  assert.equal(typeof pdfjs.getDocument, 'function');
  assert.equal(Array.prototype.push, enginePush);
  assert.equal(Object.getOwnPropertyDescriptor(Array.prototype, 'push')?.enumerable, false);
  assert.equal(
    typeof (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler,
    'function',
  );
});
