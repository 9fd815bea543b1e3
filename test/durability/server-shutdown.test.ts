/**
 * Stopping and starting the server as an operator does: SIGTERM lets the request in flight finish and closes the
 * database cleanly (the data directory's lock is released, the next start finds it whole); a second server on the
 * same data directory is refused with a clear message naming the first one's pid.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../helpers/free-port.js';
import { type RenkeiServer, spawnRenkei, startRenkeiServer } from '../helpers/renkei-process.js';

/** Collects what the server sends on a raw connection; `waitFor` resolves once it matches. */
function rawConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  const listeners = new Set<() => void>();
  socket.on('data', (chunk) => {
    received += chunk.toString('utf8');
    for (const l of listeners) l();
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (pattern.test(received)) {
          listeners.delete(check);
          resolve(received);
        }
      };
      listeners.add(check);
      socket.once('close', () =>
        pattern.test(received) ? resolve(received) : reject(new Error(`closed: ${received}`)),
      );
      check();
    });
  return { socket, waitFor, closed, received: () => received };
}

describe('server start and stop on a PGlite data directory', { timeout: 300_000 }, () => {
  let work = '';
  let dataDir = '';
  let server: RenkeiServer | undefined;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'renkei-shutdown-'));
    dataDir = path.join(work, 'data');
    server = await startRenkeiServer({ env: { DATA_DIR: dataDir } });
  });
  after(async () => {
    await server?.stop('SIGKILL');
    await rm(work, { recursive: true, force: true });
  });

  test('a second server on the same data directory is refused with exit 1 and says who holds it', async () => {
    assert.ok(server);
    const second = spawnRenkei(['serve', '--port', String(await freePort())], { env: { DATA_DIR: dataDir } });
    const { code } = await second.exited;
    assert.equal(code, 1, second.output());
    assert.match(
      second.output(),
      new RegExp(
        `データフォルダ .*data は.*pid ${server.child.pid}）が使っています。そのプロセス（サーバーなど）を止めてから`,
      ),
    );
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'the first server still serves');
  });

  test('SIGTERM answers the request in flight, then closes the database and releases the lock', async () => {
    assert.ok(server);
    // a sign-in form without its token: the answer needs the whole body, then refuses it (403)
    const body = 'email=someone%40example.jp&password=wrong-password-here';
    const connection = rawConnection(server.port);
    connection.socket.write(
      'POST /signin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    // 100 Continue: the server has read the headers and the request is being handled; its body is still to come
    await connection.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
    server.child.kill('SIGTERM');
    await server.waitForLine(/SIGTERM を受け取りました/);
    connection.socket.write(body);
    const answer = await connection.waitFor(/HTTP\/1\.1 403 [\s\S]*<\/html>/);
    assert.match(answer, /フォームの有効期限が切れたか、正しくない送信です/);
    const { code } = await server.exited;
    assert.equal(code, 0, server.output());
    assert.match(server.output(), /停止しました。/);
    await connection.closed;
    assert.equal(existsSync(path.join(dataDir, 'renkei.lock')), false, 'the lock was released after the close');

    // the next start finds the directory whole (not prepared again) and serves
    server = await startRenkeiServer({ env: { DATA_DIR: dataDir } });
    assert.doesNotMatch(server.output(), /新しいデータフォルダ/);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const { code: secondCode } = await server.stop('SIGTERM');
    assert.equal(secondCode, 0);
  });
});
