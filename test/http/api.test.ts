import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import type { Vision } from '../../src/domain/vision.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { buildProject } from '../helpers/build-project.js';
import { buildVision } from '../helpers/build-vision.js';
import { createMemoryLog } from '../helpers/memory-log.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  return body;
}

describe('HTTP API', () => {
  let database: OpenDatabase;
  let vision: Vision;
  const log = createMemoryLog();
  let app: ReturnType<typeof createApp>;

  before(async () => {
    database = await openMigrated(pgliteEngine);
    app = createApp({ db: database.db, logger: log.logger });
  });
  after(async () => {
    await database.close();
  });

  test('before any import: healthz is ok, the vision is a 404 problem', async () => {
    const health = await app.request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok' });
    const body = await expectProblem(await app.request('/api/v1/vision'), 404, 'NOT_FOUND');
    assert.match(String(body.detail), /取り込まれていません/);
  });

  test('GET /api/v1/vision answers in Vision JSON; /projects and /projects/{number} are its projects with ids', async () => {
    vision = buildVision({ projects: [buildProject(1), buildProject(2), buildProject(10)] });
    await importDocument(
      database.db,
      operatorActor('system'),
      { fileName: 'v.txt', bytes: new TextEncoder().encode('v') },
      { parse: () => ({ vision, findings: vision.findings }) },
    );
    const visionResponse = await app.request('/api/v1/vision');
    assert.equal(visionResponse.status, 200);
    assert.match(visionResponse.headers.get('content-type') ?? '', /^application\/json/);
    assert.deepEqual(await visionResponse.json(), vision);

    type WithIds = { id: number; kpis: { id: number }[] };
    // the Vision JSON project, once the stable ids of the project and its KPIs are checked and set aside
    const withoutId = ({ id, kpis, ...project }: WithIds) => {
      assert.ok(Number.isInteger(id), 'a stable id');
      const kpisWithoutIds = kpis.map(({ id: kpiId, ...kpi }) => {
        assert.ok(Number.isInteger(kpiId), 'a stable KPI id');
        return kpi;
      });
      return { ...project, kpis: kpisWithoutIds };
    };
    const list = await app.request('/api/v1/projects');
    assert.equal(list.status, 200);
    const body = (await list.json()) as { items: WithIds[]; total: number };
    assert.equal(body.total, 3);
    assert.deepEqual(body.items.map(withoutId), vision.projects);

    const one = await app.request('/api/v1/projects/10');
    assert.equal(one.status, 200);
    assert.deepEqual(withoutId((await one.json()) as WithIds), vision.projects[2]);

    const fullWidth = await app.request(`/api/v1/projects/${encodeURIComponent('２')}`);
    assert.deepEqual(withoutId((await fullWidth.json()) as WithIds), vision.projects[1]);
  });

  test('a project number that is not a positive integer is a 400 problem', async () => {
    for (const bad of ['abc', '1.5', '-1', '0', '1e3', '99999999999']) {
      const body = await expectProblem(await app.request(`/api/v1/projects/${bad}`), 400, 'INVALID_INPUT');
      assert.equal(body.detail, '事業番号は 1 以上の整数で指定してください。');
      assert.equal(body.instance, `/api/v1/projects/${bad}`);
    }
  });

  test('an unknown project and an unknown path are 404 problems', async () => {
    const body = await expectProblem(await app.request('/api/v1/projects/3'), 404, 'NOT_FOUND');
    assert.equal(body.detail, '第 1 版に事業番号 3 の事業はありません。');
    await expectProblem(await app.request('/api/v2/nothing'), 404, 'NOT_FOUND');
  });

  test('an unexpected failure is a generic 500 problem, and is logged', async () => {
    const broken = await openMigrated(pgliteEngine);
    await broken.close(); // every query now fails inside the driver
    const brokenApp = createApp({ db: broken.db, logger: log.logger });
    const body = await expectProblem(await brokenApp.request('/api/v1/projects'), 500, 'INTERNAL');
    assert.doesNotMatch(String(body.detail), /pglite|pool|closed/i, 'no internals in the answer');
    assert.equal(log.errors().length, 1);
    await expectProblem(await brokenApp.request('/healthz'), 500, 'INTERNAL');
  });

  test('the API and the downloads may be read from any web page (CORS), the pages not', async () => {
    const origin = { Origin: 'https://example.org' };
    const api = await app.request('/api/v1/projects', { headers: origin });
    assert.equal(api.status, 200);
    assert.equal(api.headers.get('access-control-allow-origin'), '*');
    assert.match(api.headers.get('access-control-expose-headers') ?? '', /ETag/);
    const preflight = await app.request('/api/v1/projects', {
      method: 'OPTIONS',
      headers: { ...origin, 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET,HEAD');
    const file = await app.request('/downloads/unknown/latest/projects.csv', { headers: origin });
    assert.equal(file.headers.get('access-control-allow-origin'), '*');
    const page = await app.request('/', { headers: origin });
    assert.equal(page.headers.get('access-control-allow-origin'), null);
  });
});
