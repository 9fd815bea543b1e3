/**
 * The staff's results write API against the OpenAPI document (/api/v1/openapi.json): every documented operation
 * is called, and each answer (the record, a stale If-Match's 409 with the current values, a missing If-Match, a
 * bad body, no session, a role that may not) must match the schema the document gives for it.
 * Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { operatorActor } from '../../src/domain/access-policy.js';
import { RESULTS_WRITE_TAG } from '../../src/server/api/results-write-docs.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { type Json, ResponseChecker } from '../helpers/openapi-response-checker.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient, WebClient } from '../helpers/web-client.js';

const AREA = `/api/v1/areas/${encodeURIComponent('青森圏域')}`;
const PROJECT = `${AREA}/results/2021/projects/1`;
/** 今別町's part of project 1 */
const PART = `${PROJECT}/municipalities/023035`;

for (const engine of testEngines) {
  describe(`the results write API against its OpenAPI description on ${engine.name}`, () => {
    let database: OpenDatabase;
    let document: Json;
    let checker: ResponseChecker;
    let anonymous: WebClient;
    let town: WebClient;
    let central: WebClient;

    /** Calls as `client` and checks the answer against the document; the JSON body. */
    const call = async (
      client: WebClient,
      method: string,
      url: string,
      expected: number,
      options: { ifMatch?: string; body?: unknown } = {},
    ) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.ifMatch) headers['If-Match'] = options.ifMatch;
      const init = { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) };
      const response = await client.request(url, init);
      const body = (await response.json()) as Json;
      assert.equal(response.status, expected, `${method} ${url}: ${JSON.stringify(body).slice(0, 300)}`);
      checker.check(url, response.status, response.headers.get('content-type') ?? '', body, method);
      return { body, etag: response.headers.get('ETag') ?? '' };
    };

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      const app = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      document = (await (await app.request('/api/v1/openapi.json')).json()) as Json;
      const validator = new Validator();
      assert.equal((await validator.validate(structuredClone(document))).valid, true);
      checker = new ResponseChecker(validator.resolveRefs() as Json);
      anonymous = new WebClient(app);
      const area = '青森圏域';
      town = await signedInClient(app, database.db, {
        email: 'staff@imabetsu.example.jp',
        role: 'municipality_staff',
        areaSlug: area,
        municipality: '023035',
      });
      central = await signedInClient(app, database.db, {
        email: 'central@aomori.example.jp',
        role: 'central_staff',
        areaSlug: area,
      });
    });
    after(async () => {
      await database.close();
    });

    test("a municipality's part: read, saved, refused as documented, submitted", async () => {
      const read = await call(town, 'GET', PART, 200);
      assert.equal(read.etag, '"v0"');
      await call(anonymous, 'PUT', PART, 401, { ifMatch: '"v0"', body: { amount: 1 } });
      await call(central, 'PUT', PART, 403, { ifMatch: '"v0"', body: { amount: 1 } });
      await call(town, 'PUT', PART, 428, { body: { amount: 1 } });
      await call(town, 'PUT', PART, 400, { ifMatch: '"v0"', body: { amount: -1 } });
      const saved = await call(town, 'PUT', PART, 200, {
        ifMatch: '"v0"',
        body: { amount: 1200, comment: '今別町分' },
      });
      assert.deepEqual([saved.body.amount, saved.etag], [1200, '"v1"']);
      const stale = await call(town, 'PUT', PART, 409, { ifMatch: '"v0"', body: { amount: 1 } });
      assert.equal((stale.body.current as Json).amount, 1200);
      await call(town, 'PUT', `${AREA}/results/2021/projects/9999/municipalities/023035`, 404, {
        ifMatch: '"v0"',
        body: { amount: 1 },
      });
      const submitted = await call(town, 'POST', `${PART}/state`, 200, {
        ifMatch: '"v1"',
        body: { transition: 'submit' },
      });
      assert.equal(submitted.body.state, 'submitted');
    });

    test("the central city's parts: the project's result, a KPI's actual, the cost share, publishing the year", async () => {
      const read = await call(central, 'GET', PROJECT, 200);
      await call(central, 'PUT', PROJECT, 200, { ifMatch: read.etag, body: { actualTotal: 390, progress: '実施' } });
      await call(central, 'PUT', `${PROJECT}/kpis/1`, 200, { ifMatch: '"v0"', body: { actual: 2 } });
      const rule = await call(central, 'PUT', `${AREA}/projects/1/cost-share`, 200, {
        ifMatch: '"v0"',
        body: { kind: 'equal' },
      });
      assert.deepEqual(rule.body.rule, { kind: 'equal' });
      await call(town, 'POST', `${AREA}/results/2021/publish`, 403);
      const published = await call(central, 'POST', `${AREA}/results/2021/publish`, 200);
      assert.equal(published.body.fiscalYear, 2021);
    });

    test('every documented operation of the results API was called and its 200 checked', () => {
      const operations = Object.entries(document.paths as Record<string, Record<string, { tags?: string[] }>>).flatMap(
        ([path, item]) =>
          Object.entries(item)
            .filter(([, operation]) => operation.tags?.includes(RESULTS_WRITE_TAG))
            .map(([method]) => (method === 'get' ? `${path} 200` : `${method.toUpperCase()} ${path} 200`)),
      );
      assert.equal(operations.length, 8);
      for (const operation of operations) assert.ok(checker.checked.has(operation), operation);
    });
  });
}
