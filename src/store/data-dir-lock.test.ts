import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { describeProcess, type LockOwner, lockDataDir } from './data-dir-lock.js';

const hasProc = existsSync('/proc/self/stat');

describe('data directory lock', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'renkei-lock-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const lockFile = () => path.join(dir, 'renkei.lock');
  const writeLock = (owner: LockOwner | string) =>
    writeFile(lockFile(), typeof owner === 'string' ? owner : `${JSON.stringify(owner)}\n`);
  const refused = (caught: unknown, pid: number) => {
    const error = caught as { code?: string; userMessage?: string };
    assert.equal(error.code, 'CONFLICT');
    assert.match(
      error.userMessage ?? '',
      new RegExp(`ほかのプロセス（pid ${pid}）が使っています。そのプロセス（サーバーなど）を止めてから`),
    );
    return true;
  };

  test('a data directory is claimed by one opener at a time; the lock names its owner beyond the pid', async () => {
    const release = await lockDataDir(dir);
    const owner = JSON.parse(await readFile(lockFile(), 'utf8')) as LockOwner;
    assert.equal(owner.pid, process.pid);
    if (hasProc) assert.match(owner.startTime ?? '', /^\d+$/);
    await assert.rejects(lockDataDir(dir), (error) => refused(error, process.pid));
    await release();
    assert.equal(existsSync(lockFile()), false);
  });

  test('a dead owner’s lock is taken over (old pid-only format too)', async () => {
    await writeLock('2147483646\n'); // no such process
    await (await lockDataDir(dir))();
    await writeLock({ ...describeProcess(process.pid), pid: 2147483646 });
    await (await lockDataDir(dir))();
  });

  test('a lock whose pid now belongs to another live process is taken over', {
    skip: !hasProc && 'no /proc',
  }, async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const pid = other.pid as number;
      // the owner had this pid, but started at another time: the pid was reused after the owner died
      const before = describeProcess(pid);
      await writeLock({ ...before, startTime: String(Number(before.startTime) - 12345) });
      await (await lockDataDir(dir))();
      // the same process (pid and start time): it is the owner, refused with the clear message
      await writeLock(describeProcess(pid));
      await assert.rejects(lockDataDir(dir), (error) => refused(error, pid));
      // an owner from before a reboot: another boot id
      await writeLock({ ...describeProcess(pid), bootId: '00000000-0000-0000-0000-000000000000' });
      await (await lockDataDir(dir))();
    } finally {
      other.kill('SIGKILL');
    }
  });

  test('a container restarted as the same pid (PID 1) takes over the lock its previous run left', async () => {
    const me = describeProcess(process.pid);
    await writeLock({ ...me, startTime: hasProc ? String(Number(me.startTime) + 1) : '1' });
    await (await lockDataDir(dir))();
    await writeLock(`${process.pid}\n`); // the pid-only lock of an earlier version naming this very pid
    await (await lockDataDir(dir))();
  });

  test('an unreadable lock file does not block', async () => {
    await writeLock('{"pid": "x"');
    await (await lockDataDir(dir))();
  });
});
