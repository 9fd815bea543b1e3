import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { operatorActor } from '../../src/domain/access-policy.js';
import type { Vision } from '../../src/domain/vision.js';
import { importDocument } from '../../src/service/import-document.js';
import { ImportRejectedError } from '../../src/service/import-rejected-error.js';
import type { DocumentParser } from '../../src/service/parse-document-bytes.js';
import { getCurrentVision, getProject, listProjects } from '../../src/service/read-vision.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { buildProject } from '../helpers/build-project.js';
import { buildFinding, buildVision } from '../helpers/build-vision.js';
import { countRows } from '../helpers/count-rows.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

/** Stands in for the importer: every document "reads" as the given vision. */
const parseAs =
  (vision: Vision): DocumentParser =>
  () => ({ vision, findings: vision.findings });

const bytesOf = (text: string) => new TextEncoder().encode(text);

for (const engine of testEngines) {
  describe(`importDocument on ${engine.name}`, () => {
    let database: OpenDatabase;
    before(async () => {
      database = await openMigrated(engine);
    });
    after(async () => {
      await database.close();
    });

    test('a document with an error finding is refused and nothing is stored', async () => {
      const vision = buildVision({ findings: [buildFinding({ severity: 'error', code: 'unreadable_document' })] });
      const rowsBefore = await countRows(database.db);
      const error = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'broken.txt', bytes: bytesOf('broken') },
        { parse: parseAs(vision) },
      ).catch((e: unknown) => e);
      assert.ok(error instanceof ImportRejectedError);
      assert.equal(error.code, 'IMPORT_REJECTED');
      assert.equal(error.findings[0]?.code, 'unreadable_document');
      assert.deepEqual(await countRows(database.db), rowsBefore);
    });

    test('bytes no Japanese encoding reads are refused with the line of the first bad byte, before any parsing', async () => {
      // 0x81 0x7F is no Shift_JIS pair and 0x81 no EUC-JP byte (Shift_JIS and EUC-JP text is decoded)
      const sjis = Uint8Array.from([...bytesOf('1行目\n'), 0x81, 0x7f, 0xff, 0x0a]);
      let parsed = false;
      const error = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'sjis.txt', bytes: sjis },
        {
          parse: () => {
            parsed = true;
            throw new Error('must not parse');
          },
        },
      ).catch((e: unknown) => e);
      assert.ok(error instanceof ImportRejectedError);
      assert.equal(error.findings[0]?.line, 2);
      assert.match(error.userMessage ?? '', /sjis\.txt/);
      assert.equal(parsed, false);
    });

    test('a failure in the middle of an import leaves nothing behind (not even the area)', async () => {
      const vision = buildVision();
      (vision.projects[1] as { budget: { total: unknown } }).budget.total = { amount: 5, mark: 'dash' }; // CHECK
      const rowsBefore = await countRows(database.db);
      await assert.rejects(
        importDocument(
          database.db,
          operatorActor('system'),
          { fileName: 'bad.txt', bytes: bytesOf('bad') },
          { parse: parseAs(vision) },
        ),
        /budget_cell/,
      );
      assert.deepEqual(await countRows(database.db), rowsBefore);
    });

    test('import, the same bytes again (unchanged, no rows), then a changed document (revision 2)', async () => {
      const first = buildVision({ projects: [buildProject(1), buildProject(2), buildProject(3)] });
      const progress: string[] = [];
      const created = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'vision-r1.txt', bytes: bytesOf('r1') },
        { parse: parseAs(first), onProgress: (p) => progress.push(p.step) },
      );
      assert.deepEqual(
        { status: created.status, seq: created.seq, projectCount: created.projectCount },
        { status: 'created', seq: 1, projectCount: 3 },
      );
      assert.deepEqual(progress, ['parsed', 'saving']);
      assert.deepEqual(await getCurrentVision(database.db), first);
      assert.deepEqual(await listProjects(database.db), first.projects);
      assert.deepEqual(await getProject(database.db, 2), first.projects[1]);
      await assert.rejects(getProject(database.db, 99), { code: 'NOT_FOUND' });

      const rowsBefore = await countRows(database.db);
      const again = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'renamed-copy.txt', bytes: bytesOf('r1') },
        { parse: parseAs(first) },
      );
      assert.equal(again.status, 'unchanged');
      assert.equal(again.revisionId, created.revisionId);
      assert.equal(again.projectCount, 3);
      assert.deepEqual(await countRows(database.db), rowsBefore);

      const second = buildVision({
        projects: [buildProject(1), buildProject(2, { name: '名前を変えた事業' }), buildProject(4), buildProject(3)],
      });
      const revised = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'vision-r2.txt', bytes: bytesOf('r2') },
        { parse: parseAs(second) },
      );
      assert.equal(revised.status, 'created');
      assert.equal(revised.seq, 2);
      assert.deepEqual(await getCurrentVision(database.db), second);

      const keys = await database.db
        .selectFrom('project_version')
        .innerJoin('vision_revision', 'vision_revision.id', 'project_version.revision_id')
        .select(['vision_revision.seq', 'project_version.number', 'project_version.project_key_id'])
        .execute();
      const keyOf = (seq: number, number: number) =>
        keys.find((k) => k.seq === seq && k.number === number)?.project_key_id;
      for (const number of [1, 2, 3]) assert.equal(keyOf(2, number), keyOf(1, number), `project ${number}`);
      assert.ok(![1, 2, 3].map((n) => keyOf(1, n)).includes(keyOf(2, 4)), 'project 4 is new');
      assert.equal((await countRows(database.db)).area, 1);
    });

    test('an explicit area slug keeps documents apart; unknown slugs are NOT_FOUND', async () => {
      const other = buildVision({ area: { ...buildVision().area, name: 'Other Area' } });
      const result = await importDocument(
        database.db,
        operatorActor('system'),
        { fileName: 'other.txt', bytes: bytesOf('r1'), areaSlug: 'Other Area' },
        { parse: parseAs(other) },
      );
      assert.equal(result.status, 'created', 'same bytes, other area: a document of its own');
      assert.equal(result.seq, 1);
      assert.deepEqual(await getCurrentVision(database.db, 'other-area'), other);
      await assert.rejects(getCurrentVision(database.db, 'nowhere'), { code: 'NOT_FOUND' });
    });
  });
}
