/**
 * The public results pages in Chromium (issue 8, part 6): a project page's 実績 and /status with a published
 * fiscal year, at 375 px and 1280 px: no sideways scroll at 375 px, axe-core's WCAG 2.1 AA rules clean, every chart
 * named and followed by its table.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  assertChromiumInstalled,
  browserSkipReason,
  launchChromium,
  newTestContext,
  type PortalServer,
  startPortalServer,
} from '../helpers/browser.js';
import { formatViolations, inspectCharts, measureReflow, runAxe } from '../helpers/browser-checks.js';
import { publishResults, recordResults } from '../helpers/seed-results.js';

const PAGES = ['/projects/1', '/projects/4', '/status', '/status?fy=2022', '/'];
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

describe('published results in Chromium: reflow at 375 px, axe, charts', { skip: browserSkipReason }, () => {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  let phone: Page;
  let desktop: Page;
  const contexts: BrowserContext[] = [];

  before(async () => {
    assertChromiumInstalled();
    const [started, launched] = await Promise.allSettled([startPortalServer(), launchChromium()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    await recordResults(started.value.db);
    await publishResults(started.value.db, 2022);
    for (const viewport of [PHONE, DESKTOP]) contexts.push(await newTestContext(launched.value, viewport));
    phone = await (contexts[0] as BrowserContext).newPage();
    desktop = await (contexts[1] as BrowserContext).newPage();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (page: Page, url: string) => {
    const response = await page.goto(`${server?.origin}${url}`);
    assert.equal(response?.status(), 200, url);
  };

  test('the pages show the published year (the data is there before the checks)', async () => {
    await open(desktop, '/projects/1');
    assert.match(
      (await desktop.locator('#results-heading').locator('..').textContent()) ?? '',
      /公表された年度: 2022年度/,
    );
    await open(desktop, '/status');
    assert.match((await desktop.locator('h1').textContent()) ?? '', /達成状況（2022年度）/);
  });

  for (const url of PAGES) {
    test(`${url}: no horizontal scroll at 375 px`, async () => {
      await open(phone, url);
      const reflow = await measureReflow(phone);
      assert.ok(
        reflow.scrollWidth <= reflow.innerWidth,
        `${url} scrolls sideways: ${reflow.scrollWidth} > ${reflow.innerWidth}\n${reflow.overflowing.join('\n')}`,
      );
      assert.deepEqual(reflow.overflowing, []);
    });

    test(`${url}: axe-core WCAG 2.1 AA clean at 375 px and 1280 px; charts named, each followed by its table`, async () => {
      for (const page of [phone, desktop]) {
        await open(page, url);
        const outcome = await runAxe(page);
        assert.deepEqual(outcome.violations, [], formatViolations(url, outcome.violations));
      }
      const charts = await inspectCharts(desktop);
      if (url !== '/') assert.ok(charts.length > 0, `${url} has charts`);
      for (const chart of charts) {
        assert.ok(chart.title !== '' && chart.labelledBy.startsWith(chart.title), `${url}: chart named`);
        assert.ok(chart.inFigure && chart.table && chart.table.rows.length > 0, `${url} ${chart.title}: its table`);
      }
    });
  }
});
