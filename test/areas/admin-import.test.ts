import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';
import { signedInClient, type WebClient } from '../helpers/web-client.js';

const OTHER = readFileSync(repoPath('test/fixtures/import/other-area-seven-partners.txt'));

function upload(fields: { area?: string; file?: { name: string; bytes: Uint8Array | string } }) {
  const form: Record<string, string | File> = {};
  if (fields.area !== undefined) form.area = fields.area;
  if (fields.file) form.file = new File([fields.file.bytes], fields.file.name, { type: 'text/plain' });
  return form;
}

describe('/admin/import: a document uploaded through the web into another area', () => {
  let database: OpenDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: WebClient;

  const page = async (response: Response, status: number) => {
    const text = await response.text();
    assert.equal(response.status, status, text.slice(0, 400));
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    return text;
  };

  before(async () => {
    database = await openMigrated(pgliteEngine);
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
    // a long stamp TTL: the import must refresh this process's pages by itself
    app = createApp({ db: database.db, dataStampTtlMs: 60_000 });
    admin = await signedInClient(app, database.db, { email: 'admin@example.jp', role: 'admin' });
  });
  after(async () => {
    await database.close();
  });
  const post = (fields: Record<string, string | File>) => admin.postForm('/admin/import', fields);

  test('anonymous visitors are sent to sign in; an account without the permission gets 403; nothing is stored', async () => {
    const anonymous = await app.request('/admin/import');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/signin?next=%2Fadmin%2Fimport');
    const council = await signedInClient(app, database.db, {
      email: 'council@example.jp',
      role: 'council',
      areaSlug: '青森圏域',
    });
    assert.equal((await council.request('/admin/import')).status, 403);
    const refused = await council.postForm(
      '/admin/import',
      upload({ area: 'hachinohe', file: { name: 'h.txt', bytes: OTHER } }),
    );
    assert.equal(refused.status, 403);
    assert.equal((await app.request('/areas/hachinohe/')).status, 404);
  });

  test('the form: file and area fields with labels, required marks, hints and the form token', async () => {
    const text = await page(await admin.request('/admin/import'), 200);
    assert.match(text, /<form method="post" action="\/admin\/import" enctype="multipart\/form-data"/);
    assert.match(text, /<input type="hidden" name="csrf" value="[^"]+"/);
    assert.match(text, /<label for="file">ビジョン文書のファイル<span class="required-mark">※必須<\/span><\/label>/);
    assert.match(text, /<input id="file" name="file" type="file"[^>]*aria-describedby="file-hint"/);
    assert.match(text, /<input id="area" name="area" type="text"/);
    assert.doesNotMatch(text, /name="token"/);
  });

  test('a post without the form token, or from another site, is a 403 and stores nothing', async () => {
    const form = new FormData();
    form.set('area', 'hachinohe');
    form.set('file', new File([OTHER], 'h.txt', { type: 'text/plain' }));
    assert.equal((await admin.request('/admin/import', { method: 'POST', body: form })).status, 403);
    form.set('csrf', await admin.csrf());
    const crossSite = await admin.request('/admin/import', {
      method: 'POST',
      body: form,
      headers: { Origin: 'https://evil.example' },
    });
    assert.equal(crossSite.status, 403);
    assert.equal((await app.request('/areas/hachinohe/')).status, 404);
  });

  test('no file is a 400; a file over the size limit a 413', async () => {
    const none = await page(await post(upload({})), 400);
    assert.match(none, /ファイルを選んでください/);
    assert.match(none, /<div class="warning" role="alert">/);
    assert.match(none, /<a href="#file">/);
    const big = new Uint8Array(8 * 1024 * 1024 + 100_000).fill(0x41);
    const tooLarge = await post(upload({ file: { name: 'big.txt', bytes: big } }));
    assert.match(await page(tooLarge, 413), /8 MB 以下のファイルにしてください/);
  });

  test('bytes that are not UTF-8 are a 422 page naming the line', async () => {
    const shiftJis = new Uint8Array([...new TextEncoder().encode('一行目\n二行目\n'), 0x82, 0xa0, 0x0a]);
    const response = await post(upload({ file: { name: 'sjis.txt', bytes: shiftJis } }));
    const text = await page(response, 422);
    assert.match(text, /<h1>文書を取り込めません<\/h1>/);
    assert.match(text, /「sjis\.txt」に誤りがあります/);
    assert.match(text, /<caption>取り込めなかった理由（1件）<\/caption>/);
    assert.match(text, /<li>文書（3行目）<\/li>/);
    assert.match(text, /3行目 1文字目のバイト 0x82 は UTF-8 として読めません/);
  });

  test('a document with error findings is a 422 page listing them with line numbers', async () => {
    const response = await post(
      upload({ area: 'nonsense', file: { name: 'memo.txt', bytes: 'メモ\nただの文章です\n' } }),
    );
    const text = await page(response, 422);
    assert.match(text, /文書を読めない/);
    assert.match(text, /<li>文書（\d+行目）<\/li>/);
    assert.match(text, /事業シート（「事業名」の行）も見つかりません/);
    assert.equal((await app.request('/areas/nonsense/')).status, 404);
  });

  test('a reserved area slug is refused with a message on the field', async () => {
    const response = await post(upload({ area: 'compare', file: { name: 'h.txt', bytes: OTHER } }));
    const text = await page(response, 400);
    assert.match(text, /圏域の識別名「compare」はページの名前に使われているため使えません/);
    assert.match(text, /<input id="area"[^>]*aria-invalid="true"/);
  });

  test('success: 303 to the area page, which shows at once, and the list of areas has both', async () => {
    assert.doesNotMatch(await (await app.request('/areas')).text(), /八戸圏域/);
    const response = await post(upload({ area: 'hachinohe', file: { name: '八戸圏域ビジョン.txt', bytes: OTHER } }));
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/areas/hachinohe/');
    const home = await page(await app.request('/areas/hachinohe/'), 200);
    assert.match(home, /八戸圏域連携中枢都市圏ビジョン（第2期）/);
    assert.match(await (await app.request('/areas')).text(), /八戸圏域/);
    const findings = await page(await app.request('/areas/hachinohe/findings'), 200);
    assert.match(findings, /八戸圏域ビジョン\.txt/);

    // the same bytes again: nothing new, still a redirect to the area
    const again = await post(upload({ area: 'hachinohe', file: { name: 'again.txt', bytes: OTHER } }));
    assert.equal(again.status, 303);
  });
});
