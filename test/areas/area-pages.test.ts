import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import { findLatestPopulation } from '../../src/domain/municipality-populations.js';
import { costByFiscalYear, projectCost } from '../../src/domain/project-query.js';
import type { Vision } from '../../src/domain/vision.js';
import { createApp } from '../../src/server/app.js';
import { importAreaDocument } from '../../src/service/area-import.js';
import { getCurrentVision } from '../../src/service/read-vision.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

const OTHER_DOCUMENT = 'test/fixtures/import/other-area-seven-partners.txt';

/** Two areas side by side: the seed (青森圏域, the default, slug from its name) and 八戸圏域 (slug `hachinohe`). */
describe('two areas in one installation: pages scoped by area', () => {
  let database: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let aomori: Vision;
  let hachinohe: Vision;
  const aomoriSlug = '青森圏域';
  const aomoriBase = `/areas/${encodeURIComponent(aomoriSlug)}`;
  const hachinoheBase = '/areas/hachinohe';

  const get = async (path: string, status = 200) => {
    const response = await app.request(path);
    const text = await response.text();
    assert.equal(response.status, status, `${path} → ${response.status}\n${text.slice(0, 300)}`);
    return text;
  };
  const hrefs = (html: string) =>
    [...html.matchAll(/href="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&'));
  const actions = (html: string) => [...html.matchAll(/action="([^"]*)"/g)].map((m) => m[1] as string);
  // the project numbers an area page lists under its base
  const listed = (html: string, base: string) =>
    [
      ...html.matchAll(new RegExp(`<a href="${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/projects/(\\d+)">`, 'g')),
    ].map((m) => Number(m[1]));

  before(async () => {
    database = await openMigrated(pgliteEngine);
    app = createApp({ db: database.db, dataStampTtlMs: 0 });
    const seed = await importAreaDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
    assert.equal(seed.areaSlug, aomoriSlug);
    const other = await importAreaDocument(database.db, operatorActor('system'), {
      fileName: 'hachinohe.txt',
      bytes: readFileSync(repoPath(OTHER_DOCUMENT)),
      areaSlug: 'hachinohe',
    });
    assert.equal(other.areaSlug, 'hachinohe');
    aomori = await getCurrentVision(database.db, aomoriSlug);
    hachinohe = await getCurrentVision(database.db, 'hachinohe');
  });
  after(async () => {
    await database.close();
  });

  test('/areas lists both areas with their counts and links to their pages', async () => {
    const text = await get('/areas');
    assert.match(text, /<h1>圏域一覧<\/h1>/);
    assert.ok(text.includes(`<a href="${aomoriBase}/">青森圏域</a>`), 'link to 青森圏域');
    assert.ok(text.includes(`<a href="${hachinoheBase}/">八戸圏域</a>`), 'link to 八戸圏域');
    assert.match(text, /<caption>登録されている圏域<\/caption>/);
    assert.match(text, /登録されている圏域（連携中枢都市圏・定住自立圏）は2つです/);
    assert.match(text, /トップページで表示する圏域/);
    assert.ok(text.includes('href="/areas/compare"'));
  });

  test('the root keeps showing the default area, with a link to the list of areas', async () => {
    const home = await get('/');
    assert.match(home, /青森圏域連携中枢都市圏ビジョン/);
    assert.match(home, /このポータルには2つの圏域があります/);
    assert.ok(home.includes('<a href="/areas">圏域一覧</a>'));
    assert.equal(listed(await get('/projects'), '').length, 55);
  });

  test("each area's project list shows only its own projects, and its links stay in the area", async () => {
    for (const [base, vision] of [
      [aomoriBase, aomori],
      [hachinoheBase, hachinohe],
    ] as const) {
      const text = await get(`${base}/projects`);
      assert.deepEqual(
        listed(text, base),
        vision.projects.map((p) => p.number),
      );
      for (const p of vision.projects) assert.ok(text.includes(`>${p.name}</a>`), `${base}: ${p.name}`);
      // the filters and the header's search box all go to the area's own list
      assert.deepEqual([...new Set(actions(text))], [`${base}/projects`]);
    }
    const other = await get(`${hachinoheBase}/projects`);
    assert.equal(listed(other, hachinoheBase).length, 8);
    assert.doesNotMatch(other, /あおもり/);
    assert.doesNotMatch(await get(`${aomoriBase}/projects`), /創業支援事業<\/a>/);
  });

  test('every page of an area links only inside the area or to site-wide pages', async () => {
    const siteWide = (href: string) =>
      href === '/areas' ||
      href.startsWith('/areas/compare') ||
      href.startsWith('/areas/search') ||
      href === '/accessibility' ||
      href === '/reports' || // the council's reports of every area, one list
      href === '/signin' ||
      href === '/api/docs' ||
      href === '/favicon.svg' ||
      href.startsWith('/assets/') ||
      href.startsWith('#');
    for (const [base, vision] of [
      [aomoriBase, aomori],
      [hachinoheBase, hachinohe],
    ] as const) {
      const partner = vision.area.municipalities.find((m) => !m.isCentralCity && m.code !== null);
      const paths = ['/', '/matrix', '/projects', '/projects?role=1', '/projects/1', '/projects/2', '/findings'];
      if (partner?.code) paths.push(`/municipalities/${partner.code}`);
      for (const path of paths) {
        const url = path === '/' ? `${base}/` : `${base}${path}`;
        const text = await get(url);
        const outside = hrefs(text).filter(
          (href) =>
            !href.startsWith(`${base}/`) &&
            !href.startsWith(`/api/v1${base}`) &&
            href !== `/downloads${base.slice('/areas'.length)}` &&
            !siteWide(href),
        );
        assert.deepEqual(outside, [], `${url} links outside its area`);
        assert.ok(text.includes(`<a href="${base}/projects">事業一覧</a>`) || text.includes(`aria-current`), url);
      }
    }
  });

  test('area pages: nav, breadcrumbs from the list of areas, prev/next and the merged-KPI link in the area', async () => {
    const p2 = await get(`${aomoriBase}/projects/2`);
    assert.ok(p2.includes(`<a href="${aomoriBase}/projects/4">NO.4に統合</a>`));
    assert.ok(p2.includes(`href="${aomoriBase}/projects/1" rel="prev"`));
    assert.ok(p2.includes(`href="${aomoriBase}/projects/3" rel="next"`));
    assert.match(p2, /<nav aria-label="パンくずリスト"[^>]*><ol><li><a href="\/areas">圏域一覧<\/a><\/li>/);
    assert.ok(p2.includes(`<a href="${aomoriBase}/projects" aria-current="true">事業一覧</a>`));
    const home = await get(`${hachinoheBase}/`);
    assert.match(home, /八戸圏域連携中枢都市圏ビジョン（第2期）/);
    assert.ok(home.includes(`<a href="${hachinoheBase}/" aria-current="page">ホーム</a>`));
    assert.ok(home.includes('<a href="/downloads/hachinohe">オープンデータ</a>'), 'its open data, not raw JSON');
  });

  test('each area has its own municipalities; a town of one area is not found in the other', async () => {
    const town = hachinohe.area.municipalities.find((m) => !m.isCentralCity && m.code !== null);
    assert.ok(town?.code, 'a partner with a code in the other fixture');
    assert.match(await get(`${hachinoheBase}/municipalities/${town.code}`), new RegExp(town.name));
    await get(`${aomoriBase}/municipalities/${town.code}`, 404);
    assert.match(await get(`${aomoriBase}/municipalities/023078`), /外ヶ浜町/);
  });

  test('unknown areas and projects are 404 pages; a slug without its slash is redirected', async () => {
    assert.match(await get('/areas/no-such-area/', 404), /圏域「no-such-area」は登録されていません/);
    await get('/areas/no-such-area/projects', 404);
    await get(`${hachinoheBase}/projects/9`, 404);
    await get(`${aomoriBase}/projects/9`);
    const redirect = await app.request(hachinoheBase);
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), `${hachinoheBase}/`);
  });

  test('/areas/compare: kind, counts, cost per year and per resident (or 人口不明), KPI target kinds, chart and tables', async () => {
    const text = await get('/areas/compare');
    const row = (name: string) => {
      const match = new RegExp(`<tr><th scope="row"><a href="[^"]+">${name}</a></th>(.*?)</tr>`).exec(text);
      assert.ok(match, `a row for ${name}`);
      return [...(match[1] as string).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) =>
        (m[1] as string).replace(/<[^>]+>/g, ''),
      );
    };
    const total = (v: Vision) => v.projects.reduce((sum, p) => sum + (projectCost(p) ?? 0), 0);
    const population = aomori.area.municipalities.reduce(
      (sum, m) => sum + (findLatestPopulation(m.code)?.value ?? Number.NaN),
      0,
    );
    assert.ok(Number.isFinite(population), 'every 青森圏域 municipality has a population');
    const yen = Math.round((total(aomori) * 1000) / population);

    assert.deepEqual(row('青森圏域'), [
      '連携中枢都市圏',
      '5',
      '55',
      '2020年度〜2024年度',
      total(aomori).toLocaleString('ja-JP'),
      population.toLocaleString('ja-JP'),
      yen.toLocaleString('ja-JP'),
      Math.round((total(aomori) * 1000) / population / aomori.plan.fiscalYears.length).toLocaleString('ja-JP'),
    ]);
    assert.match(text, /※青森圏域の人口: 構成市町村の2022年10月1日時点の推計人口の合計/);
    assert.deepEqual(row('八戸圏域'), [
      '連携中枢都市圏',
      '8',
      '8',
      '2025年度〜2029年度',
      total(hachinohe).toLocaleString('ja-JP'),
      '人口不明',
      '人口不明',
      '人口不明',
    ]);
    assert.match(text, /※八戸圏域: 8市町村の人口がこのポータルに登録されていないため/);

    // cost per fiscal year, in the chart's table (one series per area): the union of both plans' years,
    // — outside an area's plan
    const years = [...new Set([...aomori.plan.fiscalYears, ...hachinohe.plan.fiscalYears])].sort();
    const byYear = text.slice(text.indexOf('<figcaption>圏域ごとの年度別事業費見込額</figcaption>'));
    for (const [name, vision] of [
      ['青森圏域', aomori],
      ['八戸圏域', hachinohe],
    ] as const) {
      const costs = costByFiscalYear(vision.projects, years);
      const cells = new RegExp(`<th scope="row">${name}</th>(.*?)</tr>`).exec(byYear)?.[1] ?? '';
      const shown = [...cells.matchAll(/<td class="num">(.*?)<\/td>/g)].map((m) => m[1] as string);
      assert.deepEqual(
        shown,
        years.map((fy, i) => (vision.plan.fiscalYears.includes(fy) ? (costs[i] ?? 0).toLocaleString('ja-JP') : '—')),
        name,
      );
    }

    // KPI target kinds, counted from the visions
    const kinds = text.slice(text.indexOf('圏域別の成果指標の数'));
    for (const [name, vision] of [
      ['青森圏域', aomori],
      ['八戸圏域', hachinohe],
    ] as const) {
      const cells = new RegExp(`<th scope="row"><a href="[^"]+">${name}</a></th>(.*?)</tr>`).exec(kinds)?.[1] ?? '';
      const counts = [...cells.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      const kpis = vision.projects.flatMap((p) => p.kpis);
      const expected = ['absolute', 'per_year_at_least', 'percentage', 'merged_into', 'none'].map(
        (k) => kpis.filter((kpi) => kpi.target.kind === k).length,
      );
      assert.deepEqual(counts, [...expected, kpis.length], name);
    }

    assert.match(text, /<svg[^>]*role="img"/);
    assert.match(text, /<figcaption>圏域ごとの年度別事業費見込額<\/figcaption>/);
    assert.match(text, /<caption>圏域の概要/);
    assert.ok([...text.matchAll(/<th scope="col"/g)].length > 10);
  });

  test('/areas/compare?area= compares the chosen areas only', async () => {
    const text = await get('/areas/compare?area=hachinohe');
    assert.match(text, /八戸圏域/);
    assert.doesNotMatch(text, /<th scope="row"><a href="[^"]+">青森圏域<\/a>/);
    assert.match(text, /<input id="area-1" type="checkbox" name="area" value="hachinohe" checked=""/);
  });

  test('/areas/search finds projects of every area and links into each', async () => {
    const text = await get(`/areas/search?q=${encodeURIComponent('創業')}`);
    assert.ok(text.includes(`<a href="${hachinoheBase}/projects/1">創業支援事業</a>`));
    assert.ok(text.includes(`href="${aomoriBase}/projects/`), 'a 青森圏域 project about 創業');
    assert.match(await get('/areas/search'), /<input id="q" name="q" type="search" value=""/);
    assert.match(await get(`/areas/search?q=${encodeURIComponent('存在しない語')}`), /<strong>0事業<\/strong>/);
    await get(`/areas/search?q=${'あ'.repeat(101)}`, 400);
  });
});
