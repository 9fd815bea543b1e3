/**
 * Draft revisions in a real browser (issue 8): central-city staff make a draft, re-estimate a budget cell, merge a
 * project into another with a reason, publish, and read the public diff; the pages pass axe and do not scroll
 * sideways at 375 px.
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
import { makeDraftReestimateAndMerge, openDraftProject, reviewAndPublish, signInAs } from '../helpers/draft-flow.js';
import { TEST_PASSWORD } from '../helpers/web-client.js';

const AREA = '青森圏域';
const EMAIL = 'central@aomori.example.jp';

describe('draft revisions in Chromium', { skip: browserSkipReason }, () => {
  let server: PortalServer;
  let browser: Browser | undefined;
  const cspViolations: string[] = [];
  const axeOn = async (page: Page) => {
    const outcome = await runAxe(page);
    assert.equal(outcome.violations.length, 0, formatViolations(page.url(), outcome.violations));
  };
  const newPage = async (width: number) => {
    const page = await (await newTestContext(browser as Browser, { width, height: 900 })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    return page;
  };

  before(async () => {
    server = await startPortalServer();
    await addAccount(server.db, operatorActor('cli'), {
      email: EMAIL,
      name: EMAIL,
      password: TEST_PASSWORD,
      role: { role: 'central_staff', areaSlug: AREA },
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('make a draft, re-estimate a cell, merge a project with a reason, publish, read the diff', async () => {
    const page = await newPage(1280);
    await signInAs(page, server.origin, EMAIL, TEST_PASSWORD);
    const seq = await makeDraftReestimateAndMerge(page, {
      reestimate: { projectNumber: 1, fiscalYear: 2023, amount: '４５０' },
      merge: { projectNumber: 3, intoNumber: 4, reason: 'ビジネス支援拠点に一本化したため' },
    });
    assert.equal(seq, 2);
    await axeOn(page);
    await openDraftProject(page, 3);
    assert.match(
      (await page.locator('main').textContent()) ?? '',
      /統合済みです（理由: ビジネス支援拠点に一本化したため）/,
    );
    await axeOn(page);
    await page.goBack();
    await page.getByRole('link', { name: '変更点を確認して公開する' }).click();
    await page.waitForLoadState();
    await axeOn(page);
    await page.goBack();
    await reviewAndPublish(page);

    assert.equal(new URL(page.url()).pathname, `/areas/${encodeURIComponent(AREA)}/revisions/1/diff/2`);
    const main = (await page.locator('main').textContent()) ?? '';
    assert.match(
      main,
      /事業3 中小事業者ビジネスサポート事業 → 事業4 地域企業ビジネス支援拠点運営事業に統合（理由: ビジネス支援拠点に一本化したため）/,
    );
    const budget = page.getByRole('figure', { name: '事業1 連携中枢都市圏ビジョン懇談会の運営の事業費見込額の変更' });
    assert.match((await budget.textContent()) ?? '', /2023年度401450\+49/);
    await axeOn(page);

    await page.goto(`${server.origin}/areas/${encodeURIComponent(AREA)}/projects/1`);
    assert.match((await page.locator('#budget-history-heading').textContent()) ?? '', /見直しの履歴/);
    await axeOn(page);
  });

  test('at 375 px the draft pages and the diff do not scroll sideways', async () => {
    const page = await newPage(375);
    await signInAs(page, server.origin, EMAIL, TEST_PASSWORD);
    const slug = encodeURIComponent(AREA);
    const key = await server.db
      .selectFrom('project_version')
      .select('project_key_id')
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    await page.goto(`${server.origin}/staff/drafts`);
    await page.getByRole('button', { name: '現在の版から下書きを作る' }).click();
    await page.waitForLoadState();
    for (const path of [
      '/staff/drafts',
      `/staff/drafts/${slug}/3`,
      `/staff/drafts/${slug}/3/projects/${key.project_key_id}`,
      `/staff/drafts/${slug}/3/review`,
      `/areas/${slug}/revisions`,
      `/areas/${slug}/revisions/1/diff/2`,
    ]) {
      await page.goto(`${server.origin}${path}`);
      const state = await measureReflow(page);
      assert.ok(
        state.scrollWidth <= state.innerWidth + 1,
        `${path} scrolls sideways (${state.scrollWidth} > ${state.innerWidth}): ${state.overflowing.join('; ')}`,
      );
    }
  });

  test('no content-security-policy violation on any page visited', () => {
    assert.deepEqual(cspViolations, []);
  });
});
