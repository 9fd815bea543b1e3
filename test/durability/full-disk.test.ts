/**
 * A full disk under a PGlite server: PGlite spins for good once it cannot create a WAL segment (the server then
 * answered nothing and ignored SIGTERM). With the free-space reserve (src/store/pglite-fault-guard.ts) a write on a
 * nearly full disk is refused with an error, reads go on serving, the same server writes again once space is
 * freed, and SIGTERM stops it. Runs on a small tmpfs mounted for the test (root, Linux); skipped with the reason
 * where mounting is not possible.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { reservedFreeBytes } from '../../src/store/pglite-fault-guard.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { type RenkeiServer, startRenkeiServer } from '../helpers/renkei-process.js';
import { runRenkei } from '../helpers/run-renkei.js';
import { TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

const MB = 1024 * 1024;
const mountPoint = mkdtempSync(path.join(tmpdir(), 'renkei-full-disk-'));

function tryMount(): string | false {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return false;
  } catch (error) {
    return `cannot mount a tmpfs here (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
}

const skip = tryMount();
if (skip) {
  console.log(`# full-disk: skipped (${skip})`);
  rmSync(mountPoint, { recursive: true, force: true });
}

async function importSeed(admin: WebClient): Promise<Response> {
  const form = new FormData();
  form.set('csrf', await admin.csrf());
  form.set('file', new File([readFileSync(repoPath(SEED_DOCUMENT))], 'aomori.txt', { type: 'text/plain' }));
  return admin.request('/admin/import', {
    method: 'POST',
    body: form,
    signal: AbortSignal.timeout(120_000), // a hang fails the test instead of blocking it
  });
}

describe('a PGlite server on a nearly full disk', { skip, timeout: 300_000 }, () => {
  let server: RenkeiServer | undefined;
  let admin: WebClient;
  const filler = path.join(mountPoint, 'filler');

  before(async () => {
    const env = { DATA_DIR: path.join(mountPoint, 'data') };
    const added = await runRenkei(
      ['user', 'add', '--email', 'admin@example.jp', '--role', 'admin', '--password-stdin'],
      {
        env,
        stdin: `${TEST_PASSWORD}\n`,
      },
    );
    assert.equal(added.code, 0, added.stderr);
    server = await startRenkeiServer({ env });
    admin = new WebClient(server.url);
    assert.equal((await admin.signIn('admin@example.jp', TEST_PASSWORD)).status, 303);
  });
  after(async () => {
    await server?.stop('SIGKILL');
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  test('a write is refused with an error, reads go on, writes resume once space is freed, SIGTERM stops it', async () => {
    assert.ok(server);
    const { bavail, bsize } = await statfs(mountPoint);
    const keep = reservedFreeBytes - 16 * MB; // below the reserve, well above what PGlite needs to answer reads
    await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - keep)));

    const refused = await importSeed(admin);
    assert.equal(refused.status, 503);
    await refused.arrayBuffer();
    assert.match(server.output(), /ディスクの空きが足りないため保存できません/);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.equal((await fetch(`${server.url}/api/v1/areas`)).status, 200);

    await rm(filler);
    const accepted = await importSeed(admin);
    assert.equal(accepted.status, 303, await accepted.text());
    assert.equal((await fetch(`${server.url}/api/v1/projects`)).status, 200);

    const { code } = await server.stop('SIGTERM');
    assert.equal(code, 0, server.output());
  });
});
