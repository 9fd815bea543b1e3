import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDataStampReader } from './data-stamp-reader.js';

test('reads once within the ttl, again after it, and retries after a failure', async () => {
  let reads = 0;
  let fail = false;
  const stamp = createDataStampReader(async () => {
    reads++;
    if (fail) throw new Error('down');
    return `r${reads}`;
  }, 50);
  assert.deepEqual(await Promise.all([stamp(), stamp(), stamp()]), ['r1', 'r1', 'r1']);
  assert.equal(reads, 1);
  await new Promise((r) => setTimeout(r, 60));
  fail = true;
  await assert.rejects(stamp());
  fail = false;
  assert.equal(await stamp(), 'r3', 'a failed read is not kept');
});

test('a ttl of 0 reads every time', async () => {
  let reads = 0;
  const stamp = createDataStampReader(async () => `r${++reads}`, 0);
  await stamp();
  await stamp();
  assert.equal(reads, 2);
});
