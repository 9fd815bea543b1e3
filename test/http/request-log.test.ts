/**
 * The request log (issue 7, items 8 and 9): JSON lines, each request's lines carrying the id answered in
 * X-Request-Id, one access line per request, an unexpected error's stack once, a client's mistake one line without
 * a stack, and no password, cookie, token or e-mail in any line.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog, type LogLine } from '../helpers/memory-log.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';
import { signedInClient, TEST_PASSWORD } from '../helpers/web-client.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request log', () => {
  let database: OpenDatabase;
  let app: Hono;
  const log = createMemoryLog();

  /** The answer, its request id and the lines logged under that id. */
  async function requestLogged(path: string, init?: RequestInit, target: Hono = app) {
    const response = await target.request(path, init);
    await response.arrayBuffer();
    const id = response.headers.get('x-request-id') ?? '';
    return { response, id, lines: log.lines().filter((line) => line.reqId === id) };
  }

  before(async () => {
    database = await openMigrated(pgliteEngine);
    app = createApp({ db: database.db, dataStampTtlMs: 0, logger: log.logger });
  });
  after(async () => {
    await database.close();
  });

  test('every line is JSON; one access line per request, with the id the answer carries', async () => {
    const { response, id, lines } = await requestLogged('/api/v1/areas?limit=5&q=%E9%9D%92%E6%A3%AE');
    assert.equal(response.status, 200);
    assert.match(id, UUID);
    assert.equal(lines.length, 1, log.text());
    const [access] = lines as [LogLine];
    assert.equal(access.level, 'info');
    assert.equal(access.msg, 'request');
    assert.equal(access.method, 'GET');
    assert.equal(access.path, '/api/v1/areas');
    assert.equal(access.query, 'limit,q', 'the names of the query parameters');
    assert.doesNotMatch(log.text(), /青森|%E9%9D%92/, 'never their values');
    assert.equal(access.status, 200);
    assert.equal(typeof access.ms, 'number');
    assert.equal(typeof access.time, 'string');
    assert.equal(access.userId, undefined);
    for (const line of log.text().trimEnd().split('\n')) assert.doesNotThrow(() => JSON.parse(line), line);
  });

  test('a sane incoming X-Request-Id is kept; anything else is replaced by a fresh one', async () => {
    const kept = await requestLogged('/api/v1/areas', { headers: { 'X-Request-Id': 'lb-1234.abcd:5' } });
    assert.equal(kept.id, 'lb-1234.abcd:5');
    assert.equal(kept.lines.length, 1);
    for (const bad of ['has space', '<script>', 'x'.repeat(129), 'a\tb']) {
      const replaced = await requestLogged('/api/v1/areas', { headers: { 'X-Request-Id': bad } });
      assert.match(replaced.id, UUID, bad);
      assert.equal(replaced.lines.length, 1);
    }
    assert.doesNotMatch(log.text(), /has space|<script>|x{129}/);
  });

  test('a NUL byte in a parameter is a 400 and one log line, without a stack', async () => {
    for (const path of ['/areas/search?q=a%00b', '/api/v1/projects?q=a%00b']) {
      log.clear();
      const { response, lines } = await requestLogged(path);
      assert.equal(response.status, 400, path);
      assert.equal(log.lines().length, 1, log.text());
      assert.equal(lines.length, 1);
      assert.equal(lines[0]?.level, 'info');
      assert.equal(lines[0]?.status, 400);
      assert.equal(lines[0]?.code, 'INVALID_INPUT');
      assert.doesNotMatch(log.text(), /stack|"err"/);
    }
  });

  test('other client mistakes (an unknown page, a bad parameter) are one line each too', async () => {
    for (const [path, status] of [
      ['/no-such-page', 404],
      ['/api/v1/nothing', 404],
      [`/areas/search?q=${'x'.repeat(101)}`, 400],
    ] as const) {
      log.clear();
      const { response, lines } = await requestLogged(path);
      assert.equal(response.status, status, path);
      assert.equal(log.lines().length, 1, `${path}: ${log.text()}`);
      assert.equal(lines[0]?.status, status);
      assert.doesNotMatch(log.text(), /stack/);
    }
  });

  test('an unexpected error logs its stack once, at level error, with the request id; then the access line', async () => {
    const broken = await openMigrated(pgliteEngine);
    await broken.close(); // every query now fails inside the driver
    const brokenApp = createApp({ db: broken.db, logger: log.logger });
    log.clear();
    for (const path of ['/api/v1/projects', '/projects']) {
      const { response, id, lines } = await requestLogged(path, undefined, brokenApp);
      assert.equal(response.status, 500, path);
      assert.match(id, UUID);
      const [error, access] = lines;
      assert.equal(lines.length, 2, log.text());
      assert.equal(error?.level, 'error');
      assert.equal(error?.msg, `INTERNAL at ${path}`);
      const err = error?.err as { type: string; message: string; stack: string };
      assert.match(err.stack, /\n\s+at /, 'the stack');
      assert.equal(access?.msg, 'request');
      assert.equal(access?.status, 500);
      assert.equal(access?.code, 'INTERNAL');
      assert.equal(lines.filter((line) => JSON.stringify(line).includes('"stack"')).length, 1, 'once');
    }
    assert.equal(log.errors().length, 2);
  });

  test('no password, cookie, session token, Authorization header or e-mail reaches the log', async () => {
    log.clear();
    const email = 'logged-admin@example.jp';
    const client = await signedInClient(app, database.db, { email, role: 'admin' });
    const staff = await client.request('/staff', { headers: { Authorization: 'Bearer sekret-api-token-42' } });
    assert.equal(staff.status, 200);
    await staff.arrayBuffer();
    const id = staff.headers.get('x-request-id');
    const access = log.lines().find((line) => line.reqId === id);
    assert.equal(typeof access?.userId, 'string', 'the signed-in account, by id');
    assert.ok(String(access?.userId).length > 0);

    const text = log.text();
    assert.ok(client.cookies.size > 0);
    for (const [name, value] of client.cookies) {
      assert.ok(!text.includes(value), `the cookie ${name}'s value`);
      assert.ok(!text.includes(decodeURIComponent(value)), `the cookie ${name}'s value, decoded`);
    }
    for (const secret of [TEST_PASSWORD, 'sekret-api-token-42', 'Bearer', email, 'logged-admin', 'session_token']) {
      assert.ok(!text.includes(secret), secret);
    }
    const signIn = log.lines().find((line) => line.path === '/signin' && line.method === 'POST');
    assert.equal(signIn?.status, 303, 'the sign-in itself is logged, without its form');
  });

  test('the redaction net: keys that may hold secrets are never written, whoever logs them', () => {
    log.clear();
    log.logger.info(
      {
        password: 'p1',
        headers: { cookie: 'c1', authorization: 'a1' },
        user: { password: 'p2', token: 't2' },
        body: 'form',
      },
      'careless',
    );
    const [line] = log.lines();
    assert.equal(line?.password, '[redacted]');
    assert.equal(line?.headers, '[redacted]');
    assert.equal(line?.body, '[redacted]');
    assert.deepEqual(line?.user, { password: '[redacted]', token: '[redacted]' });
    assert.doesNotMatch(log.text(), /p1|c1|a1|p2|t2|form/);
  });

  test('served over HTTP, the line is written once the answer is sent, with the bytes sent', async () => {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    });
    try {
      const { port } = server.address() as AddressInfo;
      for (const path of ['/assets/site.css', '/api/v1/areas' /* gzip'd as it is sent: chunked */]) {
        log.clear();
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'X-Request-Id': 'over-http' } });
        const body = await response.arrayBuffer();
        assert.equal(response.headers.get('x-request-id'), 'over-http');
        // the line follows the last byte: wait for it rather than sleep a fixed time
        for (let i = 0; i < 200 && log.lines().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
        const [access] = log.lines();
        assert.equal(access?.reqId, 'over-http', path);
        assert.equal(access?.status, 200);
        assert.equal(access?.aborted, undefined);
        const bytes = Number(access?.bytes);
        if (path.startsWith('/assets/')) assert.ok(bytes > body.byteLength, `${path}: status line, headers, body`);
        else assert.ok(bytes > 0, path); // gzip'd: fewer bytes on the connection than fetch decompressed
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('a passing health check logs at debug, so that probes do not fill the log', async () => {
    log.clear();
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.headers.get('x-request-id')?.length, 36);
    assert.deepEqual(log.lines(), []);
  });
});
