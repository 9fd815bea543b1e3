import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from './read-fixture.js';
import { openMigrated, pgliteEngine } from './test-databases.js';

/** Debian's Chromium (`apt-get install chromium`); .ci/run installs it. CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests are skipped, or false. They are skipped only on request (RENKEI_SKIP_BROWSER=1):
 * a machine without Chromium fails them, so a CI that forgot to install it does not pass quietly.
 */
export const browserSkipReason: string | false =
  process.env.RENKEI_SKIP_BROWSER === '1' ? 'RENKEI_SKIP_BROWSER=1: browser tests skipped' : false;

// Headless as root, on a machine whose network is closed: no sandbox, no calls home.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws, saying what to do, when there is no Chromium to drive. */
export function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. ` +
        'Install it with `apt-get install -y chromium fonts-noto-cjk` (.ci/run does), ' +
        'point CHROMIUM_PATH at another build, or set RENKEI_SKIP_BROWSER=1 to skip these tests.',
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * A browser context for the checks. tsx compiles with keepNames, which wraps named functions in `__name(…)`;
 * functions handed to `page.evaluate` run in the page, where that helper must exist too.
 */
export async function newTestContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript('globalThis.__name = (target) => target;');
  return context;
}

export type PortalServer = { origin: string; db: OpenDatabase['db']; close(): Promise<void> };

/**
 * The whole app on a fresh PGlite database holding the seed document, served on a free loopback port whose
 * address is the app's public URL (as PUBLIC_URL would say), so forms posted by the browser pass the origin check.
 */
export async function startPortalServer(): Promise<PortalServer> {
  const database = await openMigrated(pgliteEngine);
  try {
    await importDocument(database.db, operatorActor('system'), {
      fileName: 'aomori.txt',
      bytes: readFileSync(repoPath(SEED_DOCUMENT)),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  let app: ReturnType<typeof createApp> | undefined;
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve) => {
    const server = serve(
      {
        fetch: (request, env) => (app as ReturnType<typeof createApp>).fetch(request, env),
        port: 0,
        hostname: '127.0.0.1',
      },
      (info: AddressInfo) => resolve({ server, port: info.port }),
    );
  });
  const origin = `http://127.0.0.1:${port}`;
  app = createApp({ db: database.db, publicUrl: origin });
  return {
    origin,
    db: database.db,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await database.close();
    },
  };
}
