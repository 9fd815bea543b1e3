/**
 * `renkei results workbook` and `renkei results import FILE.xlsx` as an operator uses them (issue 9): the workbook
 * goes out; a filled one, under any name, is recognised by its content; its changes are printed and stored (as
 * approved) only with --yes; the same workbook again changes nothing; a bad cell is named by sheet and cell.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openEntryWorkbook } from '../helpers/fill-entry-workbook.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei results workbook and the import of a filled workbook', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let filled: string;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'renkei-workbook-'));
    env = { DATA_DIR: path.join(dir, 'data') };
    const imported = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('out, filled, previewed, stored with --yes, then a no-op', async () => {
    const out = path.join(dir, 'hiranai.xlsx');
    const made = await runRenkei(['results', 'workbook', '--fy', '2022', '--municipality', '023019', '--out', out], {
      env,
    });
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stderr, /書き出しました: .*平内町、2022年度/);
    const book = await openEntryWorkbook(readFileSync(out));
    book.set('parts', book.idAt('parts', 0), 'amount', '1,200');
    filled = path.join(dir, 'returned-by-mail.dat'); // the name does not matter
    writeFileSync(filled, await book.save());

    const preview = await runRenkei(['results', 'import', filled, '--fy', '2022'], { env });
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /負担分の決算額!J\d+\t事業 \d+\t決算額（千円）\t（空欄） → 1,200/);
    assert.match(preview.stderr, /1 件の変更。保存するには --yes/);

    const stored = await runRenkei(['results', 'import', filled, '--yes'], { env });
    assert.match(stored.stderr, /1 件を承認済みとして保存しました/);
    const again = await runRenkei(['results', 'import', filled, '--yes'], { env });
    assert.match(again.stderr, /変更はありません/);
  });

  test('a bad cell is named by sheet and cell; another year is refused', async () => {
    const book = await openEntryWorkbook(readFileSync(filled));
    book.set('parts', book.idAt('parts', 1), 'amount', '多め');
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, await book.save());
    const run = await runRenkei(['results', 'import', bad, '--fy', '2022'], { env });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /bad\.xlsx: 負担分の決算額!J\d+: 0 以上の整数（千円）、または空欄 が必要です（値: 多め）/);
    const year = await runRenkei(['results', 'import', filled, '--fy', '2023'], { env });
    assert.equal(year.code, 1);
    assert.match(year.stderr, /2023年度のブック が必要です（値: 2022年度のブック）/);
  });
});
