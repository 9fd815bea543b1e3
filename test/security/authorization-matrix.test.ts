/**
 * The authorisation matrix (issue 7): every route of the app, enumerated from the router itself. A route that
 * changes state must declare its policy (route-policy.ts `guard`), or this test fails; every route that declares
 * one is called by every role and must answer as the table below says; a refused call must leave the database
 * exactly as it was. Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { policyOf } from '../../src/server/route-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import { createDraft } from '../../src/service/draft-revisions.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/database.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient, TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

type RoleKey = 'anonymous' | 'admin' | 'centralA' | 'hiranai' | 'imabetsu' | 'councilA' | 'centralB';
const ROLES: RoleKey[] = ['anonymous', 'admin', 'centralA', 'hiranai', 'imabetsu', 'councilA', 'centralB'];

const AREA_A = '青森圏域';
const AREA_B = 'hachinohe';
/** 今別町 and a project it takes part in, in the seed */
const IMABETSU = '023035';
const RESULT = `/api/v1/areas/${encodeURIComponent(AREA_A)}/results/2021/projects/1/municipalities/${IMABETSU}`;
const WORKBOOK = `/staff/results/workbook?area=${encodeURIComponent(AREA_A)}&municipality=${IMABETSU}&fy=2021`;
const PROJECT_RESULT = `/api/v1/areas/${encodeURIComponent(AREA_A)}/results/2021/projects/1`;
const OTHER = readFileSync(repoPath('test/fixtures/import/other-area-seven-partners.txt'));
const SEED = readFileSync(repoPath(SEED_DOCUMENT));
/** area A's draft (made in before()): revision 2 of the seed, at version 1 */
const DRAFT = `/staff/drafts/${encodeURIComponent(AREA_A)}/2`;

/** What a refused call may answer: not signed in (401, or a redirect to sign in), forbidden, or not found. */
const REFUSED = new Set([401, 403, 404]);
type Expect = number | 'signin';
type Case = {
  method: string;
  path: string;
  /** the request a role makes; a form's fields are sent with the role's own form token */
  send(client: WebClient): Promise<Response>;
  expect: Record<RoleKey, Expect>;
};

const form = (path: string, fields: Record<string, string | File>) => (c: WebClient) => c.postForm(path, fields);
const get = (path: string) => (c: WebClient) => c.request(path);
const all = (status: Expect): Record<RoleKey, Expect> =>
  Object.fromEntries(ROLES.map((r) => [r, status])) as Record<RoleKey, Expect>;
const only = (allowed: Partial<Record<RoleKey, Expect>>, refused: Expect = 403): Record<RoleKey, Expect> => ({
  ...all(refused),
  anonymous: 'signin',
  ...allowed,
});
const anonymousApi = (table: Record<RoleKey, Expect>) => ({ ...table, anonymous: 401 as Expect });

/** Every route with a policy, and what each role gets. Adding a guarded route without a row here fails the test. */
const CASES: Case[] = [
  { method: 'GET', path: '/staff', send: get('/staff'), expect: { ...all(200), anonymous: 'signin' } },
  { method: 'GET', path: '/account', send: get('/account'), expect: { ...all(200), anonymous: 'signin' } },
  {
    method: 'POST',
    path: '/account/password',
    // a wrong current password: allowed roles get the form back (422), nothing changes
    send: form('/account/password', {
      currentPassword: 'not-the-password',
      newPassword: 'x'.repeat(16),
      confirmPassword: 'x'.repeat(16),
    }),
    expect: { ...all(422), anonymous: 'signin' },
  },
  {
    method: 'POST',
    path: '/account/two-factor/enable',
    // a wrong password: the form comes back (422), nothing is set up
    send: form('/account/two-factor/enable', { twoFactorPassword: 'not-the-password' }),
    expect: { ...all(422), anonymous: 'signin' },
  },
  {
    method: 'POST',
    path: '/account/two-factor/confirm',
    // no started set-up (its sealed state is missing): refused as invalid input, nothing changes
    send: form('/account/two-factor/confirm', { code: '123456' }),
    expect: { ...all(400), anonymous: 'signin' },
  },
  {
    method: 'POST',
    path: '/account/two-factor/backup-codes',
    // nobody here has two-factor on: the form comes back (422), no codes are made
    send: form('/account/two-factor/backup-codes', { backupCodesPassword: 'x' }),
    expect: { ...all(422), anonymous: 'signin' },
  },
  {
    method: 'POST',
    path: '/account/two-factor/disable',
    // nobody here has two-factor on: the form comes back (422), nothing changes
    send: form('/account/two-factor/disable', { twoFactorPassword: 'x', twoFactorCode: '123456' }),
    expect: { ...all(422), anonymous: 'signin' },
  },
  {
    method: 'POST',
    path: '/signin/code',
    // open to everybody (the second step comes before any session); without a pending sign-in it asks for the
    // password again (401) and records nothing
    send: form('/signin/code', { code: '123456' }),
    expect: all(401),
  },
  {
    method: 'GET',
    path: '/admin/import',
    send: get('/admin/import'),
    expect: only({ admin: 200, centralA: 200, centralB: 200 }),
  },
  {
    method: 'POST',
    path: '/admin/import',
    // the seed again into area A (the same bytes: stored once, nothing changes): its central-city staff and
    // admins may; area B's staff may not
    send: form('/admin/import', { area: AREA_A, file: new File([SEED], 'a.txt') }),
    expect: only({ admin: 303, centralA: 303 }),
  },
  { method: 'GET', path: '/admin/users', send: get('/admin/users'), expect: only({ admin: 200 }) },
  {
    method: 'POST',
    path: '/admin/users',
    send: form('/admin/users', { email: 'new@example.jp', name: '新規', role: 'council', area: AREA_A }),
    expect: only({ admin: 200 }),
  },
  {
    method: 'POST',
    path: '/admin/users/disable',
    send: form('/admin/users/disable', { email: 'victim@example.jp' }),
    expect: only({ admin: 303 }),
  },
  {
    method: 'POST',
    path: '/admin/users/password',
    send: form('/admin/users/password', { email: 'victim@example.jp' }),
    expect: only({ admin: 200 }),
  },
  { method: 'GET', path: '/admin/audit', send: get('/admin/audit'), expect: only({ admin: 200 }) },
  { method: 'GET', path: '/admin/audit.csv', send: get('/admin/audit.csv'), expect: only({ admin: 200 }) },
  {
    method: 'GET',
    path: '/api/v1/areas/:slug/results/:fy/projects/:number/municipalities/:code',
    send: get(RESULT),
    // area B's staff cannot even learn that area A's results exist
    expect: anonymousApi(
      only({ admin: 200, centralA: 200, hiranai: 200, imabetsu: 200, councilA: 200, centralB: 404 }),
    ),
  },
  {
    method: 'PUT',
    path: '/api/v1/areas/:slug/results/:fy/projects/:number/municipalities/:code',
    // 今別町's figure: only 今別町's staff; a 平内町 account gets 403 and no row changes
    send: async (c) => {
      const current = await c.request(RESULT);
      const etag = current.headers.get('ETag') ?? '"v0"';
      return c.request(RESULT, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ amount: 120, comment: '今別町の負担分' }),
      });
    },
    expect: anonymousApi(only({ imabetsu: 200, centralB: 404 })),
  },
  {
    method: 'POST',
    path: '/api/v1/areas/:slug/results/:fy/projects/:number/municipalities/:code/state',
    // 今別町 submits its part (saved above); nobody else may take that step, area B's staff cannot see it
    send: async (c) => {
      const etag = (await c.request(RESULT)).headers.get('ETag') ?? '"v0"';
      return c.request(`${RESULT}/state`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify({ transition: 'submit' }),
      });
    },
    expect: anonymousApi(only({ imabetsu: 200, centralB: 404 })),
  },
  {
    method: 'POST',
    path: '/staff/results/state',
    // the central city of area A approves 今別町's submitted part (version 2); a town cannot approve
    send: form('/staff/results/state', {
      area: AREA_A,
      municipality: IMABETSU,
      fy: '2021',
      project: '1',
      version: '2',
      transition: 'approve',
    }),
    expect: only({ centralA: 303 }),
  },
  {
    method: 'GET',
    path: '/staff/results',
    send: get('/staff/results'),
    // towns see their own form; the central city's staff the central city's own part
    expect: only({ hiranai: 200, imabetsu: 200, centralA: 200, centralB: 200 }),
  },
  {
    method: 'POST',
    path: '/staff/results',
    send: form('/staff/results', {
      area: AREA_A,
      municipality: IMABETSU,
      fy: '2021',
      project: '1',
      version: '0',
      amount: '5',
      comment: '',
    }),
    // the form's version is 0; 今別町 already saved through the API above, so even its own staff meet a conflict
    expect: only({ imabetsu: 409, centralB: 404 }),
  },
  {
    method: 'GET',
    path: '/staff/results/workbook',
    // a municipality's entry workbook: its own staff only
    send: get(WORKBOOK),
    expect: only({ imabetsu: 200 }),
  },
  {
    method: 'POST',
    path: '/staff/results/workbook',
    // the upload is checked for the municipality before its body is read; without a file it is a 422 page
    send: form(WORKBOOK, {}),
    expect: only({ imabetsu: 422 }),
  },
  { method: 'GET', path: '/staff/review', send: get('/staff/review'), expect: only({ centralA: 200, centralB: 200 }) },
  {
    method: 'GET',
    path: '/staff/review/projects/:number',
    send: get(`/staff/review/projects/1?area=${encodeURIComponent(AREA_A)}&fy=2021`),
    expect: only({ centralA: 200 }),
  },
  ...(['result', 'kpis/1', 'cost-share'] as const).map((part) => ({
    method: 'POST',
    path: `/staff/review/projects/:number/${part === 'kpis/1' ? 'kpis/:kpi' : part}`,
    // the central city's entries for project 1: only area A's central staff
    send: form(`/staff/review/projects/1/${part}`, {
      area: AREA_A,
      fy: '2021',
      version: '0',
      actualTotal: '390',
      actual: '2',
      kind: 'equal',
    }),
    expect: only({ centralA: 303 }),
  })),
  {
    method: 'GET',
    path: '/api/v1/areas/:slug/results/:fy/projects/:number',
    send: get(PROJECT_RESULT),
    expect: anonymousApi(
      only({ admin: 200, centralA: 200, hiranai: 200, imabetsu: 200, councilA: 200, centralB: 404 }),
    ),
  },
  ...(
    [
      ['/api/v1/areas/:slug/results/:fy/projects/:number', PROJECT_RESULT, { actualTotal: 391 }],
      ['/api/v1/areas/:slug/results/:fy/projects/:number/kpis/:kpi', `${PROJECT_RESULT}/kpis/1`, { actual: 3 }],
      [
        '/api/v1/areas/:slug/projects/:number/cost-share',
        `/api/v1/areas/${encodeURIComponent(AREA_A)}/projects/1/cost-share`,
        { kind: 'population' },
      ],
    ] as const
  ).map(([path, url, body]) => ({
    method: 'PUT',
    path,
    // the central city's entries over JSON, at the version the pages above left (1)
    send: (c: WebClient) =>
      c.request(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'If-Match': '"v1"' },
        body: JSON.stringify(body),
      }),
    expect: anonymousApi(only({ centralA: 200 })),
  })),
  {
    method: 'POST',
    path: '/api/v1/areas/:slug/results/:fy/publish',
    send: (c: WebClient) =>
      c.request(`/api/v1/areas/${encodeURIComponent(AREA_A)}/results/2021/publish`, { method: 'POST' }),
    expect: anonymousApi(only({ centralA: 200 })),
  },
  {
    method: 'POST',
    path: '/staff/review/projects/:number/kpis/:kpi/settings',
    send: form('/staff/review/projects/1/kpis/1/settings', {
      area: AREA_A,
      fy: '2021',
      version: '0',
      direction: 'lower',
      cumulative: 'none',
    }),
    expect: only({ centralA: 303 }),
  },
  {
    method: 'POST',
    path: '/staff/review/thresholds',
    send: form('/staff/review/thresholds', {
      area: AREA_A,
      fy: '2021',
      version: '0',
      achieved: '100',
      onTrack: '80',
      gradeA: '90',
      gradeB: '75',
      gradeC: '60',
    }),
    expect: only({ centralA: 303 }),
  },
  {
    method: 'GET',
    path: '/staff/opinions',
    send: get(`/staff/opinions?area=${encodeURIComponent(AREA_A)}&fy=2021`),
    expect: only({ centralA: 200, councilA: 200, centralB: 404 }),
  },
  {
    method: 'GET',
    path: '/staff/opinions/projects/:number',
    send: get(`/staff/opinions/projects/1?area=${encodeURIComponent(AREA_A)}&fy=2021`),
    // the council and the central city's staff of area A; area B's staff pass the route, not the area
    expect: only({ centralA: 200, councilA: 200, centralB: 404 }),
  },
  {
    method: 'POST',
    path: '/staff/opinions/projects/:number',
    // the council's opinion: only area A's council members (central staff write the response, not this)
    send: form('/staff/opinions/projects/1', { area: AREA_A, fy: '2021', version: '0', part: 'opinion', text: '所見' }),
    expect: only({ councilA: 303 }),
  },
  {
    method: 'POST',
    path: '/staff/review/publish',
    send: form('/staff/review/publish', { area: AREA_A, fy: '2021' }),
    expect: only({ centralA: 303 }),
  },
  {
    method: 'GET',
    path: '/staff/drafts',
    send: get(`/staff/drafts?area=${encodeURIComponent(AREA_A)}`),
    // area B's staff see their own area's revisions (the query names an area they cannot edit)
    expect: only({ admin: 200, centralA: 200, centralB: 200 }),
  },
  {
    method: 'POST',
    path: '/staff/drafts',
    // a new draft of area A: its central-city staff and admins; area B's staff are refused by the service
    send: form('/staff/drafts', { area: AREA_A }),
    expect: only({ admin: 303, centralA: 303, centralB: 403 }),
  },
  {
    method: 'GET',
    path: '/staff/drafts/:slug/:seq',
    send: get(DRAFT),
    expect: only({ admin: 200, centralA: 200, centralB: 404 }),
  },
  {
    method: 'GET',
    path: '/staff/drafts/:slug/:seq/projects/:key',
    send: get(`${DRAFT}/projects/1`),
    expect: only({ admin: 200, centralA: 200, centralB: 404 }),
  },
  {
    method: 'GET',
    path: '/staff/drafts/:slug/:seq/review',
    send: get(`${DRAFT}/review`),
    expect: only({ admin: 200, centralA: 200, centralB: 404 }),
  },
  {
    method: 'POST',
    path: '/staff/drafts/:slug/:seq/edit',
    // version 1 of the draft: the first allowed role renames project 1; the next one's form is stale (409)
    send: form(`${DRAFT}/edit`, {
      action: 'renumber',
      version: '1',
      key: '1',
      number: '99',
    }),
    expect: only({ admin: 303, centralA: 409, centralB: 404 }),
  },
  {
    method: 'POST',
    path: '/staff/drafts/:slug/:seq/publish',
    // a stale version: allowed roles get the review page back (409), nothing is published
    send: form(`${DRAFT}/publish`, { action: 'publish', version: '1' }),
    expect: only({ admin: 409, centralA: 409, centralB: 403 }),
  },
  {
    method: 'POST',
    path: '/staff/revisions/rollback',
    // revision 1 is already current: allowed roles are sent back to the list, nothing changes
    send: form('/staff/revisions/rollback', { area: AREA_A, seq: '1' }),
    expect: only({ admin: 303, centralA: 303, centralB: 403 }),
  },
];

/** Every row a refused call could have touched, as text: equal before and after means nothing changed. */
async function snapshot(db: Kysely<Database>): Promise<string> {
  const tables = [
    'area',
    'vision_revision',
    'project_version',
    'budget_cell',
    'kpi',
    'source_document',
    'municipality_result',
    'project_result',
    'kpi_result',
    'result_year',
    'cost_share_rule',
    'kpi_setting',
    'area_setting',
    'council_opinion',
    'user',
    'account',
    'role_grant',
    'twoFactor',
    'used_totp_code',
    'two_factor_failure',
    'audit_entry',
    'data_version',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await sql<{ row: unknown }>`select to_jsonb(t) as row from ${sql.table(table)} t`.execute(db);
    parts.push(
      `${table}:${rows.rows
        .map((r) => JSON.stringify(r.row))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n\n');
}

for (const engine of testEngines) {
  describe(`authorisation matrix on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    const clients = new Map<RoleKey, WebClient>();

    before(async () => {
      database = await openMigrated(engine);
      const db = database.db;
      await importDocument(db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      await importDocument(db, operatorActor('cli'), { fileName: 'h.txt', bytes: OTHER, areaSlug: AREA_B });
      await createDraft(db, operatorActor('cli'), AREA_A);
      app = createApp({ db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      await addAccount(db, operatorActor('cli'), {
        email: 'victim@example.jp',
        name: 'v',
        password: TEST_PASSWORD,
        role: { role: 'council', areaSlug: AREA_A },
      });
      clients.set('anonymous', new WebClient(app));
      const accounts: [RoleKey, Parameters<typeof signedInClient>[2]][] = [
        ['admin', { email: 'admin@example.jp', role: 'admin' }],
        ['centralA', { email: 'central@aomori.example.jp', role: 'central_staff', areaSlug: AREA_A }],
        [
          'hiranai',
          { email: 'staff@hiranai.example.jp', role: 'municipality_staff', areaSlug: AREA_A, municipality: '平内町' },
        ],
        [
          'imabetsu',
          { email: 'staff@imabetsu.example.jp', role: 'municipality_staff', areaSlug: AREA_A, municipality: IMABETSU },
        ],
        ['councilA', { email: 'council@aomori.example.jp', role: 'council', areaSlug: AREA_A }],
        ['centralB', { email: 'central@hachinohe.example.jp', role: 'central_staff', areaSlug: AREA_B }],
      ];
      for (const [role, account] of accounts) clients.set(role, await signedInClient(app, db, account));
    });
    after(async () => {
      await database.close();
    });

    test('every state-changing route declares its policy, and every guarded route is in the table', () => {
      const routes = app.routes.filter((r) => r.method !== 'ALL');
      const guarded = new Set<string>();
      const undeclared: string[] = [];
      const byRoute = new Map<string, boolean>();
      for (const r of routes) {
        const key = `${r.method} ${r.path}`;
        byRoute.set(key, (byRoute.get(key) ?? false) || policyOf(r.handler) !== undefined);
      }
      for (const [key, declared] of byRoute) {
        if (declared) guarded.add(key);
        else if (!key.startsWith('GET ') && !key.startsWith('HEAD ')) undeclared.push(key);
      }
      assert.deepEqual(undeclared, [], 'state-changing routes without a policy');
      const listed = new Set(CASES.map((c) => `${c.method} ${c.path}`));
      const missing = [...guarded].filter((k) => !listed.has(k) && k !== 'POST /signin' && k !== 'POST /signout');
      assert.deepEqual(missing, [], 'guarded routes missing from the matrix');
    });

    for (const c of CASES) {
      test(`${c.method} ${c.path}`, async () => {
        for (const role of ROLES) {
          const client = clients.get(role) as WebClient;
          const before = await snapshot(database.db);
          const response = await c.send(client);
          const expected = c.expect[role];
          const where = `${role}: ${c.method} ${c.path}`;
          if (expected === 'signin') {
            assert.equal(response.status, 303, `${where} ${await response.text()}`);
            assert.match(response.headers.get('location') ?? '', /^\/signin\?next=/, where);
          } else {
            assert.equal(response.status, expected, `${where}: ${(await response.text()).slice(0, 300)}`);
          }
          if (expected === 'signin' || REFUSED.has(expected as number)) {
            assert.equal(await snapshot(database.db), before, `${where}: a refused call changed the database`);
          }
        }
      });
    }

    test('signing out ends the session: the same cookie no longer opens staff pages', async () => {
      const client = clients.get('councilA') as WebClient;
      const cookies = new Map(client.cookies);
      assert.equal((await client.postForm('/signout', {})).status, 303);
      const replay = new WebClient(app);
      for (const [k, v] of cookies) replay.cookies.set(k, v);
      const after = await replay.request('/staff');
      assert.equal(after.status, 303);
    });
  });
}
