import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import { getCurrentVision } from '../../src/service/read-vision.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';
import { readCsvBack } from '../report/read-open-data.js';

const SLUG = encodeURIComponent('青森圏域');
const CHECKER = repoPath('../shared/tools/check-vision-json.mjs');

const expectedTypes: Record<string, string> = {
  'projects.csv': 'text/csv; charset=utf-8',
  'budgets.csv': 'text/csv; charset=utf-8',
  'kpis.csv': 'text/csv; charset=utf-8',
  'participation.csv': 'text/csv; charset=utf-8',
  'project-contents.csv': 'text/csv; charset=utf-8',
  'municipalities.csv': 'text/csv; charset=utf-8',
  'findings.csv': 'text/csv; charset=utf-8',
  'kpi-actuals.csv': 'text/csv; charset=utf-8',
  'spending-actuals.csv': 'text/csv; charset=utf-8',
  'cost-shares.csv': 'text/csv; charset=utf-8',
  'data-dictionary.csv': 'text/csv; charset=utf-8',
  'vision.json': 'application/json',
  'open-data.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'datapackage.json': 'application/json',
  'catalog.jsonld': 'application/ld+json',
};

describe('/downloads on the seed', () => {
  let database: OpenDatabase;
  let app: Hono;
  let beforeImport: Response;
  const log = createMemoryLog();

  before(async () => {
    database = await openMigrated(pgliteEngine);
    app = createApp({ db: database.db, dataStampTtlMs: 0, logger: log.logger });
    beforeImport = await app.request('/downloads');
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
  });
  after(async () => {
    await database.close();
  });

  const get = async (url: string, init?: RequestInit) => {
    const response = await app.request(url, init);
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  test('before any import: a 404 page in Japanese', async () => {
    assert.equal(beforeImport.status, 404);
    assert.match(await beforeImport.text(), /取り込まれていません/);
  });

  test('the page lists every file of the current revision with format, size and encoding, and the dictionary', async () => {
    const response = await app.request('/downloads');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    assert.match(html, /^<!doctype html><html lang="ja">/i);
    for (const name of Object.keys(expectedTypes)) {
      assert.ok(html.includes(`href="/downloads/${SLUG}/1/${name}"`), `${name} is linked`);
      assert.ok(html.includes(`id="dictionary-${name.replace(/[^a-z0-9]+/gi, '-')}"`) || name === 'catalog.jsonld');
    }
    assert.match(html, /UTF-8（BOM付き）、改行 CRLF/);
    assert.match(html, /\d+\.\d KB/);
    assert.match(html, /公共データ利用規約（第1\.0版）/);
    assert.match(html, /CC BY 4\.0/);
    assert.match(html, /<th scope="col">列名<\/th>/);
    assert.match(html, /amount_thousand_yen/);
    assert.match(html, /role="region"/);
    assert.equal(log.errors().length, 0);
  });

  test('every file: content type, a file name, an ETag, the same bytes under its number and under latest', async () => {
    for (const [name, type] of Object.entries(expectedTypes)) {
      const { response, bytes } = await get(`/downloads/${SLUG}/1/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('content-type'), type, name);
      const disposition = response.headers.get('content-disposition') ?? '';
      assert.match(disposition, new RegExp(`^attachment; filename="renkei-022012-r1-${name.replace('.', '\\.')}"$`));
      assert.equal(response.headers.get('content-length'), String(bytes.byteLength));
      const etag = response.headers.get('etag');
      assert.match(etag ?? '', /^"[0-9a-f]{32}"$/);
      const latest = await get(`/downloads/${SLUG}/latest/${name}`);
      assert.equal(latest.response.headers.get('etag'), etag, name);
      assert.deepEqual(latest.bytes, bytes, name);
      assert.equal(latest.response.headers.get('cache-control'), 'no-cache');
      const again = await app.request(`/downloads/${SLUG}/1/${name}`, { headers: { 'If-None-Match': etag ?? '' } });
      assert.equal(again.status, 304, name);
    }
  });

  test('the CSV served reads back: BOM, CRLF, 55 projects, 330 budget rows, codes as text', async () => {
    const projects = readCsvBack((await get(`/downloads/${SLUG}/1/projects.csv`)).bytes);
    assert.equal(projects.records.length, 55);
    const budgets = readCsvBack((await get(`/downloads/${SLUG}/1/budgets.csv`)).bytes);
    assert.equal(budgets.records.length, 55 * 5 + 55);
    assert.ok(budgets.records.every((r) => r.municipality_code === '022012'));
  });

  test('vision.json is the stored Vision JSON and passes the shared shape check', async () => {
    const { bytes } = await get(`/downloads/${SLUG}/1/vision.json`);
    const served = JSON.parse(new TextDecoder().decode(bytes));
    assert.deepEqual(served, await getCurrentVision(database.db));
    if (!existsSync(CHECKER)) {
      console.log(`check-vision-json.mjs not found at ${CHECKER}: the shared shape check is skipped`);
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'renkei-vision-json-'));
    try {
      const file = path.join(dir, 'vision.json');
      await writeFile(file, bytes);
      const check = spawnSync(process.execPath, [CHECKER, file], { encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      assert.match(check.stdout, /shape ok: 55 projects/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a harvester follows catalog.jsonld: absolute URLs that answer with the size and checksum it states', async () => {
    const { bytes } = await get(`http://localhost/downloads/${SLUG}/latest/catalog.jsonld`);
    const catalog = JSON.parse(new TextDecoder().decode(bytes));
    const [dataset] = catalog['dcat:dataset'];
    assert.equal(dataset['dct:publisher']['dct:identifier'], '022012');
    assert.equal(dataset['dcat:landingPage']['@id'], `http://localhost/downloads/${SLUG}/1`);
    type Distribution = {
      'dcat:downloadURL': { '@id': string };
      'dcat:byteSize': { '@value': string };
      'spdx:checksum': { 'spdx:checksumValue': string };
    };
    const distributions: Distribution[] = dataset['dcat:distribution'];
    assert.equal(distributions.length, Object.keys(expectedTypes).length - 1);
    for (const d of distributions) {
      const url: string = d['dcat:downloadURL']['@id'];
      assert.ok(url.startsWith(`http://localhost/downloads/${SLUG}/1/`), url);
      const file = await get(url);
      assert.equal(file.response.status, 200, url);
      assert.equal(d['dcat:byteSize']['@value'], String(file.bytes.byteLength), url);
      assert.equal(d['spdx:checksum']['spdx:checksumValue'], createHash('sha256').update(file.bytes).digest('hex'));
    }
  });

  test('unknown file, revision, area or a malformed number: 404 pages', async () => {
    for (const url of [
      `/downloads/${SLUG}/1/secret.txt`,
      `/downloads/${SLUG}/9/projects.csv`,
      `/downloads/nowhere/1/projects.csv`,
      `/downloads/${SLUG}/0/projects.csv`,
      `/downloads/${SLUG}/one/projects.csv`,
      '/downloads/nowhere',
    ]) {
      const response = await app.request(url);
      assert.equal(response.status, 404, url);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/, url);
    }
  });

  test('a second revision: latest moves to it, the first stays as it was, the page lists both', async () => {
    const first = await get(`/downloads/${SLUG}/1/budgets.csv`);
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'noisy.txt',
      bytes: readFileSync(repoPath('test/fixtures/import/noisy-revision.txt')),
    });
    const latest = await get(`/downloads/${SLUG}/latest/budgets.csv`);
    assert.match(latest.response.headers.get('content-disposition') ?? '', /renkei-022012-r2-budgets\.csv/);
    const second = await get(`/downloads/${SLUG}/2/budgets.csv`);
    assert.deepEqual(second.bytes, latest.bytes);
    const firstAgain = await get(`/downloads/${SLUG}/1/budgets.csv`);
    assert.deepEqual(firstAgain.bytes, first.bytes);
    assert.equal(firstAgain.response.headers.get('cache-control'), 'public, max-age=3600');
    const html = await (await app.request('/downloads')).text();
    assert.ok(html.includes(`href="/downloads/${SLUG}/2/projects.csv"`));
    assert.ok(html.includes(`href="/downloads/${SLUG}/1"`), 'the earlier revision is linked');
    const old = await (await app.request(`/downloads/${SLUG}/1`)).text();
    assert.ok(old.includes(`href="/downloads/${SLUG}/1/projects.csv"`));
  });
});
