/**
 * The write side in a real browser (issue 7): signing in, entering one's own municipality's figure, being refused
 * another's, signing out; no content-security-policy violation on the way, and the staff pages pass axe.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operatorActor } from '../../src/domain/access-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import {
  browserSkipReason,
  launchChromium,
  newTestContext,
  type PortalServer,
  startPortalServer,
} from '../helpers/browser.js';
import { formatViolations, runAxe } from '../helpers/browser-checks.js';
import { TEST_PASSWORD } from '../helpers/web-client.js';

const AREA = '青森圏域';

describe('accounts in Chromium: sign in, edit within one role, refused outside it', { skip: browserSkipReason }, () => {
  let server: PortalServer;
  let browser: Browser | undefined;
  let page: Page;
  const cspViolations: string[] = [];

  before(async () => {
    server = await startPortalServer();
    for (const [email, municipality] of [
      ['staff@imabetsu.example.jp', '今別町'],
      ['staff@hiranai.example.jp', '平内町'],
    ] as const) {
      await addAccount(server.db, operatorActor('cli'), {
        email,
        name: email,
        password: TEST_PASSWORD,
        role: { role: 'municipality_staff', areaSlug: AREA, municipality },
      });
    }
    browser = await launchChromium();
    page = await (await newTestContext(browser, { width: 1280, height: 900 })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const signIn = async (email: string, password: string) => {
    await page.goto(`${server.origin}/staff`);
    assert.match(new URL(page.url()).pathname, /^\/signin$/, 'a staff page sends an anonymous visitor to sign in');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForLoadState();
  };

  test('a wrong password is refused with a message, and the typed e-mail stays', async () => {
    await signIn('staff@imabetsu.example.jp', 'not the password at all');
    assert.equal(new URL(page.url()).pathname, '/signin');
    assert.match((await page.locator('[role=alert]').textContent()) ?? '', /メールアドレスかパスワードが違います/);
    assert.equal(await page.getByLabel('メールアドレス').inputValue(), 'staff@imabetsu.example.jp');
  });

  test("今別町 staff sign in and record 今別町's part of project 1; it is there after a reload", async () => {
    await signIn('staff@imabetsu.example.jp', TEST_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/staff');
    assert.match((await page.locator('main').textContent()) ?? '', /ログイン中: staff@imabetsu\.example\.jp/);
    await page.getByRole('link', { name: '実績の入力' }).click();
    await page.waitForLoadState();
    const row = page.locator('section', { has: page.getByRole('heading', { name: /^1\. / }) });
    await row.getByLabel('決算額（千円）').fill('１，２３４');
    await row.getByLabel('コメント').fill('今別町の負担分（2020年度）');
    await row.getByRole('button').click();
    await page.waitForLoadState();
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /事業 1 の実績を保存しました/);
    await page.reload();
    const saved = page.locator('section', { has: page.getByRole('heading', { name: /^1\. / }) });
    assert.equal(
      await saved.getByLabel('決算額（千円）').inputValue(),
      '1234',
      'full-width digits and the comma normalised',
    );
    assert.match((await saved.textContent()) ?? '', /第1版（staff@imabetsu\.example\.jp が入力）/);
    const outcome = await runAxe(page);
    assert.equal(outcome.violations.length, 0, formatViolations('/staff/results', outcome.violations));
  });

  test("signed out, then 平内町 staff cannot open 今別町's entry page (403), and 今別町's figure is unchanged", async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForLoadState();
    await signIn('staff@hiranai.example.jp', TEST_PASSWORD);
    const refused = await page.goto(
      `${server.origin}/staff/results?area=${encodeURIComponent(AREA)}&municipality=023035`,
    );
    assert.equal(refused?.status(), 403);
    const own = await page.goto(`${server.origin}/staff/results`);
    assert.equal(own?.status(), 200);
    assert.match((await page.locator('h1').textContent()) ?? '', /平内町/);
    const row = await server.db
      .selectFrom('municipality_result')
      .innerJoin('municipality', 'municipality.id', 'municipality_result.municipality_id')
      .select(['municipality.name', 'municipality_result.amount'])
      .execute();
    assert.deepEqual(row, [{ name: '今別町', amount: 1234 }]);
  });

  test('no content-security-policy violation on any page visited', () => {
    assert.deepEqual(cspViolations, []);
  });
});
