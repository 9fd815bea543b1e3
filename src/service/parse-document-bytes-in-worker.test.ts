import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ImportRejectedError } from './import-rejected-error.js';
import { parseDocumentBytes } from './parse-document-bytes.js';
import { idleReaderThreadId, parseDocumentBytesInWorker, workerHeapLimitMb } from './parse-document-bytes-in-worker.js';

const seed = readFileSync(fileURLToPath(new URL('../../samples/aomori-vision-r4-03.txt', import.meta.url)));

test('the worker gives what parseDocumentBytes gives', async () => {
  const input = { fileName: 'seed.txt', bytes: new Uint8Array(seed) };
  const inWorker = await parseDocumentBytesInWorker(input);
  assert.deepEqual(inWorker, await parseDocumentBytes(input));
  assert.deepEqual(input.bytes, new Uint8Array(seed), "the caller's bytes are left as they were");
});

test('a refusal in the worker is the same ImportRejectedError', async () => {
  const error = await parseDocumentBytesInWorker({ fileName: 'empty.txt', bytes: new Uint8Array() }).catch((e) => e);
  assert.ok(error instanceof ImportRejectedError);
  assert.equal(error.fileName, 'empty.txt');
  assert.match(error.findings[0]?.message ?? '', /文書が空です/);
});

test('the next import reuses the waiting worker, which answers as a new one does', async () => {
  const input = { fileName: 'seed.txt', bytes: new Uint8Array(seed) };
  const first = await parseDocumentBytesInWorker(input);
  const waiting = idleReaderThreadId();
  assert.notEqual(waiting, undefined, 'the worker waits for the next import');
  const refusal = await parseDocumentBytesInWorker({ fileName: 'empty.txt', bytes: new Uint8Array() }).catch((e) => e);
  assert.ok(refusal instanceof ImportRejectedError);
  assert.equal(idleReaderThreadId(), waiting, 'a refusal leaves the worker usable');
  assert.deepEqual(await parseDocumentBytesInWorker(input), first);
  assert.equal(idleReaderThreadId(), waiting);
});

test("a caller's own parser (which cannot cross threads) runs in this thread", async () => {
  let called = false;
  await parseDocumentBytesInWorker({ fileName: 'a.txt', bytes: seed }, (text) => {
    called = true;
    return parseDocumentBytesSync(text);
  });
  assert.ok(called);
});

function parseDocumentBytesSync(_text: string) {
  return { vision: { findings: [] } as never, findings: [] };
}

test('the worker heap grows with the document, within bounds', () => {
  assert.equal(workerHeapLimitMb(0), 256);
  assert.ok(workerHeapLimitMb(10 * 1024 * 1024) > workerHeapLimitMb(1024 * 1024));
  assert.equal(workerHeapLimitMb(1024 * 1024 * 1024), 2048);
});
