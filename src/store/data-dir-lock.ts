import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

export const lockFileName = 'renkei.lock';

/**
 * Who holds a lock. A pid alone is not enough: after a reboot or a container restart the pid may belong to
 * another process (often PID 1 is the new server itself), and the lock would block every start forever. The
 * process's start time (field 22 of /proc/PID/stat, in clock ticks since boot) and the kernel's boot id tell
 * the owner apart from a later process that got the same pid.
 */
export type LockOwner = { pid: number; startTime: string | null; bootId: string | null; host: string };

/**
 * Claims a PGlite data directory for this process. PGlite is a whole Postgres inside the process: two processes
 * on one directory (a running server and `renkei import`) would each write their own WAL and break it, and
 * PGlite itself does not refuse. A lock whose owner is gone (kill -9, power loss, a pid now used by another
 * process) is taken over. Returns the function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, lockFileName);
  const me = describeProcess(process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    // written whole under another name, then linked: a reader never sees a half-written lock
    const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(draft, `${JSON.stringify(me)}\n`);
    try {
      await link(draft, file);
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(draft).catch(() => undefined);
    }
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue; // released meanwhile: try again
    const owner = parseLockOwner(text);
    if (owner && isLockOwnerRunning(owner)) throw lockedError(dataDir, owner.pid, file);
    await unlink(file).catch(() => undefined); // stale: its process is gone
  }
  throw lockedError(dataDir, undefined, file);
}

/** The lock file's owner; a lock of an earlier version held the pid alone. */
export function parseLockOwner(text: string): LockOwner | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), startTime: null, bootId: null, host: hostname() };
  try {
    const owner = JSON.parse(trimmed) as Partial<LockOwner>;
    if (!Number.isSafeInteger(owner.pid) || (owner.pid as number) <= 0) return undefined;
    return {
      pid: owner.pid as number,
      startTime: typeof owner.startTime === 'string' ? owner.startTime : null,
      bootId: typeof owner.bootId === 'string' ? owner.bootId : null,
      host: typeof owner.host === 'string' ? owner.host : hostname(),
    };
  } catch {
    return undefined; // unreadable: no process can be holding it through this file
  }
}

/** What identifies the process `pid` now (null fields where the system does not tell, e.g. without /proc). */
export function describeProcess(pid: number): LockOwner {
  return { pid, startTime: readStartTime(pid), bootId: readBootId(), host: hostname() };
}

/**
 * Whether the process that wrote the lock still runs. Another host (a data directory on a network share) cannot be
 * checked: its lock is honoured. Without /proc (macOS, Windows) only the pid can be checked.
 */
export function isLockOwnerRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (!isAlive(owner.pid)) return false;
  const now = describeProcess(owner.pid);
  if (owner.bootId !== null && now.bootId !== null && owner.bootId !== now.bootId) return false;
  if (owner.startTime !== null && now.startTime !== null) return owner.startTime === now.startTime;
  // a lock of an earlier version (pid only): the pid is alive, but is it us after a restart?
  return owner.pid !== process.pid;
}

function readStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null; // field 22, starttime
  } catch {
    return null;
  }
}

let bootId: string | null | undefined;
function readBootId(): string | null {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = null;
    }
  }
  return bootId;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockedError(dataDir: string, pid: number | undefined, file: string): AppError {
  const who = pid === undefined ? 'ほかのプロセス' : `ほかのプロセス（pid ${pid}）`;
  return new AppError('CONFLICT', `Data directory ${dataDir} is in use by ${pid ?? 'another process'}`, {
    userMessage:
      `データフォルダ ${dataDir} は${who}が使っています。そのプロセス（サーバーなど）を止めてから実行してください。` +
      `止まっているのにこの表示が出るときは ${file} を削除してください。`,
  });
}
