/**
 * The write side in a real browser (issue 7): signing in, entering one's own municipality's figure, being refused
 * another's, signing out; turning two-factor sign-in on and signing in with a code; no content-security-policy
 * violation on the way, and the staff pages pass axe.
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
import { formatViolations, measureReflow, runAxe } from '../helpers/browser-checks.js';
import { totpCode, wrongTotpCode } from '../helpers/totp.js';
import { TEST_PASSWORD } from '../helpers/web-client.js';

const AREA = '青森圏域';

// runs in the page (the project's TypeScript has no DOM library)
declare function getComputedStyle(element: unknown): {
  fontSize: string;
  fontWeight: string;
  borderBottomWidth: string;
  borderBottomColor: string;
};

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

  test('平内町 staff turn two-factor on, sign out, and sign in again with a code from the secret shown', async () => {
    const axeOn = async (where: string) => {
      const outcome = await runAxe(page);
      assert.equal(outcome.violations.length, 0, formatViolations(where, outcome.violations));
    };
    /** The page as a phone shows it (375 px): nothing scrolls sideways, and each backup code stays on one line. */
    const fitsPhone = async (where: string) => {
      await page.setViewportSize({ width: 375, height: 812 });
      const state = await measureReflow(page);
      assert.ok(
        state.scrollWidth <= state.innerWidth + 1,
        `${where} scrolls sideways at 375 px (${state.scrollWidth} > ${state.innerWidth}): ${state.overflowing.join('; ')}`,
      );
      const codes = await page.locator('.backup-codes code').evaluateAll((elements) =>
        elements.map((e) => ({
          lines: e.getClientRects().length,
          size: Number.parseFloat(getComputedStyle(e).fontSize),
        })),
      );
      for (const code of codes) {
        assert.equal(code.lines, 1, `${where}: a backup code is broken across lines at 375 px`);
        assert.ok(code.size >= 18, `${where}: backup codes at ${code.size}px are hard to copy from a phone`);
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    await page.goto(`${server.origin}/account`);
    // the staff menu marks the page shown by more than colour: bold, and a bar under it
    const menuLook = (selector: string) =>
      page
        .locator(`.staff-nav ${selector}`)
        .first()
        .evaluate((e) => {
          const style = getComputedStyle(e);
          return { weight: style.fontWeight, bar: style.borderBottomWidth, barColour: style.borderBottomColor };
        });
    assert.equal(await page.locator('.staff-nav [aria-current="page"]').textContent(), 'アカウント');
    const [current, other] = [await menuLook('[aria-current]'), await menuLook('a:not([aria-current])')];
    assert.ok(Number(current.weight) >= 700 && Number(other.weight) < 700, JSON.stringify({ current, other }));
    assert.ok(current.bar === '3px' && current.barColour !== 'rgba(0, 0, 0, 0)', JSON.stringify(current));
    assert.equal(other.barColour, 'rgba(0, 0, 0, 0)');
    const twoFactorSection = page.locator('section', { has: page.locator('#two-factor-heading') });
    assert.match((await twoFactorSection.textContent()) ?? '', /状態: 無効/);
    await twoFactorSection.getByLabel('パスワード').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '二段階認証を設定する' }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/account/two-factor/enable');
    const secret = ((await page.locator('#totp-secret').textContent()) ?? '').replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    assert.match((await page.locator('#totp-uri').textContent()) ?? '', /^otpauth:\/\/totp\/Renkei:/);
    await axeOn('/account/two-factor/enable');
    await fitsPhone('/account/two-factor/enable');

    await page.getByLabel('確認コード').fill(wrongTotpCode(secret));
    await page.getByRole('button', { name: '確認して有効にする' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#code-error').textContent()) ?? '', /確認コードが違います/);
    assert.equal(await page.getByLabel('確認コード').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('確認コード').fill(totpCode(secret));
    await page.getByRole('button', { name: '確認して有効にする' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /二段階認証を有効にしました/);
    assert.equal(await page.locator('.backup-codes li').count(), 10);
    await axeOn('/account/two-factor/confirm');
    await fitsPhone('/account/two-factor/confirm (the backup codes)');

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForLoadState();
    await signIn('staff@hiranai.example.jp', TEST_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/signin/code', 'the password alone does not sign in');
    await page.goto(`${server.origin}/staff`);
    assert.equal(new URL(page.url()).pathname, '/signin', 'staff pages still ask to sign in');
    await page.goto(`${server.origin}/signin/code`);
    await axeOn('/signin/code');
    await fitsPhone('/signin/code');
    await page.getByLabel('確認コード').fill(wrongTotpCode(secret));
    await page.getByRole('button', { name: '確認してログイン' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#code-error').textContent()) ?? '', /確認コードが違います/);
    // the code that turned it on works once: the next one the app will show (accepted one window early)
    await page.getByLabel('確認コード').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: '確認してログイン' }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).pathname, '/staff');
    assert.match((await page.locator('main').textContent()) ?? '', /ログイン中: staff@hiranai\.example\.jp/);
    await page.goto(`${server.origin}/account`);
    assert.match((await twoFactorSection.textContent()) ?? '', /状態: 有効/);
    await axeOn('/account with two-factor on');
    await fitsPhone('/account with two-factor on');

    // a new set of backup codes: the password again, shown once
    await page.locator('#backupCodesPassword').fill('not the password');
    await page.getByRole('button', { name: 'バックアップコードを作り直す' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('#backupCodesPassword-error').textContent()) ?? '', /パスワードが違います/);
    assert.equal(await page.locator('#backupCodesPassword').getAttribute('aria-invalid'), 'true');
    await axeOn('/account/two-factor/backup-codes (wrong password)');
    await page.locator('#backupCodesPassword').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'バックアップコードを作り直す' }).click();
    await page.waitForLoadState();
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /バックアップコードを作り直しました/);
    assert.equal(await page.locator('.backup-codes li').count(), 10);
    await axeOn('/account/two-factor/backup-codes');
    await fitsPhone('/account/two-factor/backup-codes');
  });

  test('no content-security-policy violation on any page visited', () => {
    assert.deepEqual(cspViolations, []);
  });
});
