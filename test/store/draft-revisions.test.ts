/**
 * Draft revisions (issue 8) on every database: stable ids across drafted and imported revisions, the diff on the
 * seed, the removal guard, imports that leave the area alone, immutable published revisions, rollback, stale edits.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { diffRevisions } from '../../src/domain/revision-diff.js';
import { createDraft, editDraft, publishDraft } from '../../src/service/draft-revisions.js';
import { importDocument } from '../../src/service/import-document.js';
import { RemovalsRefusedError } from '../../src/service/removal-guard.js';
import { rollbackToRevision } from '../../src/service/rollback-revision.js';
import { VersionConflictError } from '../../src/service/run-write.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { findRevisionBySeq } from '../../src/store/draft-store.js';
import { readKeyedProjects } from '../../src/store/read-revision.js';
import {
  seedText,
  truncatedAfterHalfTheSheets,
  withoutProject,
  withProject1Reestimated,
} from '../helpers/seed-variants.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const AREA = '青森圏域';
const cli = operatorActor('cli');
const bytes = (text: string) => Buffer.from(text, 'utf8');

for (const engine of testEngines) {
  describe(`draft revisions on ${engine.name}`, () => {
    let database: OpenDatabase;
    before(async () => {
      database = await openMigrated(engine);
    });
    after(async () => {
      await database.close();
    });
    const db = () => database.db;
    const area = () => db().selectFrom('area').selectAll().where('slug', '=', AREA).executeTakeFirstOrThrow();
    const revision = async (seq: number) => {
      const found = await findRevisionBySeq(db(), (await area()).id, seq);
      assert.ok(found, `revision ${seq}`);
      return found;
    };
    const projectsOf = async (seq: number) => readKeyedProjects(db(), (await revision(seq)).id);
    const keyOfNumber = async (seq: number, number: number) =>
      (await projectsOf(seq)).find((p) => p.project.number === number)?.key as number;
    const total2020 = async () => {
      const current = (await area()).current_revision_id as number;
      const row = await db()
        .selectFrom('budget_cell')
        .innerJoin('project_version', 'project_version.id', 'budget_cell.project_version_id')
        .select((eb) => eb.fn.sum<number>('budget_cell.amount').as('sum'))
        .where('project_version.revision_id', '=', current)
        .where('budget_cell.fiscal_year', '=', 2020)
        .executeTakeFirstOrThrow();
      return Number(row.sum);
    };

    test('import the seed, then draft: renumber, merge with a reason, re-estimate; publish; re-import: ids hold', async () => {
      await importDocument(db(), cli, { fileName: 'seed.txt', bytes: bytes(seedText()) });
      const seed = await projectsOf(1);
      const { seq } = await createDraft(db(), cli, AREA);
      assert.equal(seq, 2);
      let version = (await revision(2)).version;
      const edit = async (e: Parameters<typeof editDraft>[2]['edit']) => {
        version = (await editDraft(db(), cli, { areaSlug: AREA, seq: 2, expectedVersion: version, edit: e })).version;
      };
      const key55 = await keyOfNumber(1, 55);
      const key3 = await keyOfNumber(1, 3);
      const key4 = await keyOfNumber(1, 4);
      const key1 = await keyOfNumber(1, 1);
      await edit({ kind: 'renumber', key: key55, number: 56 });
      await edit({ kind: 'merge', key: key3, intoKey: key4, reason: '支援拠点に一本化したため' });
      await edit({ kind: 'budget', key: key1, cells: [{ fiscalYear: 2023, cell: { amount: 450, mark: null } }] });
      await publishDraft(db(), cli, { areaSlug: AREA, seq: 2, expectedVersion: version, allowRemovals: false });

      const drafted = await projectsOf(2);
      assert.equal(drafted.find((p) => p.key === key55)?.project.number, 56);
      const merged = drafted.find((p) => p.key === key3);
      assert.deepEqual(merged?.merge, { intoKey: key4, reason: '支援拠点に一本化したため' });
      assert.deepEqual(
        merged?.project.kpis.map((k) => k.target.text),
        ['NO.4に統合'],
        "the merged project's KPIs follow it into NO.4",
      );
      assert.equal(drafted.find((p) => p.key === key1)?.project.budget.total.amount, 2068);

      const diff = diffRevisions(seed, drafted);
      assert.deepEqual(
        diff.renumbered.map((r) => [r.key, r.from, r.number]),
        [[key55, 55, 56]],
      );
      assert.deepEqual(
        diff.merged.map((m) => [m.key, m.into.key, m.reason]),
        [[key3, key4, '支援拠点に一本化したため']],
      );
      const budget = diff.changed.find((c) => c.key === key1)?.budget;
      assert.deepEqual(
        budget?.map((b) => [b.fiscalYear, b.old?.amount, b.new?.amount, b.difference]),
        [
          [2023, 401, 450, 49],
          [null, 2019, 2068, 49],
        ],
      );

      // a revised document, numbered as before: every project and KPI keeps its id
      await importDocument(db(), cli, { fileName: 'revised.txt', bytes: bytes(withProject1Reestimated(seedText())) });
      const reimported = await projectsOf(3);
      assert.equal(reimported.length, seed.length);
      for (const before of seed) {
        const after = reimported.find((p) => p.project.number === before.project.number);
        assert.equal(after?.key, before.key, `project ${before.project.number} keeps its id`);
        assert.deepEqual(after?.kpiKeys, before.kpiKeys, `the KPIs of project ${before.project.number} keep theirs`);
      }
    });

    test('the diff on the seed: one budget cell changed and one project removed, exactly', async () => {
      const revised = withoutProject(withProject1Reestimated(seedText()), 54);
      const before = (await area()).current_revision_id;
      await assert.rejects(
        importDocument(db(), cli, { fileName: 'without-54.txt', bytes: bytes(revised) }),
        (error: unknown) =>
          error instanceof RemovalsRefusedError && /事業54「職員研修」がなくなります/.test(error.userMessage ?? ''),
      );
      assert.equal((await area()).current_revision_id, before, 'nothing stored');
      const stored = await importDocument(db(), cli, {
        fileName: 'without-54.txt',
        bytes: bytes(revised),
        allowRemovals: true,
      });
      // compared with revision 3 (the seed with project 1 re-estimated), only project 54 is gone; compared with
      // revision 1 (the seed), project 1's cell changed too
      const seed = await projectsOf(1);
      const diff = diffRevisions(seed, await projectsOf(stored.seq));
      assert.deepEqual(
        diff.removed.map((p) => p.number),
        [54],
      );
      assert.deepEqual(diff.added, []);
      assert.deepEqual(diff.renumbered, []);
      assert.deepEqual(diff.merged, []);
      assert.deepEqual(
        diff.changed.map((c) => [c.number, c.fields, c.budget.map((b) => [b.fiscalYear, b.difference]), c.kpis]),
        [
          [
            1,
            [],
            [
              [2023, 49],
              [null, 49],
            ],
            { added: [], removed: [], changed: [] },
          ],
        ],
      );
    });

    test('a truncated document is refused; the public figures stay; --allow-removals accepts it', async () => {
      await rollbackToRevision(db(), cli, { areaSlug: AREA, seq: 1 });
      const figures = await total2020();
      const truncated = bytes(truncatedAfterHalfTheSheets(seedText()));
      await assert.rejects(importDocument(db(), cli, { fileName: 'cut.txt', bytes: truncated }), (error: unknown) => {
        assert.ok(error instanceof RemovalsRefusedError);
        assert.ok(error.disappearances.budgetCells.length > 0 || error.disappearances.projects.length > 0);
        return true;
      });
      assert.equal(await total2020(), figures);
      const accepted = await importDocument(db(), cli, { fileName: 'cut.txt', bytes: truncated, allowRemovals: true });
      assert.equal(accepted.revisionStatus, 'published');
      assert.ok((await total2020()) < figures);
    });

    test('an import never renames the area: a one-line file gets a finding, the name and kind stay', async () => {
      const { name, kind } = await area();
      const result = await importDocument(db(), cli, {
        fileName: 'one-line.txt',
        bytes: bytes('事業名\t1\tテスト\n'),
        areaSlug: AREA,
        allowRemovals: true,
      });
      const after = await area();
      assert.deepEqual([after.name, after.kind], [name, kind]);
      assert.ok(result.findings.some((f) => f.code === 'area_name_mismatch'));
    });

    test('published revisions are immutable: the database refuses, and so does the editor', async () => {
      const published = await revision(1);
      await assert.rejects(sql`update vision_revision set label = 'x' where id = ${published.id}`.execute(db()));
      await assert.rejects(sql`delete from vision_revision where id = ${published.id}`.execute(db()));
      await assert.rejects(
        sql`update project_version set name = 'x' where revision_id = ${published.id}`.execute(db()),
      );
      await assert.rejects(
        sql`update budget_cell set amount = 1 where project_version_id in
          (select id from project_version where revision_id = ${published.id})`.execute(db()),
      );
      await assert.rejects(
        sql`delete from kpi where project_version_id in
          (select id from project_version where revision_id = ${published.id})`.execute(db()),
      );
      await assert.rejects(
        editDraft(db(), cli, { areaSlug: AREA, seq: 2, expectedVersion: 1, edit: { kind: 'remove', key: 1 } }),
        /published/,
      );
    });

    test('rollback makes an earlier revision current, audited; a stale draft edit is a conflict', async () => {
      const result = await rollbackToRevision(db(), cli, { areaSlug: AREA, seq: 2 });
      assert.equal(result.status, 'changed');
      assert.equal((await area()).current_revision_id, (await revision(2)).id);
      const audit = await db()
        .selectFrom('audit_entry')
        .select(['action'])
        .where('action', 'in', ['vision.rollback', 'draft.create', 'draft.edit', 'draft.publish'])
        .execute();
      const actions = new Set(audit.map((a) => a.action));
      assert.deepEqual([...actions].sort(), ['draft.create', 'draft.edit', 'draft.publish', 'vision.rollback']);
      assert.equal((await rollbackToRevision(db(), cli, { areaSlug: AREA, seq: 2 })).status, 'unchanged');

      const { seq } = await createDraft(db(), cli, AREA);
      const key = (await projectsOf(seq))[0]?.key as number;
      const rename = (expectedVersion: number) =>
        editDraft(db(), cli, {
          areaSlug: AREA,
          seq,
          expectedVersion,
          edit: { kind: 'renumber', key, number: 100 + expectedVersion },
        });
      await rename(1);
      await assert.rejects(rename(1), VersionConflictError);
    });
  });
}
