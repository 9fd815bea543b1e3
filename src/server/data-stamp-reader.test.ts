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

/** A read function whose answers the test gives, in order; counts the reads started. */
function controlledReads() {
  const pending: { resolve: (stamp: string) => void; reject: (error: Error) => void }[] = [];
  const read = () =>
    new Promise<string>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return { read, pending, started: () => pending.length };
}

/** Whether a promise has settled by the time the queued callbacks have run. */
async function settledValue(promise: Promise<string>): Promise<string | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
}

test('the next read starts in the last quarter of the ttl and no call waits for it', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 0 });
  const reads = controlledReads();
  const stamp = createDataStampReader(reads.read, 1000);
  const first = stamp();
  reads.pending[0]?.resolve('r1');
  assert.equal(await first, 'r1');
  t.mock.timers.tick(500);
  assert.equal(await stamp(), 'r1');
  assert.equal(reads.started(), 1, 'no read in the first three quarters');
  t.mock.timers.tick(300); // 800 ms
  assert.equal(await settledValue(stamp()), 'r1', 'the call that starts the next read is answered at once');
  assert.equal(reads.started(), 2);
  t.mock.timers.tick(100);
  assert.equal(await settledValue(stamp()), 'r1');
  assert.equal(reads.started(), 2, 'one read ahead at a time');
  reads.pending[1]?.resolve('r2');
  await settledValue(Promise.resolve(''));
  assert.equal(await stamp(), 'r2', 'the new stamp is served once it has answered');
  // r2's read started at 800 ms: fresh until 1800, read ahead from 1550
  t.mock.timers.tick(800); // 1700 ms
  assert.equal(await settledValue(stamp()), 'r2');
  assert.equal(reads.started(), 3);
  t.mock.timers.tick(150); // 1850 ms: r2 is too old, the read started at 1700 has not answered
  const waiting = stamp();
  assert.equal(await settledValue(waiting), 'pending', 'a stamp older than the ttl is never served');
  assert.equal(reads.started(), 3, 'the read already under way is awaited, not a new one');
  reads.pending[2]?.resolve('r3');
  assert.equal(await waiting, 'r3');
});

test('after a quiet spell the stamp is read again before answering; a failed read ahead is retried', async (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 0 });
  const reads = controlledReads();
  const stamp = createDataStampReader(reads.read, 1000);
  const first = stamp();
  reads.pending[0]?.resolve('r1');
  await first;
  t.mock.timers.tick(800);
  assert.equal(await stamp(), 'r1');
  reads.pending[1]?.reject(new Error('down'));
  await settledValue(Promise.resolve(''));
  assert.equal(await stamp(), 'r1', 'still within the ttl of r1');
  assert.equal(reads.started(), 3, 'the failed read ahead is tried again');
  t.mock.timers.tick(5000);
  const later = stamp();
  assert.equal(await settledValue(later), 'pending');
  assert.equal(reads.started(), 4);
  reads.pending[3]?.resolve('r4');
  assert.equal(await later, 'r4');
});
