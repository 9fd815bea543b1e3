import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';
import { renkeiBin } from './run-renkei.js';

/**
 * A `renkei` process a durability test drives: spawn it, wait until it prints a line (the synchronisation point:
 * no sleeps), kill it, start it again on the same data. Reusable for any command (`import`, `serve`, …).
 */
export type RenkeiProcess = {
  child: ChildProcess;
  /** everything printed so far, stdout and stderr interleaved */
  output(): string;
  /** resolves with the first line matching `pattern` (printed before or after the call); rejects on exit or timeout */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** resolves when the process has exited, with its code or signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** sends the signal and waits for the exit */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export type RenkeiProcessOptions = { env: NodeJS.ProcessEnv; cwd?: string };

/** Starts `bin/renkei.js ARGS` (TypeScript through tsx, as in a checkout) with only the given database settings. */
export function spawnRenkei(args: readonly string[], options: RenkeiProcessOptions): RenkeiProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...options.env };
  delete env.NODE_OPTIONS; // the test runner's loader is not the user's
  const child = spawn(process.execPath, [renkeiBin, ...args], {
    cwd: options.cwd ?? tmpdir(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
      for (const listener of listeners) listener();
    }),
  );

  const waitForLine = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return finish(() => resolve(line));
        if (child.exitCode !== null || child.signalCode !== null) {
          finish(() => reject(new Error(`renkei ${args[0]} exited before printing ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new Error(`renkei ${args[0]} printed no ${pattern} within ${timeoutMs} ms:\n${output}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return { child, output: () => output, waitForLine, exited, stop };
}

export type RenkeiServer = RenkeiProcess & { port: number; url: string };

/** `renkei serve` on a free port, resolved once /healthz answers 200 (polled, bounded). */
export async function startRenkeiServer(options: RenkeiProcessOptions): Promise<RenkeiServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // the address the tests call is the site's public URL, so their form posts pass the origin check
  const server = spawnRenkei(['serve', '--port', String(port)], {
    ...options,
    env: { PUBLIC_URL: url, ...options.env },
  });
  try {
    await server.waitForLine(/待ち受け中/);
    await waitUntil(
      () =>
        fetch(`${url}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      `${url}/healthz answers 200`,
    );
  } catch (error) {
    await server.stop('SIGKILL');
    throw error;
  }
  return { ...server, port, url };
}

/** Polls `condition` every 20 ms until it holds; throws after `timeoutMs` naming what was awaited. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await sleep(20);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
}
