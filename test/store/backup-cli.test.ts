/**
 * `renkei backup` and `renkei restore` as processes, on a PGlite data directory: exit codes, messages, and that a
 * refused restore changes nothing.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import { importDocument } from '../../src/service/import-document.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { countRows } from '../helpers/count-rows.js';
import { openPgliteDataDir } from '../helpers/pglite-data-dir.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei backup / restore', () => {
  let work = '';
  let dataDir = '';
  let counts: Awaited<ReturnType<typeof countRows>>;

  before(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'renkei-backup-cli-'));
    dataDir = path.join(work, 'data');
    const database = await openPgliteDataDir(dataDir);
    try {
      await migrateToLatest(database.db);
      await importDocument(database.db, operatorActor('cli'), {
        fileName: 'aomori.txt',
        bytes: await readFile(repoPath(SEED_DOCUMENT)),
      });
      counts = await countRows(database.db);
    } finally {
      await database.close();
    }
  });
  after(() => rm(work, { recursive: true, force: true }));

  test('backup writes the file and says what it holds', async () => {
    const run = await runRenkei(['backup', '--out', 'all.backup.gz'], { cwd: work, env: { DATA_DIR: dataDir } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /書き出しました: .*all\.backup\.gz（\d+ 表、/);
    const summary = JSON.parse(run.stdout) as { rows: number; migrations: string[] };
    assert.ok(summary.rows > 500);
    assert.ok(existsSync(path.join(work, 'all.backup.gz')));
  });

  test('restore into the same, non-empty installation is refused with exit 1 and changes nothing', async () => {
    const run = await runRenkei(['restore', 'all.backup.gz'], { cwd: work, env: { DATA_DIR: dataDir } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /戻し先は空ではありません.*何も変えていません。すべて置き換えるときは --force/);
    assert.match(run.stderr, /Refused: the target installation is not empty; nothing was changed/);
    const database = await openPgliteDataDir(dataDir);
    try {
      assert.deepEqual(await countRows(database.db), counts);
    } finally {
      await database.close();
    }
  });

  test('a truncated file is refused with exit 1 before any database is opened', async () => {
    const bytes = await readFile(path.join(work, 'all.backup.gz'));
    await writeFile(path.join(work, 'cut.backup.gz'), bytes.subarray(0, bytes.length - 100));
    const fresh = path.join(work, 'never-created');
    const run = await runRenkei(['restore', 'cut.backup.gz', '--force'], { cwd: work, env: { DATA_DIR: fresh } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stderr,
      /バックアップファイル cut\.backup\.gz を読めません: gzip として壊れているか、途中で切れています/,
    );
    assert.match(run.stderr, /何も変えていません/);
    assert.equal(existsSync(fresh), false);
  });

  test('usage errors: no --out, no file', async () => {
    const noOut = await runRenkei(['backup'], { cwd: work, env: { DATA_DIR: dataDir } });
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out FILE/);
    const noFile = await runRenkei(['restore'], { cwd: work, env: { DATA_DIR: dataDir } });
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /戻すバックアップファイルを指定してください/);
  });
});
