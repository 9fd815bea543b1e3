/**
 * Draft revisions through the web (issue 8): a revised document imported from the web becomes a draft whose diff
 * is shown before it is published; the editor's forms (422 on bad input, 409 when stale, 303 on success); a
 * publication that removes something needs its checkbox; the public revisions list, diff page and JSON; drafts
 * hidden from the public; the project page's budget history.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { seedText, withoutProject, withProject1Reestimated } from '../helpers/seed-variants.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient, WebClient } from '../helpers/web-client.js';

const AREA = '青森圏域';
const SLUG = encodeURIComponent(AREA);

for (const engine of testEngines) {
  describe(`draft pages on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    let staff: WebClient;
    const publicClient = () => new WebClient(app);
    const text = async (response: Response, status: number) => {
      const body = await response.text();
      assert.equal(response.status, status, body.slice(0, 600));
      return body;
    };

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), { fileName: 'seed.txt', bytes: Buffer.from(seedText()) });
      app = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      staff = await signedInClient(app, database.db, {
        email: 'central@aomori.example.jp',
        role: 'central_staff',
        areaSlug: AREA,
      });
    });
    after(async () => {
      await database.close();
    });

    test('a revised document imported from the web is a draft: its diff, what disappears, then publish', async () => {
      const revised = withoutProject(withProject1Reestimated(seedText()), 54);
      const imported = await staff.postForm('/admin/import', {
        area: AREA,
        file: new File([revised], 'revised.txt', { type: 'text/plain' }),
      });
      assert.equal(imported.status, 303, await imported.text());
      assert.equal(imported.headers.get('location'), `/staff/drafts/${SLUG}/2/review`);
      const review = await text(await staff.request(`/staff/drafts/${SLUG}/2/review`), 200);
      assert.match(review, /公開すると次の内容が公開データから消えます/);
      assert.match(review, /事業54「職員研修」がなくなります/);
      assert.match(review, /<td data-label="変更前（千円）" class="num">401<\/td>/);
      assert.match(review, /\+49/);

      // the public does not see the draft, anywhere
      assert.equal((await publicClient().request(`/areas/${SLUG}/revisions/1/diff/2`)).status, 404);
      assert.equal((await publicClient().request(`/api/v1/areas/${SLUG}/revisions/1/diff/2`)).status, 404);
      assert.doesNotMatch(await text(await publicClient().request(`/areas/${SLUG}/revisions`), 200), /第2版/);

      const unconfirmed = await staff.postForm(`/staff/drafts/${SLUG}/2/publish`, { version: '1' });
      assert.match(await text(unconfirmed, 422), /確認した欄に印を付けて/);
      const published = await staff.postForm(`/staff/drafts/${SLUG}/2/publish`, {
        version: '1',
        confirmRemovals: 'yes',
      });
      assert.equal(published.status, 303, await published.text());
      assert.equal(published.headers.get('location'), `/areas/${SLUG}/revisions/1/diff/2`);
    });

    test('the public diff page and its JSON; the revisions list links them', async () => {
      const page = await text(await publicClient().request(`/areas/${SLUG}/revisions/1/diff/2`), 200);
      assert.match(page, /削除された事業（1件）/);
      const api = await publicClient().request(`/api/v1/areas/${SLUG}/revisions/1/diff/2`);
      const diff = (await api.json()) as {
        removed: Array<{ number: number }>;
        changed: Array<{ number: number; budget: Array<{ fiscalYear: number | null; difference: number }> }>;
      };
      assert.deepEqual(
        diff.removed.map((p) => p.number),
        [54],
      );
      assert.deepEqual(
        diff.changed.map((c) => [c.number, c.budget.map((b) => [b.fiscalYear, b.difference])]),
        [
          [
            1,
            [
              [2023, 49],
              [null, 49],
            ],
          ],
        ],
      );
      const list = await text(await publicClient().request(`/areas/${SLUG}/revisions`), 200);
      assert.match(list, new RegExp(`href="/areas/${SLUG}/revisions/1/diff/2"`));
      const openapi = (await (await publicClient().request('/api/v1/openapi.json')).json()) as { paths: object };
      assert.ok('/api/v1/areas/{slug}/revisions/{from}/diff/{to}' in openapi.paths);
    });

    test('the editor: a draft from the current revision, a bad amount is 422, a stale form 409, a re-estimate 303', async () => {
      const made = await staff.postForm('/staff/drafts', { area: AREA });
      assert.equal(made.status, 303);
      assert.equal(made.headers.get('location'), `/staff/drafts/${SLUG}/3?saved=created`);
      const editor = await text(await staff.request(`/staff/drafts/${SLUG}/3`), 200);
      const key = /\/projects\/(\d+)">\s*事業1 /.exec(editor)?.[1];
      assert.ok(key, 'project 1 is linked');
      const edit = (fields: Record<string, string>) =>
        staff.postForm(`/staff/drafts/${SLUG}/3/edit`, { action: 'budget', key, ...fields });
      assert.match(await text(await edit({ version: '1', fy2024: '四百' }), 422), /2024年度の事業費は千円単位の整数/);
      assert.equal((await edit({ version: '1', fy2024: '５００' })).status, 303);
      assert.match(
        await text(await edit({ version: '1', fy2024: '600' }), 409),
        /ほかの人がこの下書きを先に変更しました/,
      );
      const projectPage = await text(await staff.request(`/staff/drafts/${SLUG}/3/projects/${key}`), 200);
      assert.match(projectPage, /id="fy-2024" name="fy2024" type="text" inputmode="numeric" value="500"/);
    });

    test('the editor adds a project and a KPI, refuses a taken number, removes; the review lists it', async () => {
      const editor = await text(await staff.request(`/staff/drafts/${SLUG}/3`), 200);
      const version = Number(/name="version" value="(\d+)"/.exec(editor)?.[1]);
      const post = (fields: Record<string, string>) => staff.postForm(`/staff/drafts/${SLUG}/3/edit`, fields);
      const added = await post({
        action: 'add-project',
        version: String(version),
        number: '60',
        name: '新しい連携事業',
        placeLikeKey: '1',
      });
      assert.equal(added.status, 303, await added.text());
      const list = await text(await staff.request(`/staff/drafts/${SLUG}/3`), 200);
      const newKey = /\/projects\/(\d+)">\s*事業60 新しい連携事業を編集/.exec(list)?.[1];
      assert.ok(newKey, 'the new project is listed');
      const kpi = await post({
        action: 'add-kpi',
        version: String(version + 1),
        key: String(newKey),
        indicator: '参加団体数',
        baseline: '3団体 (2022年度実績)',
        target: '1回以上/年度',
      });
      assert.equal(kpi.status, 303, await kpi.text());
      const taken = await post({ action: 'renumber', version: String(version + 2), key: String(newKey), number: '2' });
      assert.match(await text(taken, 422), /事業番号 2 はすでに使われています/);
      const review = await text(await staff.request(`/staff/drafts/${SLUG}/3/review`), 200);
      assert.match(review, /追加された事業（1件）/);
      assert.match(review, /事業60 新しい連携事業/);
      const removed = await post({ action: 'remove', version: String(version + 2), key: String(newKey) });
      assert.equal(removed.status, 303);
      assert.doesNotMatch(await text(await staff.request(`/staff/drafts/${SLUG}/3`), 200), /新しい連携事業/);
    });

    test("the project page shows each budget cell's re-estimates with their revision", async () => {
      const page = await text(await publicClient().request(`/areas/${SLUG}/projects/1`), 200);
      assert.match(page, /事業費見込額の見直しの履歴/);
      assert.match(page, /401（第1版・R4年3月、[^）]+）<\/li><li>→ 450（第2版/);
    });
  });
}
