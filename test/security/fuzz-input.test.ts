/**
 * Bad input everywhere (issue 7, item 8): whatever a client sends in a query string, a path segment or a JSON body,
 * the answer is a 4xx with problem+json on the API (an HTML page elsewhere), never a 5xx, and nothing is written.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';
import { signedInClient, type WebClient } from '../helpers/web-client.js';

const AREA = encodeURIComponent('青森圏域');
const RESULT = `/api/v1/areas/${AREA}/results/2021/projects/1/municipalities/023035`;

describe('fuzzed input gets a clean 4xx, never a 5xx', () => {
  let database: OpenDatabase;
  let app: Hono;
  let staff: WebClient;
  const log = createMemoryLog();

  before(async () => {
    database = await openMigrated(pgliteEngine);
    await importDocument(database.db, operatorActor('cli'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
    app = createApp({ db: database.db, dataStampTtlMs: 0, logger: log.logger });
    staff = await signedInClient(app, database.db, {
      email: 'staff@imabetsu.example.jp',
      role: 'municipality_staff',
      areaSlug: '青森圏域',
      municipality: '今別町',
    });
  });
  after(async () => {
    await database.close();
  });

  const anyText = fc.string({ unit: 'binary', maxLength: 40 });

  test('query strings of the pages and the API (NUL bytes, broken %-escapes, huge numbers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          '/projects',
          '/api/v1/projects',
          `/api/v1/areas/${AREA}/projects`,
          '/areas/search',
          '/admin/audit',
        ),
        fc.constantFrom('q', 'limit', 'offset', 'role', 'revision', 'municipality', 'new'),
        anyText,
        async (path, name, value) => {
          const raw = Math.random() < 0.2 ? value.replace(/./u, '%') : encodeURIComponent(value);
          const response = await app.request(`${path}?${name}=${raw}`);
          assert.ok(response.status < 500, `${path}?${name}=${raw}: ${response.status}`);
        },
      ),
      { numRuns: 150 },
    );
    const nul = await app.request('/areas/search?q=a%00b');
    assert.equal(nul.status, 400);
    assert.equal(log.errors().length, 0, 'a client mistake is not logged as a server error');
  });

  test('path segments of the results API', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (fy, code) => {
        const path = `/api/v1/areas/${AREA}/results/${encodeURIComponent(fy)}/projects/1/municipalities/${encodeURIComponent(code)}`;
        const response = await staff.request(path);
        assert.ok(response.status < 500, `${path}: ${response.status}`);
        if (response.status >= 400) assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
      }),
      { numRuns: 100 },
    );
  });

  test('JSON bodies of a write: anything but {amount, comment} is a 400 naming the field, and nothing is stored', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), anyText), async (body) => {
        const response = await staff.request(RESULT, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json', 'If-Match': '"v0"' },
          body,
        });
        assert.ok(response.status < 500, `${body}: ${response.status}`);
        if (response.status !== 200) {
          assert.match(response.headers.get('content-type') ?? '', /problem\+json/);
        }
      }),
      { numRuns: 150 },
    );
    const rows = await database.db.selectFrom('municipality_result').selectAll().execute();
    // only a body that happened to be a valid {amount, comment} could have written, once, at version 1
    assert.ok(rows.length <= 1);
    assert.equal(log.errors().length, 0);
  });

  test('a write without If-Match is 428; with a made-up version, 409 with the current values', async () => {
    const none = await staff.request(RESULT, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ amount: 1, comment: '' }),
    });
    assert.equal(none.status, 428);
    const stale = await staff.request(RESULT, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"v99"' },
      body: JSON.stringify({ amount: 1, comment: '' }),
    });
    assert.equal(stale.status, 409);
    const problem = (await stale.json()) as { code: string; current: { version: number } };
    assert.equal(problem.code, 'CONFLICT');
    assert.equal(typeof problem.current.version, 'number');
    assert.equal(stale.headers.get('ETag'), `"v${problem.current.version}"`);
  });

  test('a body over the limit is 413 before it is read', async () => {
    const response = await staff.request(RESULT, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': '"v0"' },
      body: JSON.stringify({ amount: 1, comment: 'x'.repeat(100_000) }),
    });
    assert.equal(response.status, 413);
  });
});
