/**
 * The Excel round trip over HTTP (issue 9): a town's staff download the entry workbook from the entry page, upload
 * it filled; the answer shows the changes (old → new) and stores nothing; the confirm stores them; a bad workbook
 * answers 422 listing each cell; an untouched one says there is nothing to change.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import { getMunicipalityResult, recordMunicipalityResult } from '../../src/service/results/municipality-results.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { openEntryWorkbook } from '../helpers/fill-entry-workbook.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient, type WebClient } from '../helpers/web-client.js';

const AREA = '青森圏域';
const HIRANAI = '023019';
const WORKBOOK = `/staff/results/workbook?area=${encodeURIComponent(AREA)}&municipality=${HIRANAI}&fy=2022`;

for (const engine of testEngines) {
  describe(`the entry workbook over HTTP on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    let town: WebClient;
    const download = async () => {
      const response = await town.request(WORKBOOK);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type') ?? '', /spreadsheetml/);
      return new Uint8Array(await response.arrayBuffer());
    };
    const upload = (bytes: Uint8Array) =>
      town.postForm(WORKBOOK, { file: new File([bytes as Uint8Array<ArrayBuffer>], '平内町.xlsx') });

    before(async () => {
      database = await openMigrated(engine);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: readFileSync(repoPath(SEED_DOCUMENT)),
      });
      app = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      town = await signedInClient(app, database.db, {
        email: 'hiranai@example.jp',
        role: 'municipality_staff',
        areaSlug: AREA,
        municipality: HIRANAI,
      });
    });
    after(async () => {
      await database.close();
    });

    test('the entry page offers the download and the upload', async () => {
      const page = await (
        await town.request(`/staff/results?area=${encodeURIComponent(AREA)}&municipality=${HIRANAI}&fy=2022`)
      ).text();
      assert.ok(page.includes(WORKBOOK.replaceAll('&', '&amp;')));
      assert.match(page, /enctype="multipart\/form-data"/);
    });

    test('upload previews the changes and stores nothing; confirm stores them', async () => {
      const book = await openEntryWorkbook(await download());
      const id = book.idAt('parts', 0);
      const projectNumber = Number(book.cell('parts', id, 'projectNumber').value);
      book.set('parts', id, 'amount', '３００');
      const preview = await upload(await book.save());
      const html = await preview.text();
      assert.equal(preview.status, 200, html.slice(0, 500));
      assert.match(html, /（空欄）<\/td><td>300<\/td>/);
      const address = { areaSlug: AREA, fiscalYear: 2022, projectNumber, municipalityCode: HIRANAI };
      assert.equal((await getMunicipalityResult(database.db, operatorActor('cli'), address)).amount, null);

      const sealed = html.match(/name="plan" value="([^"]+)"/)?.[1] ?? '';
      const confirmed = await town.postForm(`${WORKBOOK}&step=confirm`, { plan: sealed });
      assert.equal(confirmed.status, 303);
      assert.match(confirmed.headers.get('Location') ?? '', /imported=1/);
      assert.equal((await getMunicipalityResult(database.db, operatorActor('cli'), address)).amount, 300);

      const tampered = await town.postForm(`${WORKBOOK}&step=confirm`, { plan: `${sealed.slice(0, -2)}xx` });
      assert.equal(tampered.status, 400);
    });

    test('a part changed between the preview and the confirm is a conflict: nothing stored', async () => {
      const book = await openEntryWorkbook(await download());
      const id = book.idAt('parts', 2);
      const projectNumber = Number(book.cell('parts', id, 'projectNumber').value);
      book.set('parts', id, 'amount', 10);
      const html = await (await upload(await book.save())).text();
      const sealed = html.match(/name="plan" value="([^"]+)"/)?.[1] ?? '';
      const address = { areaSlug: AREA, fiscalYear: 2022, projectNumber, municipalityCode: HIRANAI };
      await recordMunicipalityResult(database.db, operatorActor('cli'), {
        ...address,
        amount: 20,
        comment: '',
        expectedVersion: 0,
      });
      const confirmed = await town.postForm(`${WORKBOOK}&step=confirm`, { plan: sealed });
      assert.equal(confirmed.status, 409);
      assert.match(await confirmed.text(), /ほかの人がこの内容を先に変更しました/);
      assert.equal((await getMunicipalityResult(database.db, operatorActor('cli'), address)).amount, 20);
    });

    test('the review page of the central city offers its workbook, with the KPI sheets', async () => {
      const central = await signedInClient(app, database.db, {
        email: 'central@example.jp',
        role: 'central_staff',
        areaSlug: AREA,
      });
      const page = await (await central.request(`/staff/review?area=${encodeURIComponent(AREA)}&fy=2022`)).text();
      const href = page.match(/href="(\/staff\/results\/workbook\?[^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? '';
      assert.match(href, /municipality=022012/);
      const book = await openEntryWorkbook(new Uint8Array(await (await central.request(href)).arrayBuffer()));
      assert.ok(book.sheetOf('kpis').rowCount > 3);
    });

    test('a bad workbook answers 422 with every cell; an untouched one has nothing to change', async () => {
      const book = await openEntryWorkbook(await download());
      book.set('parts', book.idAt('parts', 1), 'amount', '-1');
      const rejected = await upload(await book.save());
      const html = await rejected.text();
      assert.equal(rejected.status, 422);
      assert.match(html, /負担分の決算額<\/td><td>J\d+<\/td><td>0 以上の整数（千円）、または空欄<\/td><td>-1<\/td>/);
      const untouched = await upload(await download());
      assert.match(await untouched.text(), /変更がありません/);
    });
  });
}
