/**
 * `renkei backup` / `renkei restore` at the service level, on real databases: a PGlite data directory on disk and
 * a scratch PostgreSQL database. A backup restored into an empty installation and backed up again gives the same
 * content (every engine to every engine); a non-empty installation is refused without --force and replaced with
 * it, all or nothing; a damaged file changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { backupInstallation } from '../../src/service/backup-installation.js';
import { importDocument } from '../../src/service/import-document.js';
import { readBackupFile, restoreInstallation } from '../../src/service/restore-installation.js';
import type { BackupContent } from '../../src/store/backup-format.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { createAppendOnlyTable, fillAppendOnlyTable } from '../helpers/append-only-table.js';
import { countRows } from '../helpers/count-rows.js';
import { openPgliteDataDir } from '../helpers/pglite-data-dir.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { type TestEngine, testEngines } from '../helpers/test-databases.js';

const work = await mkdtemp(path.join(tmpdir(), 'renkei-backup-'));
after(() => rm(work, { recursive: true, force: true }));

let dirs = 0;
/** Where restores go: a PGlite data directory on disk, or a scratch PostgreSQL database. */
const targets = testEngines.map((engine) => ({
  name: engine.name,
  open: (): Promise<OpenDatabase> =>
    engine.name === 'pglite' ? openPgliteDataDir(path.join(work, `data-${++dirs}`)) : engine.open(),
}));

async function readBack(file: string): Promise<BackupContent> {
  return readBackupFile({ fileName: file, bytes: await readFile(file) });
}

/** What must survive a round trip: everything but when and where the backup was made. */
function substance(content: BackupContent) {
  const { createdAt: _c, engine: _e, serverVersion: _s, ...header } = content.header;
  return { header, tables: content.tables, sequences: content.sequences };
}

async function seed(database: OpenDatabase, withLedger: boolean): Promise<void> {
  await migrateToLatest(database.db);
  const bytes = await readFile(repoPath(SEED_DOCUMENT));
  await importDocument(database.db, operatorActor('cli'), { fileName: 'aomori.txt', bytes });
  if (withLedger) {
    await createAppendOnlyTable(database.db);
    await fillAppendOnlyTable(database.db, 1);
  }
}

async function withDatabase<T>(open: () => Promise<OpenDatabase>, work: (d: OpenDatabase) => Promise<T>): Promise<T> {
  const database = await open();
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** A backup of the seed document alone (no ledger), made once on PGlite for the tests below. */
let plainBackup: Promise<string> | undefined;
function makePlainBackup(): Promise<string> {
  plainBackup ??= (async () => {
    const file = path.join(work, 'plain.backup.gz');
    await withDatabase(testEngines[0]?.open as TestEngine['open'], async (database) => {
      await seed(database, false);
      await backupInstallation(database, file);
    });
    return file;
  })();
  return plainBackup;
}

for (const source of testEngines) {
  describe(`backup on ${source.name}`, () => {
    let file = '';
    let original: BackupContent;

    before(async () => {
      file = path.join(work, `from-${source.name}.backup.gz`);
      await withDatabase(source.open, async (database) => {
        await seed(database, true);
        await backupInstallation(database, file);
      });
      original = await readBack(file);
    });

    test('holds every table found in the catalog, the migration tables, and exact values', () => {
      const names = original.tables.map((t) => t.name);
      for (const name of ['area', 'vision_revision', 'kysely_migration', 'kysely_migration_lock', 'ops_ledger']) {
        assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
      }
      assert.deepEqual(original.header.migrations, [
        '0001-initial-schema',
        '0002-search-keys',
        '0003-write-side',
        '0004-draft-revisions',
      ]);
      const ledger = original.tables.find((t) => t.name === 'ops_ledger');
      const column = (name: string) => ledger?.columns.findIndex((c) => c.name === name) ?? -1;
      const first = ledger?.rows[0] ?? [];
      assert.equal(first[column('big')], '9007199254740993');
      assert.equal(first[column('amount')], '12345678901234567890.12345678');
      assert.equal(first[column('at')], '2022-03-01 00:00:00.123456+00');
      assert.match(first[column('note')] ?? '', /^外ヶ浜町\t「引用」 "quote" \\ back\nnew line ～①㈱ 🍎$/);
      assert.equal(ledger?.rows[1]?.[column('day')], '0001-01-01 BC');
      // generated columns are computed again by the database, not copied
      const versions = original.tables.find((t) => t.name === 'project_version');
      assert.ok(versions && !versions.columns.some((c) => c.name === 'search_key'));
      const sequence = original.sequences.find((s) => s.name === 'ops_ledger_id_seq');
      assert.deepEqual(sequence && { lastValue: sequence.lastValue, isCalled: sequence.isCalled }, {
        lastValue: '4',
        isCalled: true,
      });
    });

    for (const target of targets) {
      test(`restored into an empty ${target.name} installation, backs up to the same content`, async () => {
        const again = path.join(work, `${source.name}-to-${target.name}-${dirs}.backup.gz`);
        await withDatabase(target.open, async (database) => {
          // the ledger is not made by a migration: an installation that has it is prepared like the source's
          await migrateToLatest(database.db);
          await createAppendOnlyTable(database.db);
          const summary = await restoreInstallation(database, original, { force: false });
          assert.equal(
            summary.rows,
            original.tables.reduce((n, t) => n + t.rows.length, 0),
          );
          await backupInstallation(database, again);

          // identities continue after the restored rows, and the guard is on again
          const { rows } = await sql<{ id: string }>`
            insert into ops_ledger (note) values ('after') returning id::text as id`.execute(database.db);
          assert.equal(rows[0]?.id, '5');
          await assert.rejects(sql`delete from ops_ledger`.execute(database.db), /append-only/);
          const search = await sql<{ n: number }>`
            select count(*)::int as n from project_version where search_key like '%青森%'`.execute(database.db);
          assert.ok((search.rows[0]?.n ?? 0) > 0, 'generated search keys were computed again');
        });
        assert.deepEqual(substance(await readBack(again)), substance(original));
      });
    }
  });
}

for (const target of targets) {
  describe(`restore into ${target.name}`, () => {
    let plain: BackupContent;

    before(async () => {
      plain = await readBack(await makePlainBackup());
    });

    test('an unmigrated installation is migrated to the backup’s point, then loaded', async () => {
      await withDatabase(target.open, async (database) => {
        const summary = await restoreInstallation(database, plain, { force: false });
        assert.deepEqual(summary.upgraded, []);
        const counts = await countRows(database.db);
        assert.equal(counts.project_version, 55);
      });
    });

    test('a non-empty installation is refused without --force and left as it was; --force replaces it', async () => {
      await withDatabase(target.open, async (database) => {
        await migrateToLatest(database.db);
        await createAppendOnlyTable(database.db);
        await fillAppendOnlyTable(database.db, null);
        const other = await readFile(repoPath('test/fixtures/import/other-area-seven-partners.txt'));
        await importDocument(database.db, operatorActor('cli'), { fileName: 'other.txt', bytes: other });
        const before = await countRows(database.db);

        await assert.rejects(
          restoreInstallation(database, plain, { force: false }),
          (error: { code?: string; userMessage?: string }) => {
            assert.equal(error.code, 'CONFLICT');
            assert.match(error.userMessage ?? '', /空ではありません.*--force/s);
            assert.match(error.userMessage ?? '', /not empty/);
            return true;
          },
        );
        assert.deepEqual(await countRows(database.db), before);

        // the ledger is not in this backup: the schemas differ, so even --force refuses and changes nothing
        await assert.rejects(restoreInstallation(database, plain, { force: true }), /ops_ledger/);
        assert.deepEqual(await countRows(database.db), before);

        await sql`drop table ops_ledger`.execute(database.db);
        await restoreInstallation(database, plain, { force: true });
        const after = await countRows(database.db);
        assert.equal(after.area, 1);
        assert.equal(after.project_version, 55);
      });
    });

    test('--force is all or nothing: a row the database refuses leaves every table as it was', async () => {
      await withDatabase(target.open, async (database) => {
        await migrateToLatest(database.db);
        const other = await readFile(repoPath('test/fixtures/import/other-area-seven-partners.txt'));
        await importDocument(database.db, operatorActor('cli'), { fileName: 'other.txt', bytes: other });
        const before = await countRows(database.db);
        const slugs = async () => (await sql<{ slug: string }>`select slug from area`.execute(database.db)).rows;
        const slugsBefore = await slugs();
        // the last table loaded (parents first) gets a value its check constraint refuses
        const broken = structuredClone(plain);
        const kpi = broken.tables.find((t) => t.name === 'kpi');
        const kind = kpi?.columns.findIndex((c) => c.name === 'target_kind') ?? -1;
        const lastRow = kpi?.rows.at(-1);
        assert.ok(lastRow && kind >= 0);
        lastRow[kind] = 'bogus';
        await assert.rejects(
          restoreInstallation(database, broken, { force: true }),
          (error: { userMessage?: string }) => {
            assert.match(error.userMessage ?? '', /"public"\."kpi" の行/);
            return true;
          },
        );
        assert.deepEqual(await countRows(database.db), before);
        assert.deepEqual(await slugs(), slugsBefore);
      });
    });
  });
}

describe('a damaged backup file is refused before anything is stored', () => {
  test('truncated, altered, foreign and empty files each say what is wrong', async () => {
    const bytes = await readFile(await makePlainBackup());
    const text = (await import('node:zlib')).gunzipSync(bytes).toString('utf8');
    const lines = text.split('\n');
    const cases: Array<[string, Uint8Array, RegExp]> = [
      [
        'truncated gzip',
        bytes.subarray(0, Math.floor(bytes.length / 2)),
        /gzip として壊れているか、途中で切れています/,
      ],
      ['cut at a line', gzipSync(lines.slice(0, 40).join('\n')), /41 行目がありません.*途中で切れています/],
      ['row removed', gzipSync([...lines.slice(0, 5), ...lines.slice(6)].join('\n')), /行目が.*ではありません/],
      ['not JSON', gzipSync(`${lines[0]}\n{oops\n`), /2 行目が JSON ではありません/],
      ['another file', gzipSync('{"hello":1}\n'), /Renkei のバックアップファイルではありません/],
      ['plain text', Buffer.from('not gzip at all'), /gzip/],
    ];
    for (const [what, damaged, message] of cases) {
      const name = `${what}.gz`;
      await writeFile(path.join(work, name), damaged);
      assert.throws(
        () => readBackupFile({ fileName: name, bytes: damaged }),
        (error: { code?: string; userMessage?: string }) => {
          assert.equal(error.code, 'INVALID_INPUT', what);
          assert.match(error.userMessage ?? '', message, what);
          assert.match(error.userMessage ?? '', new RegExp(`^バックアップファイル ${name} を読めません`), what);
          return true;
        },
      );
    }
  });
});
