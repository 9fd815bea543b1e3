import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../domain/errors.js';

const lockFileName = 'renkei.lock';

/**
 * Claims a PGlite data directory for this process. PGlite is a whole Postgres inside the process: two processes
 * on one directory (a running server and `renkei import`) would each write their own WAL and break it, and
 * PGlite itself does not refuse. The lock file holds the owner's pid; a lock left by a dead process (kill -9,
 * power loss) is taken over. Returns the function that releases the lock.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => unlink(file).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && isAlive(owner)) throw lockedError(dataDir, owner, file);
      await unlink(file).catch(() => undefined); // stale: its process is gone
    }
  }
  throw lockedError(dataDir, undefined, file);
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
