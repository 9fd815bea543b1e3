import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { operatorActor } from '../../src/domain/access-policy.js';
import type { Project, Vision } from '../../src/domain/vision.js';
import { RESULTS_WRITE_TAG } from '../../src/server/api/results-write-docs.js';
import {
  exampleArea,
  exampleFinding,
  examplePlan,
  exampleProject,
  exampleSourceDocument,
} from '../../src/server/api/seed-examples.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import { publishYearResults } from '../../src/service/results/publish-result-year.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { type Json, ResponseChecker } from '../helpers/openapi-response-checker.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const SEED = '青森圏域'; // the slug the seed gets when no slug is given
const OTHER = 'other-area';
const OTHER_DOCUMENT = 'test/fixtures/import/other-area-seven-partners.txt';
const seedPath = `/api/v1/areas/${encodeURIComponent(SEED)}`;
const otherPath = `/api/v1/areas/${OTHER}`;

type Page = { total: number; limit: number; offset: number; links: Links; items: Json[] } & Json;
type Links = { self: string; next: string | null; prev: string | null };
type ApiProject = Omit<Project, 'kpis'> & { id: number; kpis: (Project['kpis'][number] & { id: number })[] };

for (const engine of testEngines) {
  describe(`/api/v1 on ${engine.name}: two areas, the seed revised once`, () => {
    let database: OpenDatabase;
    let app: ReturnType<typeof createApp>;
    let checker: ResponseChecker;
    let document: Json;
    const log = createMemoryLog();

    /** GET, checked against the document; the JSON body. */
    const get = async (url: string, status = 200, headers: Record<string, string> = {}) => {
      const response = await app.request(url, { headers });
      assert.equal(response.status, status, `${url} → ${response.status}`);
      const contentType = response.headers.get('content-type') ?? '';
      const body = (await response.json()) as Json;
      checker.check(url, status, contentType, body);
      if (status >= 400) assert.match(contentType, /^application\/problem\+json/);
      return { body, response };
    };
    const page = async (url: string) => (await get(url)).body as Page;
    const numbers = async (url: string) => (await page(url)).items.map((p) => p.number as number);
    const problem = async (url: string, status: number) => (await get(url, status)).body;

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('system'), {
        fileName: exampleSourceDocument.fileName,
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      await importDocument(database.db, operatorActor('system'), {
        fileName: 'other.txt',
        bytes: readFileSync(repoPath(OTHER_DOCUMENT)),
        areaSlug: OTHER,
      });
      app = createApp({ db: database.db, dataStampTtlMs: 0, logger: log.logger });
      const response = await app.request('/api/v1/openapi.json');
      document = (await response.json()) as Json;
      const validator = new Validator();
      const result = await validator.validate(structuredClone(document));
      assert.deepEqual(result.errors, undefined, 'the OpenAPI document is valid');
      checker = new ResponseChecker(validator.resolveRefs() as Json);
    });
    after(async () => {
      await database.close();
    });

    test('the OpenAPI 3.1 document: valid, titled, relative server, every route with its problems', async () => {
      const validation = await new Validator().validate(structuredClone(document));
      assert.equal(validation.valid, true);
      assert.equal(document.openapi, '3.1.0');
      const info = document.info as Json;
      assert.equal(info.title, '連携中枢都市圏ビジョン API');
      assert.equal(typeof info.version, 'string');
      assert.deepEqual(
        (document.servers as Json[]).map((s) => s.url),
        ['/'],
      );
      const paths = document.paths as Record<string, { get?: { tags: string[]; responses: Record<string, Json> } }>;
      assert.deepEqual(Object.keys(paths).sort(), [
        '/api/v1/areas',
        '/api/v1/areas/{slug}',
        '/api/v1/areas/{slug}/budgets',
        '/api/v1/areas/{slug}/findings',
        '/api/v1/areas/{slug}/kpis',
        '/api/v1/areas/{slug}/projects',
        '/api/v1/areas/{slug}/projects/{number}',
        '/api/v1/areas/{slug}/projects/{number}/cost-share',
        '/api/v1/areas/{slug}/results/{fy}/projects/{number}',
        '/api/v1/areas/{slug}/results/{fy}/projects/{number}/kpis/{kpi}',
        '/api/v1/areas/{slug}/results/{fy}/projects/{number}/municipalities/{code}',
        '/api/v1/areas/{slug}/results/{fy}/projects/{number}/municipalities/{code}/state',
        '/api/v1/areas/{slug}/results/{fy}/publish',
        '/api/v1/areas/{slug}/revisions',
        '/api/v1/areas/{slug}/revisions/{from}/diff/{to}',
        '/api/v1/areas/{slug}/revisions/{seq}',
        '/api/v1/areas/{slug}/status/{fy}',
        '/api/v1/budgets',
        '/api/v1/findings',
        '/api/v1/kpis',
        '/api/v1/projects',
        '/api/v1/projects/{number}',
        '/api/v1/vision',
      ]);
      // the public reads; the staff's results API is checked in test/http/results-write-api.test.ts
      for (const [path, { get: item }] of Object.entries(paths)) {
        if (!item || item.tags.includes(RESULTS_WRITE_TAG)) continue;
        for (const status of ['200', '304', '400', '500']) assert.ok(item.responses[status], `${path} ${status}`);
        for (const status of ['400', '404', '500']) {
          const content = item.responses[status]?.content as Json | undefined;
          if (status === '404' && path === '/api/v1/areas') continue;
          assert.deepEqual(content, {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          });
        }
      }
      const again = await app.request('/api/v1/openapi.json', {
        headers: { 'If-None-Match': (await app.request('/api/v1/openapi.json')).headers.get('etag') ?? '' },
      });
      assert.equal(again.status, 304);
    });

    test('GET /areas: both areas with their latest revision and counts', async () => {
      const areas = await page('/api/v1/areas');
      assert.equal(areas.total, 2);
      assert.deepEqual(
        areas.items.map((a) => [a.slug, a.name, a.kind, a.municipalityCount, a.projectCount, a.isDefault]),
        [
          [SEED, '青森圏域', '連携中枢都市圏', 5, 55, true],
          [OTHER, '八戸圏域', '連携中枢都市圏', 8, 8, false],
        ],
      );
      assert.equal((areas.items[0]?.latestRevision as Json | undefined)?.seq, 1);
      assert.equal((await page('/api/v1/areas?limit=1&offset=1')).items[0]?.slug, OTHER);
    });

    test('GET /areas/{slug}: municipalities with codes, links; the slug as typed by hand finds it', async () => {
      const { body } = await get(seedPath);
      assert.deepEqual(body.municipalities, exampleArea.municipalities);
      assert.equal((body.links as Json).projects, `${seedPath}/projects`);
      const other = (await get(otherPath)).body;
      assert.equal((other.municipalities as Json[]).length, 8);
      assert.equal((await get('/api/v1/areas/Other-Area')).body.slug, OTHER);
      assert.match(String((await problem('/api/v1/areas/nowhere', 404)).detail), /圏域「nowhere」は登録されていません/);
    });

    test('GET /areas/{slug}/revisions and /revisions/{seq}: the documents and their Vision JSON', async () => {
      const revisions = await page(`${seedPath}/revisions`);
      assert.equal(revisions.total, 1);
      const first = revisions.items[0] as Json;
      assert.deepEqual(first.sourceDocument, exampleSourceDocument);
      assert.deepEqual([first.seq, first.label, first.projectCount, first.findingCount], [1, 'R4年3月', 55, 5]);
      const vision = (await get(`${seedPath}/revisions/latest`)).body as unknown as Vision;
      assert.deepEqual((await get(`${seedPath}/revisions/1`)).body, vision);
      assert.deepEqual((await get('/api/v1/vision')).body, vision, 'the default area is the first imported');
      assert.deepEqual(vision.area, exampleArea);
      assert.deepEqual(vision.plan, examplePlan);
      assert.deepEqual(vision.projects[1], exampleProject);
      assert.ok(vision.findings.some((f) => JSON.stringify(f) === JSON.stringify(exampleFinding)));
      assert.equal(((await get(`${otherPath}/revisions/latest`)).body as unknown as Vision).projects.length, 8);
      assert.match(String((await problem(`${seedPath}/revisions/9`, 404)).detail), /第 9 版はありません/);
      assert.match(String((await problem(`${seedPath}/revisions/abc`, 400)).detail), /「seq」/);
    });

    test('GET /areas/{slug}/projects: every filter, search, sort; ids and Vision JSON fields', async () => {
      const all = await page(`${seedPath}/projects?limit=200`);
      assert.equal(all.total, 55);
      const vision = (await get(`${seedPath}/revisions/latest`)).body as unknown as Vision;
      const stripped = all.items.map((item) => {
        const { id, kpis, ...rest } = item as unknown as ApiProject;
        assert.equal(typeof id, 'number');
        return { ...rest, kpis: kpis.map(({ id: _kpiId, ...kpi }) => kpi) };
      });
      assert.deepEqual(stripped, JSON.parse(JSON.stringify(vision.projects)), 'Vision JSON fields, in order');
      assert.equal(new Set(all.items.map((p) => p.id)).size, 55, 'one id per project');
      assert.deepEqual(await numbers(`${seedPath}/projects?role=2`), [18]);
      assert.equal((await page(`${seedPath}/projects?role=1&policyArea=3`)).total, 8);
      assert.deepEqual(await numbers(`${seedPath}/projects?role=3&policyArea=1&subField=2`), [22]);
      assert.deepEqual(await numbers(`${seedPath}/projects?isNew=true`), [36, 46, 55]);
      assert.equal((await page(`${seedPath}/projects?isNew=false`)).total, 52);
      assert.deepEqual(await numbers(`${seedPath}/projects?targetKind=merged_into`), [2, 3]);
      assert.equal((await page(`${seedPath}/projects?municipality=${encodeURIComponent('外ケ浜町')}`)).total, 55);
      assert.equal((await page(`${seedPath}/projects?municipality=023078`)).total, 55);
      assert.equal((await page(`${seedPath}/projects?municipality=022012`)).total, 55, 'the central city');
      assert.deepEqual(await numbers(`${seedPath}/projects?q=${encodeURIComponent('ＲＰＡ')}`), [55]);
      assert.deepEqual((await numbers(`${seedPath}/projects?sort=cost&order=desc`)).slice(0, 3), [23, 35, 5]);
      assert.equal((await page(`${seedPath}/projects?q=${encodeURIComponent('存在しない語')}`)).total, 0);
      assert.equal((await page(`${otherPath}/projects`)).total, 8);
    });

    test('pagination: limit (default 50, max 200), offset, total, links pinned to the revision', async () => {
      const first = await page(`${seedPath}/projects`);
      assert.deepEqual([first.total, first.limit, first.offset, first.items.length], [55, 50, 0, 50]);
      assert.equal(first.links.prev, null);
      assert.equal(first.links.next, `${seedPath}/projects?sort=number&order=asc&revision=1&limit=50&offset=50`);
      const second = await page(first.links.next as string);
      assert.deepEqual([second.offset, second.items.length, second.links.next], [50, 5, null]);
      assert.equal(second.links.prev, first.links.self);
      // following next collects every project once, filters kept
      const seen: number[] = [];
      let url: string | null = `${seedPath}/projects?role=1&limit=７`;
      while (url) {
        const p: Page = await page(url);
        assert.equal(p.total, 17);
        seen.push(...p.items.map((i) => i.number as number));
        url = p.links.next;
      }
      assert.equal(seen.length, 17);
      assert.equal(new Set(seen).size, 17);
      const beyond = await page(`${seedPath}/projects?offset=100`);
      assert.deepEqual([beyond.total, beyond.items.length], [55, 0]);
      assert.ok(beyond.links.prev);
      assert.equal((await page(`${seedPath}/kpis`)).limit, 200);
    });

    test('GET /areas/{slug}/projects/{number}: one project with its ids; 404 for a missing number', async () => {
      const { body } = await get(`${seedPath}/projects/2`);
      const { id, kpis, ...rest } = body as unknown as ApiProject;
      assert.equal(id, 2);
      assert.deepEqual({ ...rest, kpis: kpis.map(({ id: _kpiId, ...kpi }) => kpi) }, exampleProject);
      assert.deepEqual((await get(`${seedPath}/projects/${encodeURIComponent('２')}`)).body, body);
      assert.match(String((await problem(`${seedPath}/projects/99`, 404)).detail), /事業番号 99 の事業はありません/);
      assert.equal(
        (await problem(`${seedPath}/projects/0`, 400)).detail,
        '事業番号は 1 以上の整数で指定してください。',
      );
    });

    test('GET /areas/{slug}/kpis: one row per KPI with the ids the projects carry', async () => {
      const kpis = await page(`${seedPath}/kpis?limit=1000`);
      assert.equal(kpis.total, 57);
      const projects = (await page(`${seedPath}/projects?limit=200`)).items as unknown as ApiProject[];
      assert.deepEqual(
        kpis.items.map((k) => [k.id, k.projectId, k.projectNumber, k.indicator]),
        projects.flatMap((p) => p.kpis.map((k) => [k.id, p.id, p.number, k.indicator])),
      );
      const merged = await page(`${seedPath}/kpis?targetKind=merged_into`);
      assert.deepEqual(
        merged.items.map((k) => k.projectNumber),
        [2, 3],
      );
      const two = await page(`${seedPath}/kpis?project=2`);
      assert.deepEqual(two.items[0]?.baseline, exampleProject.kpis[0]?.baseline);
      assert.deepEqual(two.items[0]?.target, exampleProject.kpis[0]?.target);
    });

    test('GET /areas/{slug}/budgets: long format, blank and dash kept, filters', async () => {
      const all = await page(`${seedPath}/budgets?limit=1000`);
      assert.equal(all.total, 55 * 5);
      const two = await page(`${seedPath}/budgets?project=2`);
      assert.deepEqual(
        two.items.map((r) => [r.fiscalYear, r.amount, r.mark]),
        exampleProject.budget.years.map((y) => [y.fiscalYear, y.amount, y.mark]),
      );
      const year = await page(`${seedPath}/budgets?fiscalYear=2022&limit=1000`);
      assert.equal(year.total, 55);
      assert.ok(year.items.every((r) => r.fiscalYear === 2022));
      assert.ok(all.items.some((r) => r.mark === 'dash'));
      assert.equal((await page(`${seedPath}/budgets?fiscalYear=1999`)).total, 0);
    });

    test('GET /areas/{slug}/findings: filter by severity and code', async () => {
      assert.equal((await page(`${seedPath}/findings`)).total, 5);
      assert.equal((await page(`${seedPath}/findings?severity=warning`)).total, 5);
      assert.equal((await page(`${seedPath}/findings?severity=error`)).total, 0);
      const names = await page(`${seedPath}/findings?code=name_mismatch`);
      assert.deepEqual(names.items, [exampleFinding]);
    });

    test('400 problems name the parameter in Japanese; 404 problems for what is not there', async () => {
      const cases: [string, string][] = [
        ['projects?limit=0', 'limit'],
        ['projects?limit=201', 'limit'],
        ['projects?offset=-1', 'offset'],
        ['projects?role=x', 'role'],
        ['projects?isNew=maybe', 'isNew'],
        ['projects?targetKind=big', 'targetKind'],
        ['projects?sort=name', 'sort'],
        ['projects?revision=first', 'revision'],
        [`projects?q=${'あ'.repeat(101)}`, 'q'],
        ['projects?role=1&role=2', 'role'],
        ['kpis?project=abc', 'project'],
        ['budgets?fiscalYear=22', 'fiscalYear'],
        ['findings?severity=fatal', 'severity'],
        ['findings?code=typo', 'code'],
      ];
      for (const [query, name] of cases) {
        const body = await problem(`${seedPath}/${query}`, 400);
        assert.match(String(body.detail), new RegExp(`「${name}」`), query);
        assert.equal(body.code, 'INVALID_INPUT');
        assert.equal(body.instance, `/api/v1/areas/${SEED}/${query.split('?')[0]}`);
      }
      await problem('/api/v1/areas/nowhere/projects', 404);
      await problem(`${seedPath}/projects?revision=9`, 404);
      await problem(`${seedPath}/kpis?revision=9`, 404);
      assert.equal(log.errors().length, 0);
    });

    test('ETag on every GET, 304 on If-None-Match (also weak and listed), Cache-Control no-cache', async () => {
      for (const url of [
        '/api/v1/areas',
        seedPath,
        `${seedPath}/revisions`,
        `${seedPath}/revisions/1`,
        `${seedPath}/projects?role=1`,
        `${seedPath}/projects/2`,
        `${seedPath}/kpis`,
        `${seedPath}/budgets`,
        `${seedPath}/findings`,
        '/api/v1/vision',
        '/api/v1/projects',
        '/api/v1/projects/2',
        '/api/v1/openapi.json',
        '/api/docs',
      ]) {
        const first = await app.request(url);
        const etag = first.headers.get('etag') ?? '';
        assert.match(etag, /^"[\w-]+"$/, url);
        assert.equal(first.headers.get('cache-control'), 'no-cache');
        const body = await first.arrayBuffer();
        assert.equal(
          etag,
          `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url')}"`,
          'hash of the body',
        );
        for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
          const again = await app.request(url, { headers: { 'If-None-Match': ifNoneMatch } });
          assert.equal(again.status, 304, `${url} ${ifNoneMatch}`);
          assert.equal(again.headers.get('etag'), etag);
          assert.equal(await again.text(), '');
        }
        assert.equal((await app.request(url, { headers: { 'If-None-Match': '"other"' } })).status, 200);
      }
      const a = (await app.request(`${seedPath}/projects?role=1`)).headers.get('etag');
      const b = (await app.request(`${seedPath}/projects?role=2`)).headers.get('etag');
      assert.notEqual(a, b);
      const c = (await app.request(`${seedPath}/projects?role=%EF%BC%91`)).headers.get('etag');
      assert.equal(a, c, 'the same query written with a full-width digit');
    });

    test('the documentation page: Japanese HTML without script, every path, parameters, curl', async () => {
      const response = await app.request('/api/docs');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
      const html = await response.text();
      assert.match(html, /^<!doctype html><html lang="ja">/i);
      assert.doesNotMatch(html, /<script/i);
      for (const [path, item] of Object.entries(document.paths as Record<string, Json>)) {
        for (const method of Object.keys(item)) assert.ok(html.includes(`${method.toUpperCase()} ${path}`), path);
      }
      assert.ok(
        html.includes(
          `curl -s -X PUT -b &#39;renkei.session_token=…&#39; -H &#39;If-Match: &quot;v1&quot;&#39; -H &#39;Content-Type: application/json&#39; -d @body.json`,
        ),
        'a write is shown with its session, ETag and body',
      );
      for (const name of ['limit', 'offset', 'revision', 'municipality', 'targetKind', 'fiscalYear', 'severity']) {
        assert.ok(html.includes(`<code>${name}</code>`), name);
      }
      assert.match(
        html,
        /curl -s -H &#39;Accept: application\/json&#39; &#39;http:\/\/localhost\/api\/v1\/areas\/%E9%9D%92/,
      );
      assert.match(html, /items\[\]\.budget\.years\[\]\.amount/);
      assert.match(html, /起業・創業等支援拠点運営事業/, 'the example answer from the seed');
      assert.match(html, /href="\/api\/v1\/openapi\.json"/);
    });

    test("the single-area routes are the default area's area routes: same filters, pages, ids and errors", async () => {
      for (const query of ['', '?limit=5&offset=10', '?role=1&q=観光', '?municipality=外ケ浜町&sort=cost']) {
        assert.deepEqual(
          await page(`/api/v1/projects${query}`),
          await page(`${seedPath}/projects${query}`),
          `/api/v1/projects${query}`,
        );
      }
      const paged = await page('/api/v1/projects?limit=5&offset=10');
      assert.equal(paged.items.length, 5);
      assert.equal((paged.items[0] as Json).number, 11);
      assert.match(String((paged.items[0] as Json).id), /\S/, 'each project has its stable id');
      for (const resource of ['kpis?limit=3', 'budgets?fiscalYear=2022', 'findings']) {
        assert.deepEqual(await page(`/api/v1/${resource}`), await page(`${seedPath}/${resource}`), resource);
      }
      assert.deepEqual((await get('/api/v1/projects/2')).body, (await get(`${seedPath}/projects/2`)).body);
      await problem('/api/v1/projects/abc', 400);
      await problem('/api/v1/projects/99', 404);
      await problem('/api/v1/projects?limit=0', 400);
      await problem('/api/v1/projects?role=x', 400);
      await problem('/api/v1/kpis?revision=9', 404);
    });

    test('a second revision: ids survive a renamed project, the old revision stays readable', async () => {
      const before = (await page(`${seedPath}/projects?limit=200`)).items as unknown as ApiProject[];
      const kpisBefore = (await page(`${seedPath}/kpis?limit=1000`)).items;
      const text = readFileSync(repoPath(SEED_DOCUMENT), 'utf8')
        .replace('ビジョン懇談会の運営', 'ビジョン懇談会の運営（改）')
        .replaceAll('起業・創業等支援拠点運営事業', '起業・創業支援拠点運営事業');
      const result = await importDocument(database.db, operatorActor('system'), {
        fileName: 'aomori-vision-r4-03-changed.txt',
        bytes: new TextEncoder().encode(text),
      });
      assert.equal(result.seq, 2);
      const latest = await page(`${seedPath}/projects?limit=200`);
      assert.deepEqual(latest.revision, { seq: 2, label: 'R4年3月' });
      const after = latest.items as unknown as ApiProject[];
      assert.deepEqual(
        after.map((p) => [p.number, p.id]),
        before.map((p) => [p.number, p.id]),
        'each project keeps its id',
      );
      assert.equal(after[1]?.name, '起業・創業支援拠点運営事業');
      assert.deepEqual(
        (await page(`${seedPath}/kpis?limit=1000`)).items.map((k) => k.id),
        kpisBefore.map((k) => k.id),
        'each KPI keeps its id',
      );
      const old = await page(`${seedPath}/projects?revision=1&limit=200`);
      assert.equal((old.items[1] as Json).name, '起業・創業等支援拠点運営事業');
      assert.equal((await page(`${seedPath}/revisions`)).total, 2);
      const diff = (await get(`${seedPath}/revisions/1/diff/2`)).body as { changed: Json[]; removed: Json[] };
      const renamed = diff.changed.find((c) => c.number === 2);
      assert.ok(
        (renamed?.fields as Json[] | undefined)?.some((f) => f.field === 'name'),
        'the renamed project, by its id',
      );
      assert.deepEqual(diff.removed, []);
      assert.match(String((await problem(`${seedPath}/revisions/1/diff/9`, 404)).detail), /第 9 版はありません/);
      const [seedArea] = (await page('/api/v1/areas')).items;
      assert.equal((seedArea?.latestRevision as Json | undefined)?.seq, 2);
      assert.equal(log.errors().length, 0);
    });

    test('GET /areas/{slug}/status/{fy}: a published year in the status JSON shape; 404 before publication', async () => {
      await problem(`${seedPath}/status/2021`, 404);
      await problem(`${seedPath}/status/22`, 400);
      await publishYearResults(database.db, operatorActor('system'), { areaSlug: SEED, fiscalYear: 2021 });
      const { body } = await get(`${seedPath}/status/2021`);
      assert.deepEqual(Object.keys(body).sort(), ['area', 'audience', 'fiscalYear', 'projects', 'publishedAt']);
      assert.deepEqual([body.fiscalYear, body.audience], [2021, 'public']);
      const first = (body.projects as Json[])[0] as Json;
      assert.deepEqual(Object.keys(first).sort(), ['grade', 'kpis', 'number', 'spending']);
    });

    test('every route was checked against the document, with each of its statuses', () => {
      const paths = Object.entries(document.paths as Record<string, { get?: { tags: string[] } }>)
        .filter(([, item]) => item.get && !item.get.tags.includes(RESULTS_WRITE_TAG))
        .map(([path]) => path);
      for (const path of paths) assert.ok(checker.checked.has(`${path} 200`), `${path} 200`);
      for (const status of [400, 404]) {
        assert.ok(
          [...checker.checked].some((k) => k.endsWith(` ${status}`)),
          `some ${status}`,
        );
      }
    });
  });
}
