import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

export const renkeiBin = fileURLToPath(new URL('../../bin/renkei.js', import.meta.url));

export type RenkeiRun = { code: number | null; stdout: string; stderr: string };

/** Runs `bin/renkei.js ARGS` as a user would (from another folder by default) and collects what it printed. */
export function runRenkei(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<RenkeiRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [renkeiBin, ...args], {
      cwd: options.cwd ?? tmpdir(),
      env: { ...process.env, DATABASE_URL: '', ...options.env },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
  });
}
