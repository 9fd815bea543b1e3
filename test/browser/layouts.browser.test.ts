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

// The functions handed to page.evaluate run in Chromium; the project compiles without the DOM library, so the few
// DOM members they use are declared here, for this module only.
type Rect = { left: number; right: number; top: number; bottom: number; width: number; height: number };
declare const window: { scrollY: number };
declare const document: {
  createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<Rect> };
};
declare function getComputedStyle(element: unknown, pseudo?: string): { content: string; display: string };

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 800 };

type Box = { left: number; right: number; top: number; bottom: number; height: number };

/** The boxes of the elements a selector finds (visible ones), with a label each. */
function boxes(page: Page, selector: string): Promise<(Box & { label: string })[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => {
        const r = e.getBoundingClientRect();
        const label = `${e.tagName.toLowerCase()} "${(e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30)}"`;
        return { label, left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom, height: r.height };
      }),
  );
}

/** Elements whose box sticks out of the viewport sideways. */
async function outside(page: Page, selector: string, width: number): Promise<string[]> {
  const found = await boxes(page, selector);
  assert.ok(found.length > 0, `nothing matches ${selector}`);
  return found.filter((b) => b.left < -0.5 || b.right > width + 0.5).map((b) => `${b.label} ${b.left}–${b.right}`);
}

/** Text of the matching elements that wraps onto more than one line (a word broken inside: 蓬 / 田村). */
function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
      return tops.size > 1 ? [(e.textContent ?? '').trim()] : [];
    }),
  );
}

describe('layouts at 375 px and 1280 px', { skip: browserSkipReason }, () => {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  let phone: BrowserContext;
  let desktop: BrowserContext;

  before(async () => {
    assertChromiumInstalled();
    const [started, launched] = await Promise.allSettled([startPortalServer(), launchChromium()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    phone = await newTestContext(launched.value, PHONE);
    desktop = await newTestContext(launched.value, DESKTOP);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (context: BrowserContext, path: string): Promise<Page> => {
    const page = await context.newPage();
    const response = await page.goto(`${server?.origin}${path}`);
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
    return page;
  };

  test('375 px /projects: one card per project, name, placement, participants and total inside the screen; the first result on the first screen', async () => {
    const page = await open(phone, '/projects');
    const rows = await boxes(page, 'table.project-list tbody tr');
    assert.ok(rows.length > 0);
    for (const column of ['th[scope="row"]', 'td:nth-of-type(2)', 'td:nth-of-type(3)', 'td:nth-of-type(4)']) {
      assert.deepEqual(await outside(page, `table.project-list tbody tr ${column}`, PHONE.width), [], column);
    }
    assert.deepEqual(await outside(page, 'table.project-list tbody tr', PHONE.width), []);
    // each cell shows its column's name above it (the table head is hidden on a phone)
    const label = await page
      .locator('table.project-list tbody tr')
      .first()
      .locator('td')
      .nth(3)
      .evaluate((td) => getComputedStyle(td, '::before').content);
    assert.equal(label, '"事業費見込額の計（千円）"');
    const first = rows[0] as Box;
    assert.ok(first.top < PHONE.height, `the first project starts at ${first.top}px, below the first screen`);
    assert.equal(await page.locator('.filter-form__more').getAttribute('open'), null, 'the filters are folded');
    assert.equal(await page.locator('#role').isVisible(), false);
    await page.locator('.filter-form__summary').click();
    assert.equal(await page.locator('#role').isVisible(), true, 'one press unfolds them');
    assert.deepEqual(await brokenWords(page, 'table.project-list .nowrap'), [], 'a town name broken inside');
    await page.close();
  });

  test('375 px: a compact header; the menu (search and every page) behind one button', async () => {
    const page = await open(phone, '/projects/1');
    const [header] = await boxes(page, 'header.site-header');
    assert.ok(header && header.height <= 170, `the header is ${header?.height}px tall`);
    assert.equal(await page.locator('.site-header__nav').isVisible(), false);
    const menuLinks = page.locator('.site-menu nav a');
    assert.equal(await menuLinks.first().isVisible(), false, 'the menu starts closed');
    await page.locator('.site-menu > summary').click();
    assert.equal(await page.locator('#site-search-menu').isVisible(), true);
    const hrefs = await menuLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const href of ['/', '/projects', '/areas', '/api/docs', '/downloads']) assert.ok(hrefs.includes(href), href);
    assert.deepEqual(await outside(page, '.site-menu nav a', PHONE.width), []);
    await page.close();
  });

  test('375 px: municipality and findings pages are cards inside the screen; a finding shows both texts', async () => {
    const town = await open(phone, '/municipalities/023078');
    assert.deepEqual(await outside(town, 'main table tbody tr > *', PHONE.width), []);
    await town.close();
    const findings = await open(phone, '/findings');
    assert.deepEqual(await outside(findings, 'main table tbody tr > *', PHONE.width), []);
    for (const card of await boxes(findings, 'main table tbody tr')) {
      assert.ok(card.height < PHONE.height, `a finding card is ${card.height}px tall: its end is off screen`);
    }
    assert.equal(await findings.locator('.finding-texts dd').first().isVisible(), true);
    await findings.close();
  });

  test('375 px: tables that stay tables say that they scroll; column heads and names are never broken inside', async () => {
    for (const path of ['/matrix', '/projects/1', '/']) {
      const page = await open(phone, path);
      const unmarked = await page.locator('.table-scroll:not(.table-scroll--stacked)').evaluateAll((boxes) =>
        boxes
          .filter((b) => b.scrollWidth > b.clientWidth + 1)
          .filter((b) => {
            const hint = b.previousElementSibling;
            return !(hint?.classList.contains('table-scroll-hint') && hint.getClientRects().length > 0);
          })
          .map((b) => b.getAttribute('aria-label')),
      );
      assert.deepEqual(unmarked, [], `${path}: tables that scroll without a hint`);
      assert.deepEqual(await brokenWords(page, 'main thead th.center'), [], `${path}: a head broken inside`);
      await page.close();
    }
  });

  test('375 px: a project whose budget is all 「—」 shows a note, not an empty chart frame', async () => {
    const page = await open(phone, '/projects/42');
    const figure = page.locator('figure.chart-figure');
    assert.equal(await figure.locator('svg').count(), 0);
    assert.match((await figure.locator('.chart-empty').textContent()) ?? '', /金額の記載がありません/);
    await page.close();
  });

  test('1280 px: the project list is a table again; search and nav in the header, no menu button, no scroll hint', async () => {
    const page = await open(desktop, '/projects');
    assert.equal(await page.locator('table.project-list thead').isVisible(), true);
    const display = await page
      .locator('table.project-list tbody tr')
      .first()
      .evaluate((tr) => getComputedStyle(tr).display);
    assert.equal(display, 'table-row');
    assert.equal(await page.locator('.site-menu').isVisible(), false);
    assert.equal(await page.locator('#site-search-wide').isVisible(), true);
    assert.equal(await page.locator('.site-header__nav a[href="/api/docs"]').isVisible(), true);
    assert.equal(await page.locator('.table-scroll-hint').first().isVisible(), false);
    assert.deepEqual(await brokenWords(page, 'table.project-list .nowrap'), [], 'no 「（4」 / 「町村）」');
    await page.close();
  });
});
