/**
 * A whole fiscal year end to end in Chromium (issue 8, "done when"): the central city drafts a revision with a
 * re-estimate and a merge, publishes it and reads the diff; sets project 1's cost-share rule and enters its actual;
 * each municipality enters and submits its part; one is returned with a reason and resubmitted; the central city
 * approves and publishes the year; the public project page and the status overview show the shares and statuses.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operatorActor, type RoleName } from '../../src/domain/access-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import {
  assertChromiumInstalled,
  browserSkipReason,
  launchChromium,
  newTestContext,
  type PortalServer,
  startPortalServer,
} from '../helpers/browser.js';
import { makeDraftReestimateAndMerge, reviewAndPublish, signInAs } from '../helpers/draft-flow.js';
import { TEST_PASSWORD } from '../helpers/web-client.js';

const AREA = '青森圏域';
const FY = 2022;
/** each party's part of project 1 (千円); 平内町 first types a wrong figure, is returned, and corrects it */
const PARTS = { 青森市: 355, 平内町: 20, 今別町: 10, 外ヶ浜町: 15, 蓬田村: 10 } as const;
const TOWNS = ['平内町', '今別町', '外ヶ浜町', '蓬田村'] as const;

describe('a whole fiscal year in Chromium', { skip: browserSkipReason }, () => {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;

  const emailOf = (who: string) => `${encodeURIComponent(who).replace(/%/g, '').toLowerCase()}@example.jp`;
  const pageFor = async (who: string): Promise<Page> => {
    const page = await (await newTestContext(browser as Browser, { width: 1280, height: 900 })).newPage();
    await signInAs(page, server?.origin ?? '', emailOf(who), TEST_PASSWORD);
    return page;
  };
  const text = async (page: Page) => (await page.locator('main').textContent()) ?? '';
  const submitOwnPart = async (page: Page, amount: number) => {
    await page.getByRole('link', { name: '実績の入力' }).first().click();
    await page.getByRole('link', { name: `${FY}年度` }).click();
    await page.waitForLoadState();
    const row = page.locator('section', { has: page.getByRole('heading', { name: /^1\. / }) });
    await row.getByLabel('決算額（千円）').fill(String(amount));
    await row.getByRole('button', { name: '事業 1 を保存' }).click();
    await page.waitForLoadState();
    await page
      .locator('section', { has: page.getByRole('heading', { name: /^1\. / }) })
      .getByRole('button', { name: '事業 1 を提出' })
      .click();
    await page.waitForLoadState();
    assert.match(await text(page), /提出しました/);
  };
  const waitingPart = (page: Page, town: string) =>
    page.locator('section', { has: page.getByRole('heading', { name: new RegExp(`^1\\. .*（${town}）$`) }) });

  before(async () => {
    assertChromiumInstalled();
    server = await startPortalServer();
    browser = await launchChromium();
    const accounts: [string, RoleName, string | undefined][] = [
      ['central', 'central_staff', undefined],
      ...TOWNS.map((town): [string, RoleName, string] => [town, 'municipality_staff', town]),
    ];
    for (const [who, role, municipality] of accounts) {
      await addAccount(server.db, operatorActor('cli'), {
        email: emailOf(who),
        name: who,
        password: TEST_PASSWORD,
        role: { role, areaSlug: AREA, municipality },
      });
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the whole year: draft and diff, entries, a return, approvals, publication, the public pages', async () => {
    const central = await pageFor('central');
    await makeDraftReestimateAndMerge(central, {
      reestimate: { projectNumber: 1, fiscalYear: FY, amount: '420' },
      merge: { projectNumber: 55, intoNumber: 54, reason: '事業を一本化したため' },
    });
    await reviewAndPublish(central);
    const diff = await text(central);
    assert.match(diff, /420/, 'the diff shows the re-estimate');
    assert.match(diff, /事業を一本化したため/, 'the diff shows the merge with its reason');

    await central.goto(`${server?.origin}/staff/review/projects/1?fy=${FY}`);
    await central.getByLabel('均等割と人口割の組み合わせ').check();
    await central.getByLabel(/組み合わせのときの均等割の割合/).fill('30');
    await central.getByRole('button', { name: '分担の決め方を保存' }).click();
    await central.waitForLoadState();
    assert.match(await text(central), /分担の決め方を保存しました/);
    await central.getByLabel('決算額（事業全体、千円）').fill('410');
    await central.getByLabel('取組状況').fill('ビジョン懇談会を 2 回開催した');
    await central.getByRole('button', { name: '事業全体の実績を保存' }).click();
    await central.waitForLoadState();
    assert.match(await text(central), /事業全体の実績を保存しました/);
    await central.goto(`${server?.origin}/staff`);
    await submitOwnPart(central, PARTS.青森市);

    const towns = new Map<string, Page>();
    for (const town of TOWNS) {
      const page = await pageFor(town);
      towns.set(town, page);
      await submitOwnPart(page, town === '平内町' ? 25 : PARTS[town]);
    }

    await central.goto(`${server?.origin}/staff/review?fy=${FY}`);
    assert.match(await text(central), /確認待ち（5件）/);
    await waitingPart(central, '平内町').getByLabel('差し戻す理由').fill('決算書の額（20千円）と違います');
    await waitingPart(central, '平内町').getByRole('button', { name: '差し戻す' }).click();
    await central.waitForLoadState();
    assert.match(await text(central), /差し戻しました/);

    const hiranai = towns.get('平内町') as Page;
    await hiranai.goto(`${server?.origin}/staff/results?fy=${FY}`);
    assert.match(await text(hiranai), /差し戻しの理由: 決算書の額（20千円）と違います/);
    await hiranai.goto(`${server?.origin}/staff`);
    await submitOwnPart(hiranai, PARTS.平内町);

    await central.goto(`${server?.origin}/staff/review?fy=${FY}`);
    for (let left = 5; left > 0; left -= 1) {
      assert.match(await text(central), new RegExp(`確認待ち（${left}件）`));
      await central.getByRole('button', { name: '承認する' }).first().click();
      await central.waitForLoadState();
    }
    assert.match(await text(central), /確認待ち（0件）/);
    await central.getByRole('button', { name: `${FY}年度の実績を公表する` }).click();
    await central.waitForLoadState();
    assert.match(await text(central), /実績を公表しました/);

    const visitor = await (await newTestContext(browser as Browser, { width: 1280, height: 900 })).newPage();
    await visitor.goto(`${server?.origin}/projects/1`);
    const shares = visitor.getByRole('table').filter({ has: visitor.getByRole('rowheader', { name: '平内町' }) });
    const hiranaiRow = shares.getByRole('row').filter({ has: visitor.getByRole('rowheader', { name: '平内町' }) });
    assert.match((await hiranaiRow.textContent()) ?? '', /20/, '平内町 pays its corrected, approved part');
    const project = await text(visitor);
    assert.match(project, /410/, 'the actual total');
    assert.match(project, /420/, 'the re-estimated plan');
    assert.match(project, /ビジョン懇談会を 2 回開催した/);
    await visitor.goto(`${server?.origin}/status?fy=${FY}`);
    assert.match(await text(visitor), /2022年度/);
    assert.doesNotMatch(await text(visitor), /未公表/);
  });
});
