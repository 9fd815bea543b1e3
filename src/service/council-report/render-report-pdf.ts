import { existsSync } from 'node:fs';
import { AppError } from '../../domain/errors.js';

/** Debian's Chromium (`apt-get install chromium fonts-noto-cjk`); CHROMIUM_PATH points elsewhere. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

// headless on a server, often as root in a container, with no network calls of its own
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Prints the report's HTML to PDF with headless Chromium: A4 from the page's CSS, backgrounds, the running
 * header and page numbers from its page-margin boxes, a tagged PDF whose outline (bookmarks) follows the
 * headings (`outline: true`, playwright-core 1.65 with Chromium 156). UNAVAILABLE, saying what to install, when
 * Chromium is missing.
 */
export async function renderReportPdf(html: string): Promise<Uint8Array<ArrayBuffer>> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new AppError('UNAVAILABLE', `Chromium not found at ${executablePath}`, {
      userMessage:
        `PDF を作るための Chromium が見つかりません（${executablePath}）。` +
        '`apt-get install chromium fonts-noto-cjk` で入れるか、環境変数 CHROMIUM_PATH で場所を指定してください。' +
        'HTML 版と Excel 版はそのまま使えます。',
    });
  }
  // loaded when a report is printed: playwright-core costs ~0.4 s of every start otherwise
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // the document is complete in itself: nothing to fetch
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
