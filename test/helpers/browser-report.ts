import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoPath } from './read-fixture.js';

/** One page type as the accessibility statement (/accessibility) publishes it. */
export type AccessibilityCheck = {
  pageType: string;
  url: string;
  axeViolations: number;
  axePasses: number;
  keyboard: '操作できる' | '操作できない' | '—';
  zoom200: '崩れない' | '崩れる';
  width360: '崩れない' | '崩れる';
};

export type AccessibilityReport = {
  testedAt: string;
  standard: string;
  tools: string;
  checks: AccessibilityCheck[];
};

export const STANDARD = 'JIS X 8341-3:2016 適合レベルAA（WCAG 2.1 AA）';

export function describeTools(axeVersion: string, chromiumVersion: string): string {
  return `axe-core ${axeVersion}（Chromium ${chromiumVersion}）、キーボード操作、200%拡大と幅360pxの表示を自動試験`;
}

/** Today in Japan, as YYYY-MM-DD (the sv-SE locale writes dates that way). */
export function todayInJapan(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
}

export const TEST_RESULTS_REPORT = 'test-results/accessibility-report.json';
export const PUBLISHED_REPORT = 'docs/accessibility-report.json';

export async function writeReport(relative: string, report: AccessibilityReport): Promise<void> {
  const file = repoPath(relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}
