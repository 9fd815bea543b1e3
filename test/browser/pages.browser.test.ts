import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
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
import {
  AXE_VERSION,
  describeFocus,
  type FocusState,
  formatViolations,
  inspectCharts,
  markTabbables,
  measureReflow,
  readFocus,
  runAxe,
} from '../helpers/browser-checks.js';
import {
  type AccessibilityCheck,
  describeTools,
  PUBLISHED_REPORT,
  STANDARD,
  TEST_RESULTS_REPORT,
  todayInJapan,
  writeReport,
} from '../helpers/browser-report.js';
import { repoPath } from '../helpers/read-fixture.js';

type PageType = { pageType: string; url: string; slug: string; status?: number };

// One URL per page type, on the seed document (project 2: a merged target, blanks in its budget).
const PAGE_TYPES: readonly PageType[] = [
  { pageType: 'ホーム', url: '/', slug: 'home' },
  { pageType: '連携協約項目の一覧表', url: '/matrix', slug: 'matrix' },
  { pageType: '事業一覧', url: '/projects', slug: 'projects' },
  { pageType: '事業のページ', url: '/projects/2', slug: 'project-2' },
  { pageType: '市町村のページ', url: '/municipalities/023078', slug: 'municipality-023078' },
  { pageType: '文書の不整合', url: '/findings', slug: 'findings' },
  { pageType: 'アクセシビリティ方針', url: '/accessibility', slug: 'accessibility' },
  { pageType: 'エラーページ', url: '/projects/999', slug: 'error-404', status: 404 },
];
// the page types the keyboard walk below also goes through (a project page stands for every project page)
const WALKED = ['/projects', '/projects/2'];

const DESKTOP = { width: 1280, height: 800 };
const ZOOM_200 = { width: 640, height: 400 }; // a 1280×800 window at 200 %: the same CSS pixels and media queries
const PHONE = { width: 360, height: 800 };
const SCREENSHOTS = 'test-results/screenshots';

// Its own test, so that a machine without Chromium shows one failure that says why (the suite below is cancelled).
test('Chromium is installed for the browser tests', { skip: browserSkipReason }, () => assertChromiumInstalled());

describe('public pages in Chromium: WCAG 2.1 AA, keyboard, charts, reflow', { skip: browserSkipReason }, () => {
  let server: PortalServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  const results = new Map<string, Partial<AccessibilityCheck>>(PAGE_TYPES.map((p) => [p.url, {}]));
  const record = (url: string, fields: Partial<AccessibilityCheck>) => Object.assign(results.get(url) ?? {}, fields);

  before(async () => {
    assertChromiumInstalled();
    const [started, launched] = await Promise.allSettled([startPortalServer(), launchChromium()]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    context = await newTestContext(launched.value, DESKTOP);
    page = await context.newPage();
    await mkdir(repoPath(SCREENSHOTS), { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (p: Pick<PageType, 'url' | 'status'>) => {
    const response = await page.goto(`${server?.origin}${p.url}`);
    assert.equal(response?.status(), p.status ?? 200, `${p.url} answered ${response?.status()}`);
  };

  const tab = async (key = 'Tab'): Promise<FocusState> => {
    await page.keyboard.press(key);
    return readFocus(page);
  };

  const assertFocusVisible = (focus: FocusState, where: string) =>
    assert.ok(focus.indicator, `${where}: no visible focus indicator on ${describeFocus(focus)}`);

  /** Tab until `wanted` holds (at most `limit` presses), checking the focus ring of every stop on the way. */
  const tabUntil = async (where: string, wanted: (f: FocusState) => boolean, limit = 60): Promise<FocusState> => {
    const stops: string[] = [];
    for (let i = 0; i < limit; i++) {
      const focus = await tab();
      assertFocusVisible(focus, where);
      if (wanted(focus)) return focus;
      stops.push(describeFocus(focus));
    }
    assert.fail(`${where}: not reached in ${limit} Tab presses; went through ${stops.join(', ')}`);
  };

  test('axe-core finds no WCAG 2.1 A/AA violation on any page type', async (t) => {
    await page.setViewportSize(DESKTOP);
    for (const p of PAGE_TYPES) {
      await t.test(`${p.pageType} ${p.url}`, async () => {
        await open(p);
        const outcome = await runAxe(page);
        record(p.url, { axeViolations: outcome.violations.length, axePasses: outcome.passes });
        if (outcome.incomplete.length > 0) t.diagnostic(`${p.url}: axe needs review: ${outcome.incomplete.join(', ')}`);
        assert.equal(outcome.violations.length, 0, `axe violations:\n${formatViolations(p.url, outcome.violations)}`);
      });
    }
  });

  test('keyboard: on every page type the skip link comes first and Tab reaches each control once, in order, with a visible focus', async (t) => {
    await page.setViewportSize(DESKTOP);
    for (const p of PAGE_TYPES) {
      await t.test(`${p.pageType} ${p.url}`, async () => {
        record(p.url, { keyboard: '操作できない' });
        await open(p);
        const expected = await markTabbables(page);
        const skip = await tab();
        assert.equal(skip.href, '#main', `the first Tab focuses ${describeFocus(skip)}, not the skip link`);
        assertFocusVisible(skip, p.url);
        assert.ok(
          skip.rect.top >= 0 && skip.rect.left >= 0 && skip.rect.width > 1,
          'the focused skip link is on screen',
        );
        const target = await tab('Enter');
        assert.equal(
          `${target.tag}#${target.id}`,
          'main#main',
          `Enter on the skip link focuses ${describeFocus(target)}`,
        );
        const firstInMain = await tab();
        assert.ok(firstInMain.pastMainStart, `Tab after the skip goes to ${describeFocus(firstInMain)}, before main`);

        await open(p);
        await markTabbables(page);
        const reached: number[] = [];
        for (let i = 0; i < expected.length + 10; i++) {
          const focus = await tab();
          if (focus.tag === 'body' || (focus.order === 0 && reached.length > 0)) break; // out of the page, or round again
          assertFocusVisible(focus, p.url);
          if (focus.order !== null) reached.push(focus.order);
        }
        const missed = expected.filter((_, index) => !reached.includes(index));
        assert.deepEqual(missed, [], `${p.url}: Tab never reaches these`);
        assert.deepEqual(
          reached,
          expected.map((_, index) => index),
          `${p.url}: Tab order differs from the document order`,
        );
        record(p.url, { keyboard: '操作できる' });
      });
    }
  });

  test('keyboard alone on /projects: skip link, keyword search, new-only filter, then a project and the next one', async () => {
    await page.setViewportSize(DESKTOP);
    const where = 'keyboard walk';
    const swept = WALKED.map((url) => results.get(url)?.keyboard);
    for (const url of WALKED) record(url, { keyboard: '操作できない' });
    await open({ url: '/projects' });
    const skip = await tab();
    assert.equal(skip.href, '#main', 'the first Tab focuses the skip link');
    assertFocusVisible(skip, where);
    const main = await tab('Enter');
    assert.equal(main.id, 'main', 'Enter on the skip link moves the focus to main');

    await tabUntil(`${where}: keyword field`, (f) => f.id === 'q');
    await page.keyboard.type('RPA');
    await tabUntil(`${where}: submit button`, (f) => f.tag === 'button');
    await Promise.all([page.waitForURL(/[?&]q=RPA/), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'RPA');
    assert.equal(await page.inputValue('#q'), 'RPA', 'the keyword stays in its field');
    assert.deepEqual(await listedProjects(page), [55]);

    // the other conditions are folded behind one button (<details>): Enter opens it
    await tabUntil(`${where}: the button that unfolds the conditions`, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    await tabUntil(`${where}: new-only checkbox`, (f) => f.id === 'new');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('#new'), true, 'Space ticks the checkbox');
    await tabUntil(`${where}: submit button`, (f) => f.tag === 'button');
    await Promise.all([page.waitForURL(/[?&]new=1/), page.keyboard.press('Space')]);
    const params = new URL(page.url()).searchParams;
    assert.equal(params.get('q'), 'RPA');
    assert.equal(params.get('new'), '1');
    assert.deepEqual(await listedProjects(page), [55]);

    await tabUntil(`${where}: link to project 55`, (f) => f.href === '/projects/55', 80);
    await Promise.all([page.waitForURL(/\/projects\/55$/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('h1').textContent()) ?? '', /事業55/);
    await tabUntil(`${where}: previous project`, (f) => f.href === '/projects/54', 120);
    await Promise.all([page.waitForURL(/\/projects\/54$/), page.keyboard.press('Enter')]);
    assert.match((await page.locator('h1').textContent()) ?? '', /事業54/);
    WALKED.forEach((url, index) => {
      record(url, { keyboard: swept[index] ?? '操作できない' });
    });
  });

  test('every chart (svg role=img) has a text alternative and a table in its figure with a cell for each value', async (t) => {
    await page.setViewportSize(DESKTOP);
    let charts = 0;
    for (const p of PAGE_TYPES) {
      await open(p);
      const found = await inspectCharts(page);
      charts += found.length;
      for (const [index, chart] of found.entries()) {
        const name = (await page.locator('svg[role="img"]').nth(index).ariaSnapshot()).match(/^- img "(.+)"/)?.[1];
        const label = `${p.url} chart ${index + 1} "${chart.title}"`;
        assert.ok(name && name.trim().length > 0, `${label}: Chromium computes no accessible name`);
        assert.ok(
          chart.title.length > 0 || chart.labelledBy.length > 0,
          `${label}: no <title> or aria-labelledby text`,
        );
        assert.ok(chart.inFigure, `${label}: not inside a <figure>`);
        assert.ok(chart.table, `${label}: no <table> after it in its figure`);
        const { columns, rows } = chart.table;
        const categories = columns - 1; // the first head names the series
        assert.ok(rows.length > 0 && rows.every((r) => r.length === categories), `${label}: one cell per category`);
        const series = new Set(chart.bars.map(([s]) => s)).size;
        assert.ok(series <= rows.length, `${label}: ${series} series drawn, ${rows.length} table rows`);
        // every bar has a number in its cell, and every number in the table has its bar (blank or — has none)
        const numbered = rows.flatMap((row, s) =>
          row.flatMap((cell, c) => (/^-?[\d,]+(\.\d+)?$/.test(cell) ? [`${s}:${c}`] : [])),
        );
        const drawn = chart.bars.map(([s, c]) => `${s}:${c}`);
        assert.deepEqual(drawn.sort(), numbered.sort(), `${label}: bars and numeric table cells differ`);
        t.diagnostic(`${label}: ${drawn.length} bars, ${rows.length}×${categories} table cells`);
      }
    }
    assert.ok(charts >= 2, `expected the charts of the home and project pages, found ${charts}`);
  });

  test('at 360 px and at 200 % zoom no page scrolls sideways and the main heading shows; screenshots at 1280 and 360', async (t) => {
    for (const p of PAGE_TYPES) {
      await t.test(`${p.pageType} ${p.url}`, async () => {
        await page.setViewportSize(DESKTOP);
        await open(p);
        await page.screenshot({ path: repoPath(`${SCREENSHOTS}/${p.slug}-1280.png`), fullPage: true });
        const problems = (await reflowProblems(page)).map((problem) => `${p.url} at 1280px: ${problem}`);
        for (const [viewport, field] of [
          [ZOOM_200, 'zoom200'],
          [PHONE, 'width360'],
        ] as const) {
          await page.setViewportSize(viewport);
          const found = await reflowProblems(page);
          record(p.url, { [field]: found.length === 0 ? '崩れない' : '崩れる' });
          problems.push(...found.map((problem) => `${p.url} at ${viewport.width}px: ${problem}`));
        }
        await page.screenshot({ path: repoPath(`${SCREENSHOTS}/${p.slug}-360.png`), fullPage: true });
        assert.deepEqual(problems, []);
      });
    }
  });

  test(`the results are written to ${TEST_RESULTS_REPORT} (and ${PUBLISHED_REPORT} with UPDATE_A11Y_REPORT=1)`, async () => {
    const checks = PAGE_TYPES.map((p) => ({ pageType: p.pageType, url: p.url, ...results.get(p.url) }));
    const report = {
      testedAt: todayInJapan(),
      standard: STANDARD,
      tools: describeTools(AXE_VERSION, browser?.version() ?? '?'),
      checks: checks as AccessibilityCheck[],
    };
    await writeReport(TEST_RESULTS_REPORT, report);
    const complete = checks.every(
      (c) => c.axeViolations !== undefined && c.keyboard !== undefined && c.zoom200 && c.width360,
    );
    assert.ok(complete, `some checks did not run: ${JSON.stringify(checks)}`);
    if (process.env.UPDATE_A11Y_REPORT === '1') {
      const failed = checks.filter(
        (c) =>
          c.axeViolations !== 0 || c.keyboard !== '操作できる' || c.zoom200 !== '崩れない' || c.width360 !== '崩れない',
      );
      assert.deepEqual(failed, [], `not publishing ${PUBLISHED_REPORT} while a check fails`);
      await writeReport(PUBLISHED_REPORT, report);
    }
  });
});

/** The project numbers a /projects result lists, in order. */
function listedProjects(page: Page): Promise<number[]> {
  return page
    .locator('main a[href^="/projects/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    .then((hrefs) => hrefs.flatMap((h) => (h && /^\/projects\/\d+$/.test(h) ? [Number(h.slice(10))] : [])));
}

/** What breaks the page at the current viewport: a sideways scroll, a hidden or cut main heading. */
async function reflowProblems(page: Page): Promise<string[]> {
  const state = await measureReflow(page);
  const headingVisible = await page.locator('main h1').first().isVisible();
  const problems: string[] = [];
  if (state.scrollWidth > state.innerWidth + 1) {
    problems.push(
      `page scrolls sideways: scrollWidth ${state.scrollWidth} > ${state.innerWidth}; sticking out: ${state.overflowing.join('; ')}`,
    );
  }
  if (!state.heading || !headingVisible) problems.push('no visible h1');
  else if (state.heading.left < 0 || state.heading.right > state.innerWidth + 1) {
    problems.push(`h1 "${state.heading.text}" spans ${state.heading.left}–${state.heading.right}px`);
  }
  return problems;
}
