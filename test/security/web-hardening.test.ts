/**
 * Web hardening (issue 7, item 4): security headers on every answer, HSTS over TLS only, absolute URLs from the
 * configured public URL (never the Host header), cross-origin writes refused, CSV text cells made inert.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import { neutralizeFormula } from '../../src/report/neutralize-formula.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

describe('security headers, public URL, origin checks', () => {
  let database: OpenDatabase;
  let app: Hono;
  let tls: Hono;

  before(async () => {
    database = await openMigrated(pgliteEngine);
    await importDocument(database.db, operatorActor('cli'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
    app = createApp({ db: database.db, publicUrl: 'http://renkei.example.jp' });
    tls = createApp({ db: database.db, publicUrl: 'https://renkei.example.jp' });
  });
  after(async () => {
    await database.close();
  });

  test('every kind of answer carries the headers: page, API, download, error, redirect', async () => {
    for (const path of ['/', '/api/v1/projects', '/downloads/latest', '/no-such-page', '/api/v1/nothing', '/staff']) {
      const response = await app.request(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.match(csp, /style-src 'self'/, path);
      assert.doesNotMatch(csp, /unsafe-inline/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
      assert.equal(response.headers.get('strict-transport-security'), null, `${path}: no HSTS over plain http`);
    }
    const secure = await tls.request('/');
    assert.match(secure.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });

  test('absolute URLs in the open-data catalogue come from the public URL, whatever Host says', async () => {
    const catalog = await app.request(
      'http://evil.example/downloads/%E9%9D%92%E6%A3%AE%E5%9C%8F%E5%9F%9F/1/catalog.jsonld',
      {
        headers: { Host: 'evil.example' },
      },
    );
    assert.equal(catalog.status, 200);
    const text = await catalog.text();
    assert.doesNotMatch(text, /evil\.example/);
    assert.match(text, /http:\/\/renkei\.example\.jp\/downloads\//);
    const docs = await (await app.request('http://evil.example/api/docs')).text();
    assert.doesNotMatch(docs, /evil\.example/);
  });

  test('a state-changing request from another origin is refused before anything runs', async () => {
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<
      string,
      string
    >[]) {
      const response = await app.request('/signin', { method: 'POST', headers, body: new FormData() });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /ほかのサイトから送られた操作は受け付けません/);
    }
    // the origin the browser used for this very request passes the origin check (the form token is what fails)
    const own = await app.request('http://127.0.0.1:3000/signin', {
      method: 'POST',
      headers: { Origin: 'http://127.0.0.1:3000' },
      body: new FormData(),
    });
    assert.equal(own.status, 403);
    assert.match(await own.text(), /フォームの有効期限が切れたか/);
  });

  test('CSV text cells that a spreadsheet would run are made inert; a lone dash stays', () => {
    assert.equal(neutralizeFormula('=1+1'), "'=1+1");
    assert.equal(neutralizeFormula('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(neutralizeFormula('+81-17'), "'+81-17");
    assert.equal(neutralizeFormula('-'), '-');
    assert.equal(neutralizeFormula('52事業'), '52事業');
  });
});
