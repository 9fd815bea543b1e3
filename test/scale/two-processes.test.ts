/**
 * How a national portal runs, as far as one machine allows (docs/national-scale.md): two app processes on one
 * PostgreSQL, a client that spreads requests over both like a load balancer, one process killed (SIGKILL) mid-run.
 * The other keeps answering correctly; an import through one process shows in the other within the data stamp's
 * TTL (1 s); a replacement process started afterwards serves the same data.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { operatorActor } from '../../src/domain/access-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { importDocument } from '../../src/service/import-document.js';
import { openDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { freePort } from '../helpers/free-port.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const skip = ADMIN_URL ? false : 'TEST_DATABASE_URL is not set: two app processes need a PostgreSQL server';
if (skip) console.log(`# two-processes: skipped (${skip})`);

const STAMP_TTL_MS = 1000;

type App = { name: string; port: number; child: ChildProcess; output: () => string };

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function startApp(name: string, databaseUrl: string): Promise<App> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  delete env.DATA_DIR;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoPath('.'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const app = { name, port, child, output: () => output };
  const started = performance.now();
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return app;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} did not answer /healthz within 30 s:\n${output}`);
}

function stopApp(app: App | undefined): Promise<void> {
  if (!app || app.child.exitCode !== null || app.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    app.child.once('exit', () => resolve());
    app.child.kill('SIGKILL');
  });
}

/** Which text proves that a path answered with the right data. */
const CHECKS: ReadonlyArray<[string, RegExp]> = [
  ['/projects', /全55事業を表示しています。/],
  ['/projects/5', /事業5<\/span>/],
  ['/areas/hachinohe/projects', /全8事業を表示しています。/],
  ['/areas', /登録されている圏域（連携中枢都市圏・定住自立圏）は2つです/],
  ['/api/v1/projects?limit=200', /"number":55/],
];

describe('two app processes on one PostgreSQL, one killed mid-run', { skip, timeout: 90_000 }, () => {
  const databaseName = `renkei_test_two_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseUrl = '';
  let a: App | undefined;
  let b: App | undefined;
  let replacement: App | undefined;

  before(async () => {
    await admin(`create database "${databaseName}"`);
    const url = new URL(ADMIN_URL as string);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
    const database = await openDatabase({ databaseUrl });
    try {
      await migrateToLatest(database.db);
      await importDocument(database.db, operatorActor('system'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      await addAccount(database.db, operatorActor('cli'), {
        email: 'admin@example.jp',
        name: 'admin',
        password: TEST_PASSWORD,
        role: { role: 'admin' },
      });
    } finally {
      await database.close();
    }
    [a, b] = await Promise.all([startApp('A', databaseUrl), startApp('B', databaseUrl)]);
  });

  after(async () => {
    await Promise.all([stopApp(a), stopApp(b), stopApp(replacement)]);
    if (ADMIN_URL) await admin(`drop database if exists "${databaseName}" with (force)`);
  });

  test('an import through A shows in B within the stamp TTL', async (t) => {
    assert.ok(a && b);
    const before = await fetch(`http://127.0.0.1:${b.port}/areas/hachinohe/`);
    assert.equal(before.status, 404);
    const client = new WebClient(`http://127.0.0.1:${a.port}`);
    assert.equal((await client.signIn('admin@example.jp', TEST_PASSWORD)).status, 303);
    const other = readFileSync(repoPath('test/fixtures/import/other-area-seven-partners.txt'));
    const imported = await client.postForm('/admin/import', {
      area: 'hachinohe',
      file: new File([other], 'hachinohe.txt', { type: 'text/plain' }),
    });
    assert.equal(imported.status, 303, await imported.text());
    const importedAt = performance.now();
    // A shows it at once (the import refreshed its stamp)
    assert.equal((await fetch(`http://127.0.0.1:${a.port}/areas/hachinohe/`)).status, 200);
    let seenAfter = Number.POSITIVE_INFINITY;
    while (performance.now() - importedAt < STAMP_TTL_MS * 3) {
      const response = await fetch(`http://127.0.0.1:${b.port}/areas`);
      if (/八戸圏域/.test(await response.text())) {
        seenAfter = performance.now() - importedAt;
        break;
      }
      await sleep(25);
    }
    t.diagnostic(`B listed the area imported through A after ${seenAfter.toFixed(0)} ms (TTL ${STAMP_TTL_MS} ms)`);
    assert.ok(seenAfter <= STAMP_TTL_MS + 250, `seen after ${seenAfter.toFixed(0)} ms`);
    assert.equal((await fetch(`http://127.0.0.1:${b.port}/areas/hachinohe/`)).status, 200);
  });

  test('requests spread over A and B; A killed mid-run; B answers every request correctly', async (t) => {
    assert.ok(a && b);
    const backends = [a, b];
    const down = new Set<string>();
    const tally = { A: { ok: 0 }, B: { ok: 0 }, retried: 0, wrong: [] as string[] };
    let turn = 0;
    let killedAt = 0;

    // a load balancer's behaviour: round robin over the backends still up; a connection error marks the backend
    // down and the request goes to the other one
    const send = async (path: string, pattern: RegExp) => {
      for (let attempt = 0; attempt < backends.length; attempt++) {
        const up = backends.filter((x) => !down.has(x.name));
        const backend = up[turn++ % up.length];
        if (!backend) throw new Error('no backend left');
        let response: Response;
        let text: string;
        try {
          response = await fetch(`http://127.0.0.1:${backend.port}${path}`, { signal: AbortSignal.timeout(5000) });
          // a backend killed while it sends the body ends the stream ('terminated'): the same as a refused connection
          text = await response.text();
        } catch {
          down.add(backend.name);
          tally.retried++;
          continue;
        }
        if (response.status !== 200 || !pattern.test(text)) {
          tally.wrong.push(`${backend.name} ${path} → ${response.status}`);
        } else {
          tally[backend.name as 'A' | 'B'].ok++;
        }
        return;
      }
      tally.wrong.push(`${path}: no backend answered`);
    };

    const started = performance.now();
    const clients = Array.from({ length: 8 }, async (_, client) => {
      for (let i = client; performance.now() - started < 4000; i++) {
        const [path, pattern] = CHECKS[i % CHECKS.length] as [string, RegExp];
        await send(path, pattern);
      }
    });
    const killer = (async () => {
      await sleep(1500);
      a.child.kill('SIGKILL');
      killedAt = performance.now() - started;
    })();
    await Promise.all([...clients, killer]);

    t.diagnostic(
      `A answered ${tally.A.ok} (killed at ${killedAt.toFixed(0)} ms), B answered ${tally.B.ok}; ` +
        `${tally.retried} request(s) re-sent to B after A went down`,
    );
    assert.deepEqual(tally.wrong, []);
    assert.ok(tally.A.ok > 0 && tally.B.ok > tally.A.ok, 'both served, B went on alone');
    assert.ok(down.has('A'), 'A was seen going down');
    assert.equal(a.child.signalCode, 'SIGKILL');
    for (const [path, pattern] of CHECKS) {
      const response = await fetch(`http://127.0.0.1:${b.port}${path}`);
      assert.match(await response.text(), pattern, path);
    }
  });

  test('a replacement process started after the kill serves the same data as B', async () => {
    assert.ok(b);
    const fresh = await startApp('A2', databaseUrl);
    replacement = fresh;
    const read = async (x: App, path: string) => (await fetch(`http://127.0.0.1:${x.port}${path}`)).text();
    for (const [path, pattern] of CHECKS) {
      const [fromB, fromReplacement]: [string, string] = await Promise.all([read(b, path), read(fresh, path)]);
      assert.match(fromReplacement, pattern, path);
      if (!path.startsWith('/api/')) assert.equal(fromReplacement, fromB, `${path}: same page from both`);
    }
  });
});
