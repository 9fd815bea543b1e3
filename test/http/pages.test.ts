import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

describe('public pages on the seed', () => {
  let database: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  const log = createMemoryLog();

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
    app = createApp({ db: database.db, dataStampTtlMs: 0, logger: log.logger });
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
    assert.match(text, /全55事業のうち、条件に合う0事業を表示しています。/);
    assert.match(await html('/projects'), /全55事業を表示しています。/);
  });

  // the cells of /projects's rows, tags stripped, keyed by project number
  const rowsOf = (text: string) =>
    new Map(
      [...text.matchAll(/<tr><td class="num stack-table__number"[^>]*>(\d+)<\/td>(.*?)<\/tr>/g)].map((m) => [
        Number(m[1]),
        [...(m[2] as string).matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) =>
          (c[1] as string).replace(/<[^>]+>/g, ''),
        ),
      ]),
    );
  const NO_AMOUNT = [36, 42, 46, 50, 55]; // every budget cell 「—」 or blank in the seed

  test('projects: a total the document gives as 「—」 stays 「—」 (never 0) and sorts last either way', async () => {
    const rows = rowsOf(await html('/projects'));
    for (const n of NO_AMOUNT) assert.equal(rows.get(n)?.at(-1), '—（金額の記載なし）', `project ${n}`);
    assert.equal(rows.get(1)?.at(-1), '2,019');
    for (const order of ['asc', 'desc']) {
      const numbers = await listed(`?sort=cost&order=${order}`);
      assert.deepEqual(numbers.slice(-NO_AMOUNT.length), NO_AMOUNT, `sort=cost&order=${order}`);
    }
  });

  test('projects: placement in words, participants once as a sentence when all take part, no duplicated caption', async () => {
    const text = await html('/projects');
    const rows = rowsOf(text);
    assert.match(rows.get(1)?.[1] ?? '', /^役割1 ＞ \(1\) 産学金官民一体となった経済戦略の策定/);
    assert.doesNotMatch(text, /3-\(1\)-4|役割-\(施策\)-分野/);
    assert.equal(rows.get(1)?.[2], 'すべての連携町村（4町村）');
    assert.equal([...text.matchAll(/全55事業/g)].length, 1, 'the count is said once');
    assert.match(text, /<details class="filter-form__more">/);
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
    assert.match(p2, /事業2の事業シート。/);
    assert.match(p2, /aomori\.txt」の94行目から104行目/);
    assert.match(p2, /href="\/projects\/1"/, 'previous project');
    assert.match(p2, /href="\/projects\/3"/, 'next project');
    const p36 = await html('/projects/36');
    assert.match(p36, /新規/);
    assert.match(p36, /目標値なし/);
    const p9 = await html('/projects/9');
    assert.match(p9, /1件以上\/年度/);
  });

  test('project budget chart: the years only, the total as a sentence; no amount at all gives a note, not a frame', async () => {
    const p1 = await html('/projects/1');
    const figure = p1.match(/<figure class="chart-figure"[\s\S]*?<\/figure>/)?.[0] ?? '';
    assert.match(figure, /<svg/);
    assert.doesNotMatch(figure, />計</, 'no 計 bar or column');
    assert.match(figure, /<p class="chart-note">計 2,019千円（5年度分の合計。文書の記載）<\/p>/);
    assert.match(p1, /目標値（2024年度）/);
    assert.doesNotMatch(p1, /目標値（2024年度（令和6年度））/);
    for (const n of [42, 50]) {
      const page = await html(`/projects/${n}`);
      const fig = page.match(/<figure class="chart-figure"[\s\S]*?<\/figure>/)?.[0] ?? '';
      assert.doesNotMatch(fig, /<svg/, `project ${n}: no empty chart frame`);
      assert.match(fig, /どの年度にも金額の記載がありません/);
      assert.match(fig, /計 —（文書に金額の記載なし）/);
    }
    const p36 = await html('/projects/36');
    assert.match(p36, /<td class="num">記載なし<\/td>/, 'a blank year says 記載なし');
  });

  test("participants as a sentence; 「同上」 resolved to the central city's text", async () => {
    const p1 = await html('/projects/1');
    assert.match(p1, /連携町村のすべて（4町村）が参加します。/);
    assert.doesNotMatch(p1, /平内町：参加/);
    const p40 = await html('/projects/40');
    assert.match(p40, /圏域における技術水準の維持向上及び経営効率化の推進<span class="note">（文書では「同上」/);
    const town = await html('/municipalities/023078');
    const row40 = town.match(/<tr><td[^>]*>40<\/td>.*?<\/tr>/)?.[0] ?? '';
    assert.match(row40, /圏域における技術水準の維持向上及び経営効率化の推進/);
  });

  test('municipality page: its projects, its role text, totals; unknown is a 404 page', async () => {
    const text = await html('/municipalities/023078');
    assert.match(text, /外ヶ浜町/);
    assert.match(text, /55事業/);
    assert.match(text, /懇談会の委員推薦、懇談会への参画/);
    assert.match(text, /5,043人（2022年10月1日時点の推計人口。出典: 青森県 推計人口 第7表）/);
    assert.match(text, /金額の記載がない5事業（「—」または空欄）は含みません/);
    const row42 = text.match(/<tr><td[^>]*>42<\/td>.*?<\/tr>/)?.[0] ?? '';
    assert.match(row42, /<td class="num" data-label="[^"]+"><span aria-hidden="true">—<\/span>/);
    const city = await html('/municipalities/022012');
    assert.match(city, /ビジョン懇談会を開催、各種連携事業の推進/);
    await html('/municipalities/999999', 404);
  });

  test('findings page: the document inconsistencies with lines and links', async () => {
    const text = await html('/findings');
    assert.match(text, /事業名が表と事業シートで異なる/);
    assert.match(text, /href="\/projects\/47"/);
    assert.match(text, /<li>連携協約項目の表（65行目）<\/li><li>事業47の事業シートの事業名（612行目）<\/li>/);
    assert.match(
      text,
      /<dt>連携協約項目の表<\/dt><dd>あおもり新しい働き方支援事業（Uターン就職支援）<\/dd><dt>事業47の事業シート<\/dt><dd>あおり新しい働き方支援事業（Uターン就職支援）<\/dd>/,
    );
    assert.doesNotMatch(text, /表（\d+行）/, 'no 「表（13行）」 read as a 13-row table');
  });

  test('home: populations with their date and kind; the yearly chart says what its total is', async () => {
    const text = await html('/');
    assert.match(text, /<caption>構成市町村と人口（2022年10月1日時点の推計人口）<\/caption>/);
    assert.doesNotMatch(text, /最新の公表値|次に見る/);
    assert.match(text, /計画期間5年度分の合計 [\d,]+千円。金額の記載がない欄/);
  });

  test('header and footer: publisher, last update, search, every public page; favicon', async () => {
    const text = await html('/projects');
    const header = text.match(/<header[\s\S]*?<\/header>/)?.[0] ?? '';
    assert.match(header, /発行: 青森市/);
    assert.match(header, /最終更新: <time datetime="[^"]+">\d{4}年\d{1,2}月\d{1,2}日<\/time>/);
    assert.match(header, /<form method="get" action="\/projects"><label for="site-search-wide"/);
    for (const href of ['/', '/matrix', '/projects', '/status', '/findings', '/downloads', '/areas', '/api/docs']) {
      assert.match(header, new RegExp(`<a href="${href}"`), href);
    }
    const footer = text.match(/<footer[\s\S]*?<\/footer>/)?.[0] ?? '';
    for (const href of ['/areas/compare', '/api/docs', '/accessibility', '/downloads']) {
      assert.match(footer, new RegExp(`<a href="${href}"`), href);
    }
    const areas = await html('/areas');
    const nav = areas.match(/<nav aria-label="サイト内" class="site-nav site-nav--wide">[\s\S]*?<\/nav>/)?.[0] ?? '';
    assert.ok(nav.indexOf('ホーム') < nav.indexOf('圏域一覧'), 'ホーム first on /areas too');
    const icon = await app.request('/favicon.ico');
    assert.equal(icon.status, 200);
    assert.match(icon.headers.get('content-type') ?? '', /^image\/svg\+xml/);
  });

  test('/areas/compare: the cost per resident says it is a plan-period sum, and per year beside it', async () => {
    const text = await html('/areas/compare');
    assert.match(text, /1人あたり事業費（計画期間の合計、円）/);
    assert.match(text, /1人あたり事業費（1年あたり、円）/);
    assert.match(text, /2022年10月1日時点の推計人口の合計/);
    assert.doesNotMatch(text, /1の圏域/);
  });

  test('API and open data answer gzip to a client that accepts it; pages and xlsx as they are; files save as files', async () => {
    const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };
    const downloads = await html('/downloads');
    const folder = downloads.match(/href="(\/downloads\/[^"/]+\/)\d+\/projects\.csv"/)?.[1];
    assert.ok(folder, 'the area folder of the open data');
    for (const path of ['/api/v1/projects?limit=200', '/api/v1/openapi.json', `${folder}latest/projects.csv`]) {
      const plain = await app.request(path);
      assert.equal(plain.status, 200, path);
      const packed = await app.request(path, { headers: gzip });
      assert.equal(packed.headers.get('content-encoding'), 'gzip', path);
      assert.match(packed.headers.get('vary') ?? '', /Accept-Encoding/i);
      const body = new Uint8Array(await packed.arrayBuffer());
      const expected = new Uint8Array(await plain.arrayBuffer());
      assert.ok(
        body.byteLength < expected.byteLength / 2,
        `${path}: ${body.byteLength} of ${expected.byteLength} bytes`,
      );
      assert.deepEqual(new Uint8Array(gunzipSync(body)), expected, path);
    }
    const page = await app.request('/projects', { headers: gzip });
    assert.equal(page.headers.get('content-encoding'), null, 'pages are not compressed');
    const xlsx = await app.request(`${folder}latest/open-data.xlsx`, { headers: gzip });
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-encoding'), null, 'xlsx is a zip already');
    for (const file of ['vision.json', 'datapackage.json', 'projects.csv']) {
      const response = await app.request(`${folder}latest/${file}`);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="/, file);
    }
    assert.match(downloads, /projects\.csv<span class="download-meta">（CSV、[\d.]+ KB、ダウンロード）<\/span>/);
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
    assert.equal(log.errors().length, 0);
  });
});
