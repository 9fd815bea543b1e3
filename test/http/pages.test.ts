import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

describe('public pages on the seed', () => {
  let database: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  const logged: unknown[] = [];

  const html = async (path: string, status = 200) => {
    const response = await app.request(path);
    assert.equal(response.status, status, `${path} → ${response.status}`);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const text = await response.text();
    assert.match(text, /^<!doctype html><html lang="ja">/i);
    return text;
  };
  // the numbers of the projects listed by /projects, in order
  const listed = async (query: string) => {
    const text = await html(`/projects${query}`);
    return [...text.matchAll(/<a href="\/projects\/(\d+)">/g)].map((m) => Number(m[1]));
  };

  before(async () => {
    database = await openMigrated(pgliteEngine);
    app = createApp({ db: database.db, dataStampTtlMs: 0, logError: (_m, e) => logged.push(e) });
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
  });
  after(async () => {
    await database.close();
  });

  test('home: municipalities with code and population, cost per fiscal year as chart and table, new projects', async () => {
    const text = await html('/');
    assert.match(text, /青森圏域連携中枢都市圏ビジョン/);
    assert.match(text, /023078/);
    assert.match(text, /268,556/);
    assert.match(text, /<svg[^>]*role="img"/);
    assert.match(text, /2022年度/);
    assert.match(text, /href="\/projects\/36"/);
    assert.match(text, /本文へスキップ/);
  });

  test('matrix: every project with its ○ and counts; the heading that differs is shown', async () => {
    const text = await html('/matrix');
    for (let n = 1; n <= 55; n++) assert.match(text, new RegExp(`href="/projects/${n}"`));
    assert.equal([...text.matchAll(/<span class="visually-hidden">参加<\/span>/g)].length, 55 * 4);
    assert.match(text, /一覧表での見出し: \(2\) 高等教育・研究開発の環境整備/);
    assert.match(text, /あおもり新しい働き方支援事業/);
  });

  test('projects: each filter, search, sort and the result count', async () => {
    assert.equal((await listed('')).length, 55);
    assert.deepEqual(await listed('?role=2'), [18]);
    assert.deepEqual((await listed('?role=1&area=3')).length, 8);
    assert.deepEqual(await listed('?role=3&area=1&sub=2'), [22]);
    assert.deepEqual(await listed('?new=1'), [36, 46, 55]);
    assert.deepEqual(await listed('?kind=merged_into'), [2, 3]);
    assert.equal((await listed('?municipality=外ケ浜町')).length, 55);
    assert.deepEqual(await listed('?q=ＲＰＡ'), [55]);
    assert.deepEqual(await listed('?q=rpa'), [55]);
    assert.deepEqual(await listed('?q=むつ湾かるた'), [44]);
    assert.deepEqual((await listed('?sort=cost&order=desc')).slice(0, 3), [23, 35, 5]);
    const text = await html('/projects?q=存在しない語');
    assert.match(text, /条件に合う事業はありません/);
    assert.match(text, /href="\/projects">条件をクリア/);
    assert.match(text, /55事業のうち <strong>0事業<\/strong>/);
  });

  test('projects: bad filter values are a 400 page', async () => {
    for (const q of ['?role=x', '?role=0', '?kind=big', '?sort=name', `?q=${'あ'.repeat(101)}`]) {
      const text = await html(`/projects${q}`, 400);
      assert.match(text, /指定に誤りがあります/);
    }
  });

  test('project page: every field, blank and dash as printed, target by kind with a link for NO.4に統合', async () => {
    const p2 = await html('/projects/2');
    assert.match(p2, /起業・創業等支援拠点運営事業/);
    assert.match(p2, /<a href="\/projects\/4">NO\.4に統合<\/a>/);
    assert.match(p2, /21,833/);
    assert.match(p2, /36,495/);
    assert.match(p2, /あおもり地域ビジネス交流センターの支援による圏域の年間創業件数/);
    assert.match(p2, /21件 \(2019年度見込\)/);
    assert.match(p2, /aomori\.txt」の94〜104行目/);
    assert.match(p2, /href="\/projects\/1"/, 'previous project');
    assert.match(p2, /href="\/projects\/3"/, 'next project');
    const p36 = await html('/projects/36');
    assert.match(p36, /新規/);
    assert.match(p36, /目標値なし/);
    const p9 = await html('/projects/9');
    assert.match(p9, /1件以上\/年度/);
  });

  test('municipality page: its projects, its role text, totals; unknown is a 404 page', async () => {
    const text = await html('/municipalities/023078');
    assert.match(text, /外ヶ浜町/);
    assert.match(text, /55事業/);
    assert.match(text, /懇談会の委員推薦、懇談会への参画/);
    const city = await html('/municipalities/022012');
    assert.match(city, /ビジョン懇談会を開催、各種連携事業の推進/);
    await html('/municipalities/999999', 404);
  });

  test('findings page: the document inconsistencies with lines and links', async () => {
    const text = await html('/findings');
    assert.match(text, /事業名が表と事業シートで異なる/);
    assert.match(text, /href="\/projects\/47"/);
    assert.match(text, />612</);
  });

  test('accessibility statement page', async () => {
    const text = await html('/accessibility');
    assert.match(text, /JIS X 8341-3:2016/);
  });

  test('unknown project and bad numbers: 404 and 400 pages; API paths keep problem+json', async () => {
    await html('/projects/999', 404);
    await html('/projects/abc', 400);
    await html('/no-such-page', 404);
    const api = await app.request('/api/v1/projects/999');
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
  });

  test('pages are cached until the data changes and answer 304 to a matching ETag', async () => {
    const first = await app.request('/projects/1');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await app.request('/projects/1', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const changed = readFileSync(repoPath(SEED_DOCUMENT), 'utf8').replace(
      'ビジョン懇談会の運営',
      'ビジョン懇談会の運営（改）',
    );
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'aomori-2.txt',
      bytes: new TextEncoder().encode(changed),
    });
    const after = await app.request('/projects/1', { headers: { 'If-None-Match': etag } });
    assert.equal(after.status, 200);
    assert.match(await after.text(), /ビジョン懇談会の運営（改）/);
  });

  test('the stylesheet is served with a long cache', async () => {
    const response = await app.request('/assets/site.css');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/css/);
    assert.match(response.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await response.text(), /--color-/);
    assert.equal(logged.length, 0);
  });
});
