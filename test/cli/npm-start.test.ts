/**
 * The README's run command as a user runs it: `npm start` compiles src/ to dist/ and starts the compiled server,
 * which imports the bundled sample into an empty data directory. Checks what only the compiled tree can get wrong:
 * files tsc does not emit (the stylesheet), paths relative to the package (the accessibility report), the sample.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../helpers/free-port.js';
import { repoPath } from '../helpers/read-fixture.js';

const START_TIMEOUT_MS = 120_000; // a cold tsc build takes ~15 s on the CI machine

describe('npm start', { timeout: START_TIMEOUT_MS + 30_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'renkei-npm-start-'));
  let child: ChildProcess | undefined;
  let output = '';
  let base = '';

  before(async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    delete env.NODE_OPTIONS; // the test runner's tsx loader must not reach the compiled server
    // its own process group, so that npm, the shell and node all stop together
    child = spawn('npm', ['start'], { cwd: repoPath('.'), env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    while (Date.now() - started < START_TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output}`);
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(200);
    }
    throw new Error(`npm start did not answer /healthz within ${START_TIMEOUT_MS / 1000} s:\n${output}`);
  });

  after(async () => {
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('runs the compiled server, not the TypeScript sources', () => {
    assert.match(output, /dist\/main\.js/);
  });

  test('imports the bundled sample on first start and serves its pages', async () => {
    const projects = await fetch(`${base}/api/v1/projects`);
    assert.equal(projects.status, 200);
    const list = ((await projects.json()) as { items: { number: number; name: string }[] }).items;
    assert.ok(list.length > 0);
    assert.equal(list[0]?.number, 1);
    const page = await fetch(`${base}/projects/1`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), new RegExp(list[0]?.name ?? '(no name)'));
  });

  test('serves the stylesheet copied next to the compiled code', async () => {
    const home = await (await fetch(`${base}/`)).text();
    const href = /href="(\/assets\/site\.css\?v=[0-9a-f]+)"/.exec(home)?.[1];
    assert.ok(href, 'the home page links the stylesheet');
    const css = await fetch(`${base}${href}`);
    assert.equal(css.status, 200);
    assert.match(await css.text(), /Renkei portal/);
  });

  test('reads the published accessibility results from docs/', async () => {
    const statement = await fetch(`${base}/accessibility`);
    assert.equal(statement.status, 200);
    assert.match(await statement.text(), /axe-core/);
  });
});
