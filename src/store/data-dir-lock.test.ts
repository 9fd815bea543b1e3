import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { lockDataDir } from './data-dir-lock.js';

test('a data directory is claimed by one opener at a time; a dead owner’s lock is taken over', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'renkei-lock-'));
  try {
    const release = await lockDataDir(dir);
    await assert.rejects(lockDataDir(dir), (error: { code?: string; userMessage?: string }) => {
      assert.equal(error.code, 'CONFLICT');
      assert.match(error.userMessage ?? '', new RegExp(`pid ${process.pid}`));
      return true;
    });
    await release();
    assert.equal(existsSync(path.join(dir, 'renkei.lock')), false);

    await writeFile(path.join(dir, 'renkei.lock'), '2147483646\n'); // no such process
    const releaseAgain = await lockDataDir(dir);
    await releaseAgain();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
