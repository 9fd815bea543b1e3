/**
 * `renkei report` as an operator uses it (issue 9): each format is written to --out with exit 0, the operator's
 * view includes an unpublished year (marked as a draft); a missing Chromium is refused with a Japanese message
 * that says what to install; bad options are usage errors (exit 2).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei report', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'renkei-report-cli-'));
    env = { DATA_DIR: path.join(dir, 'data') };
    const imported = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['html', 'xlsx', 'pdf'] as const) {
    test(`--format ${format} writes the file and exits 0`, async () => {
      const out = path.join(dir, `report.${format}`);
      const run = await runRenkei(['report', '--fy', '2022', '--format', format, '--out', out], { env });
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /書き出しました: .*（.*55 事業、未公表）/);
      assert.ok(existsSync(out) && statSync(out).size > 1000);
      if (format === 'html') assert.match(readFileSync(out, 'utf8'), /未公表（案）/);
      if (format === 'pdf') assert.equal(readFileSync(out).subarray(0, 5).toString(), '%PDF-');
    });
  }

  test('without Chromium the PDF is refused, saying what to install', async () => {
    const out = path.join(dir, 'missing.pdf');
    const run = await runRenkei(['report', '--fy', '2022', '--format', 'pdf', '--out', out], {
      env: { ...env, CHROMIUM_PATH: path.join(dir, 'no-chromium') },
    });
    assert.equal(run.code, 3, run.stderr);
    assert.match(run.stderr, /Chromium が見つかりません.*apt-get install chromium fonts-noto-cjk/);
    assert.ok(!existsSync(out));
  });

  test('a missing option or a year outside the plan is refused', async () => {
    const noOut = await runRenkei(['report', '--fy', '2022', '--format', 'html'], { env });
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out FILE が必要です/);
    const outside = await runRenkei(['report', '--fy', '2030', '--format', 'html', '--out', path.join(dir, 'x')], {
      env,
    });
    assert.equal(outside.code, 1);
    assert.match(outside.stderr, /2030年度はこの計画の期間/);
  });
});
