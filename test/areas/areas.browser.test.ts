import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importAreaDocument } from '../../src/service/area-import.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { browserSkipReason, launchChromium, newTestContext } from '../helpers/browser.js';
import { formatViolations, measureReflow, runAxe } from '../helpers/browser-checks.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { openMigrated, pgliteEngine } from '../helpers/test-databases.js';

// The pages this issue adds, on two areas; the existing page types are checked by test/browser.
const URLS = [
  '/areas',
  '/areas/compare',
  `/areas/search?q=${encodeURIComponent('創業')}`,
  '/signin',
  '/areas/hachinohe/',
  '/areas/hachinohe/projects',
  '/',
];

describe('pages of several areas in Chromium: axe (WCAG 2.1 AA) and reflow at 360 px', {
  skip: browserSkipReason,
}, () => {
  let database: OpenDatabase;
  let server: ReturnType<typeof serve> | undefined;
  let origin = '';
  let browser: Browser | undefined;
  let page: Page;

  before(async () => {
    database = await openMigrated(pgliteEngine);
    await importAreaDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
    await importAreaDocument(database.db, operatorActor('system'), {
      fileName: 'hachinohe.txt',
      bytes: readFileSync(repoPath('test/fixtures/import/other-area-seven-partners.txt')),
      areaSlug: 'hachinohe',
    });
    const app = createApp({ db: database.db });
    origin = await new Promise<string>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(`http://127.0.0.1:${info.port}`),
      );
    });
    browser = await launchChromium();
    page = await (await newTestContext(browser, { width: 1280, height: 800 })).newPage();
  });

  after(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await database?.close();
  });

  test('axe finds no violation', async (t) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    for (const url of URLS) {
      await t.test(url, async () => {
        const response = await page.goto(`${origin}${url}`);
        assert.equal(response?.status(), 200);
        const outcome = await runAxe(page);
        assert.equal(outcome.violations.length, 0, formatViolations(url, outcome.violations));
      });
    }
  });

  test('no horizontal scroll at 360 px: wide tables scroll in their own box', async (t) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const url of URLS) {
      await t.test(url, async () => {
        await page.goto(`${origin}${url}`);
        const reflow = await measureReflow(page);
        assert.ok(
          reflow.scrollWidth <= reflow.innerWidth,
          `${url}: page is ${reflow.scrollWidth}px wide; sticking out: ${reflow.overflowing.join(', ')}`,
        );
      });
    }
  });
});
