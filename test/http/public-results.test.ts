/**
 * Published yearly results on the public side (issue 8, part 6), on every database: the project page's 実績,
 * /status, the home page and /matrix counts, the three result CSVs and GET /api/v1/areas/{slug}/status/{fy}.
 * FY2023 is entered but never published: its figures must not appear anywhere public.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Hono } from 'hono';
import type { Actor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { loadAccountActor } from '../../src/service/accounts/load-actor.js';
import {
  changeMunicipalityResultState,
  recordMunicipalityResult,
} from '../../src/service/results/municipality-results.js';
import { findAccountByEmail } from '../../src/store/account-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { type Json, ResponseChecker } from '../helpers/openapi-response-checker.js';
import { AREA_CODES, publishResults, RESULTS_AREA, seedResults, UNPUBLISHED } from '../helpers/seed-results.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient } from '../helpers/web-client.js';
import { readCsvBack } from '../report/read-open-data.js';

const SLUG = encodeURIComponent(RESULTS_AREA);
const RESULT_FILES = ['kpi-actuals.csv', 'spending-actuals.csv', 'cost-shares.csv'] as const;
const STATUS_URL = `/api/v1/areas/${SLUG}/status/2022`;
const PUBLIC_URLS = ['/', '/matrix', '/status', '/projects/1', '/projects/4', `/areas/${SLUG}/projects/1`];
/** FY2023's figures as they would be printed or written */
const LEAKS = [/777[,]?777/, /888[,]?888/];

type StatusBody = {
  fiscalYear: number;
  audience: string;
  projects: {
    number: number;
    grade: string | null;
    kpis: { number: number; actual: number | null; status: string | null }[];
    spending: { plan: number | null; actual: number | null; shares: { municipalityCode: string; actual: number }[] };
  }[];
};

const text = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');

for (const engine of testEngines) {
  describe(`published results on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    let checker: ResponseChecker;

    const page = async (url: string) => {
      const response = await app.request(url);
      assert.equal(response.status, 200, url);
      return response.text();
    };
    const csv = async (name: string) => {
      const response = await app.request(`/downloads/${SLUG}/latest/${name}`);
      assert.equal(response.status, 200, name);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], `${name}: UTF-8 with BOM`);
      assert.match(new TextDecoder().decode(bytes), /\r\n/, `${name}: CRLF`);
      return { bytes, ...readCsvBack(bytes) };
    };
    const assertNoLeak = (where: string, body: string) => {
      for (const leak of LEAKS) assert.doesNotMatch(body, leak, `${where} shows unpublished FY2023 figures`);
    };

    before(async () => {
      database = await openMigrated(engine);
      await seedResults(database.db);
      app = createApp({ db: database.db, dataStampTtlMs: 0 });
      const document = (await (await app.request('/api/v1/openapi.json')).json()) as Json;
      const validator = new Validator();
      assert.equal((await validator.validate(structuredClone(document))).valid, true);
      checker = new ResponseChecker(validator.resolveRefs() as Json);
    });
    after(async () => {
      await database.close();
    });

    test('before publication: one sentence, no tables, no counts, header-only CSVs, 404 from the API', async () => {
      const project = text(await page('/projects/1'));
      assert.match(project, /この事業の実績はまだ公表されていません。/);
      assert.doesNotMatch(project, /事業費の計画と実績|市町村ごとの負担額/);
      const status = await page('/status');
      assert.match(text(status), /まだ公表された実績はありません。/);
      assert.doesNotMatch(status, /<table/);
      assert.doesNotMatch(await page('/'), /class="status-counts"/);
      for (const name of RESULT_FILES) assert.equal((await csv(name)).records.length, 0, name);
      const api = await app.request(STATUS_URL);
      assert.equal(api.status, 404);
      checker.check(STATUS_URL, 404, api.headers.get('content-type') ?? '', await api.json());
      for (const url of PUBLIC_URLS) assertNoLeak(url, await page(url));
    });

    test('the API: the status JSON shape, valid against the OpenAPI document, public audience', async () => {
      await publishResults(database.db, 2022);
      const response = await app.request(STATUS_URL);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      const body = (await response.json()) as StatusBody;
      checker.check(STATUS_URL, 200, response.headers.get('content-type') ?? '', body);
      assert.deepEqual([body.fiscalYear, body.audience], [2022, 'public']);
      const project1 = body.projects.find((p) => p.number === 1);
      assert.deepEqual([project1?.spending.plan, project1?.spending.actual], [401, 390]);
      assert.deepEqual(
        project1?.spending.shares.map((s) => s.municipalityCode),
        [...AREA_CODES],
      );
      assert.equal(project1?.spending.shares[1]?.actual, 15, "平内町's entered part");
      const project4 = body.projects.find((p) => p.number === 4);
      assert.deepEqual(
        project4?.kpis.map((k) => [k.actual, k.status]),
        [
          [30, '概ね順調'],
          [800, '遅れ'],
        ],
      );
      assert.equal(project4?.grade, 'B');
      const missing = await app.request(`/api/v1/areas/${SLUG}/status/${UNPUBLISHED.fiscalYear}`);
      assert.equal(missing.status, 404, 'an unpublished year is not found');
      assertNoLeak('the 404 problem', await missing.text());
    });

    test('the project page: plan vs actual, KPI actuals against the target line, shares with the rounding rule', async () => {
      const html = await page(`/areas/${SLUG}/projects/1`);
      const section = text(html.slice(html.indexOf('id="results-heading"'), html.indexOf('id="source-heading"')));
      assert.match(section, /公表された年度: 2022年度。/);
      assert.match(section, /計画（事業費見込額）\s+408\s+408\s+401\s+401\s+401/);
      assert.match(section, /実績（決算額）\s+未公表\s+未公表\s+390\s+未公表\s+未公表/);
      assert.match(section, /2022年度: 概ね順調/);
      assert.match(section, /現状値から目標値への直線\s+44\s+46\s+48\s+50\s+52/);
      assert.match(section, /負担の決め方: 均等割 30％・人口割 70％。/);
      assert.match(section, /平内町\s+34\s+15\s+入力値/);
      assert.match(section, /最大剰余法/);
      assert.match(section, /記載順が先の市町村/);
      assert.match(html, /<svg role="img" aria-labelledby="kpi-1-1-title kpi-1-1-desc"/);
      assert.match(html, /<svg role="img" aria-labelledby="results-spending-1-title results-spending-1-desc"/);
      const project4 = text(await page('/projects/4'));
      assert.match(project4, /2022年度の評価: B/);
      assert.match(project4, /指標2 相談窓口での年間相談件数\s+2022年度: 遅れ/);
    });

    test('/status, the home page and /matrix: counts of the published year, the same as the API', async () => {
      const body = (await (await app.request(STATUS_URL)).json()) as StatusBody;
      const statuses = body.projects.flatMap((p) => p.kpis.map((k) => k.status));
      const count = (s: string) => statuses.filter((x) => x === s).length;
      const expected = `達成 ${count('達成')}件、概ね順調 ${count('概ね順調')}件、遅れ ${count('遅れ')}件、未評価 ${count('未評価')}件`;
      assert.ok(count('概ね順調') >= 2 && count('遅れ') >= 1);
      for (const url of ['/', '/matrix']) assert.ok(text(await page(url)).includes(expected), url);
      const status = await page('/status?fy=2022');
      const total = text(status).match(/全体\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/);
      assert.ok(total, 'the total row');
      assert.deepEqual(total.slice(2).map(Number), [count('達成'), count('概ね順調'), count('遅れ'), count('未評価')]);
      for (const heading of ['役割ごと', '連携施策ごと', '市町村ごと（参加する事業）']) {
        assert.ok(status.includes(`>${heading}</h2>`), heading);
      }
      assert.match(status, /<svg role="img" aria-labelledby="status-kpis-title status-kpis-desc"/);
      assert.equal((await app.request(`/areas/${SLUG}/status`)).status, 200);
      assert.equal((await app.request(`/status?fy=${UNPUBLISHED.fiscalYear}`)).status, 404);
      assert.equal((await app.request('/status?fy=abc')).status, 400);
      assert.match(await page('/'), /href="\/status"/);
    });

    test('the CSVs: published rows only, codes and whole 千円, documented in the data dictionary', async () => {
      const kpis = await csv('kpi-actuals.csv');
      const row = kpis.records.find((r) => r.project_number === '4' && r.kpi_number === '2');
      assert.deepEqual(
        [row?.fiscal_year, row?.actual, row?.status, row?.municipality_code],
        ['2022', '800', '遅れ', '022012'],
      );
      assert.ok(kpis.records.every((r) => r.fiscal_year === '2022'));
      const spending = await csv('spending-actuals.csv');
      const project1 = spending.records.find((r) => r.project_number === '1');
      assert.deepEqual([project1?.plan_thousand_yen, project1?.actual_thousand_yen], ['401', '390']);
      const shares = await csv('cost-shares.csv');
      const rows = shares.records.filter((r) => r.project_number === '1');
      assert.deepEqual(
        rows.map((r) => r.municipality_code),
        [...AREA_CODES],
      );
      assert.equal(
        rows.reduce((sum, r) => sum + Number(r.plan_share_thousand_yen), 0),
        401,
        'plan shares add up to the plan',
      );
      assert.deepEqual([rows[1]?.actual_share_thousand_yen, rows[1]?.actual_source], ['15', 'entered']);
      const dictionary = await csv('data-dictionary.csv');
      for (const file of [kpis, spending, shares].map((f, i) => ({ header: f.header, name: RESULT_FILES[i] }))) {
        const documented = dictionary.records.filter((r) => r.file === file.name).map((r) => r.column);
        assert.deepEqual(documented, file.header, `${file.name} is documented`);
      }
      const datapackage = await (await app.request(`/downloads/${SLUG}/latest/datapackage.json`)).text();
      for (const name of RESULT_FILES) assert.ok(datapackage.includes(name), `${name} in datapackage.json`);
      const downloads = await page('/downloads');
      for (const name of RESULT_FILES) assert.ok(downloads.includes(`/downloads/${SLUG}/1/${name}"`), name);
      for (const name of [...RESULT_FILES, 'datapackage.json']) {
        assertNoLeak(name, await (await app.request(`/downloads/${SLUG}/latest/${name}`)).text());
      }
    });

    test('unpublished FY2023 never appears on a public page; the area’s staff see it through the API, never cached', async () => {
      for (const url of [...PUBLIC_URLS, '/projects/1?x=1', '/status?fy=2022']) assertNoLeak(url, await page(url));
      const staff = await signedInClient(app, database.db, {
        email: 'central@example.jp',
        role: 'central_staff',
        areaSlug: RESULTS_AREA,
      });
      const url = `/api/v1/areas/${SLUG}/status/${UNPUBLISHED.fiscalYear}`;
      const response = await staff.request(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = (await response.json()) as StatusBody;
      assert.equal(body.audience, 'staff');
      assert.equal(body.projects.find((p) => p.number === 1)?.spending.actual, UNPUBLISHED.amount);
      const anonymous = await app.request(url);
      assert.equal(anonymous.status, 404, 'the staff answer was not cached for the public');
    });

    test('a town’s part submitted but not approved stays private in a published year', async () => {
      const town = await signedInClient(app, database.db, {
        email: 'imabetsu@example.jp',
        role: 'municipality_staff',
        areaSlug: RESULTS_AREA,
        municipality: AREA_CODES[2],
      });
      const row = await findAccountByEmail(database.db, 'imabetsu@example.jp');
      const actor = (await loadAccountActor(database.db, row?.id ?? '', 'web')) as Actor;
      const address = { areaSlug: RESULTS_AREA, fiscalYear: 2022, projectNumber: 1, municipalityCode: AREA_CODES[2] };
      await recordMunicipalityResult(database.db, actor, {
        ...address,
        amount: 97_531,
        comment: '',
        expectedVersion: 0,
      });
      await changeMunicipalityResultState(database.db, actor, { ...address, transition: 'submit', expectedVersion: 1 });
      const pending = /(?<![\d.])97,?531(?!\d)/;
      for (const url of ['/projects/1', `/areas/${SLUG}/projects/1`, '/status']) {
        assert.doesNotMatch(await page(url), pending, url);
      }
      assert.doesNotMatch(await (await app.request(STATUS_URL)).text(), pending, 'the public API');
      assert.doesNotMatch(new TextDecoder().decode((await csv('cost-shares.csv')).bytes), pending, 'cost-shares.csv');
      const shares = (await csv('cost-shares.csv')).records.filter((r) => r.project_number === '1');
      assert.equal(shares[2]?.actual_source, 'computed', '今別町 still shows the computed share');
      assert.equal(town.signedIn, true);
    });
  });
}
