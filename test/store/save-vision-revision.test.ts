import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { Vision } from '../../src/domain/vision.js';
import { lockOrCreateArea } from '../../src/store/area-store.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import type { Database } from '../../src/store/database.js';
import { findCurrentRevision, readVision } from '../../src/store/read-revision.js';
import { saveVisionRevision } from '../../src/store/save-vision-revision.js';
import { insertSourceDocument } from '../../src/store/source-document-store.js';
import { buildKpi } from '../helpers/build-kpi.js';
import { buildProject } from '../helpers/build-project.js';
import { buildVision } from '../helpers/build-vision.js';
import { countRows } from '../helpers/count-rows.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

/** What importDocument does around saveVisionRevision, without the importer. */
async function saveAsNewDocument(db: Kysely<Database>, vision: Vision, tag: string) {
  return db.transaction().execute(async (trx) => {
    const area = await lockOrCreateArea(trx, { slug: 'test-area', name: vision.area.name, kind: vision.area.kind });
    const sourceDocumentId = await insertSourceDocument(trx, {
      areaId: area.id,
      fileName: `${tag}.txt`,
      sha256: createHash('sha256').update(tag).digest('hex'),
      byteSize: 1,
      content: tag,
    });
    return saveVisionRevision(trx, {
      areaId: area.id,
      sourceDocumentId,
      vision,
      origin: 'import',
      status: 'published',
      createdBy: 'test',
    });
  });
}

async function projectKeysByNumber(db: Kysely<Database>, revisionId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('project_version')
    .select(['number', 'project_key_id'])
    .where('revision_id', '=', revisionId)
    .execute();
  return new Map(rows.map((r) => [r.number, r.project_key_id]));
}

for (const engine of testEngines) {
  describe(`saveVisionRevision on ${engine.name}`, () => {
    let database: OpenDatabase;
    before(async () => {
      database = await openMigrated(engine);
    });
    after(async () => {
      await database.close();
    });

    test('a failure in the middle of a revision leaves no row behind', async () => {
      const bad = buildVision();
      // A mark the schema's CHECK refuses: fails after area, document, revision and projects were written.
      (bad.projects[2] as { budget: { years: Array<{ mark: unknown; amount: unknown }> } }).budget.years[0] = {
        amount: null,
        mark: 'smudge',
      };
      await assert.rejects(saveAsNewDocument(database.db, bad, 'bad'), /budget_cell/);
      const counts = await countRows(database.db);
      assert.deepEqual(
        Object.values(counts),
        Object.values(counts).map(() => 0),
        JSON.stringify(counts),
      );
    });

    test('the rows give back the Vision JSON that was saved, key order included', async () => {
      const vision = buildVision({
        projects: [
          buildProject(1),
          buildProject(2, {
            isNew: true,
            subField: 1,
            nameInMatrix: null,
            relatedMunicipalities: null,
            effect: null,
            participants: [],
            notes: ['※ 注記'],
            kpis: [
              buildKpi({
                indicator: '満足度',
                note: '※アンケートによる',
                baseline: { text: '－', value: null, unit: null, asOf: null },
              }),
              buildKpi({
                indicator: '件数',
                target: {
                  text: 'NO.4に統合',
                  kind: 'merged_into',
                  value: null,
                  unit: null,
                  per: null,
                  mergedInto: 4,
                  fiscalYear: null,
                },
              }),
              buildKpi({
                indicator: '割合',
                baseline: { text: '12.5%', value: 12.5, unit: '%', asOf: '2018年実績' },
                target: {
                  text: '毎年度10件以上',
                  kind: 'per_year_at_least',
                  value: 10,
                  unit: '件',
                  per: '年度',
                  mergedInto: null,
                  fiscalYear: null,
                },
              }),
            ],
          }),
        ],
      });
      const saved = await saveAsNewDocument(database.db, vision, 'roundtrip');
      assert.equal(saved.seq, 1);
      assert.equal(saved.projectCount, 2);

      const area = await database.db.selectFrom('area').selectAll().executeTakeFirstOrThrow();
      const revision = await findCurrentRevision(database.db, area);
      assert.ok(revision);
      const rebuilt = await readVision(database.db, area, revision);
      assert.deepEqual(rebuilt, vision);
      assert.equal(JSON.stringify(rebuilt), JSON.stringify(vision));
      assert.deepEqual(revision.vision, vision, 'the vision column keeps the import as it was');
    });

    test('revision 2 keeps project and KPI keys by number+name, then name, then number', async () => {
      const first = buildVision({
        projects: [
          buildProject(1, { name: '甲事業' }),
          buildProject(2, { name: '乙事業' }),
          buildProject(3, { name: '丙事業' }),
          buildProject(4, {
            name: '丁事業',
            kpis: [buildKpi({ indicator: '利用者数' }), buildKpi({ indicator: '満足度' })],
          }),
        ],
      });
      const r1 = await saveAsNewDocument(database.db, first, 'stable1');
      const second = buildVision({
        projects: [
          buildProject(1, { name: '新規事業' }), // new name, number of a project that moved: no match by number first
          buildProject(2, { name: '甲　事 業' }), // 甲事業 renumbered; spaces differ
          buildProject(3, { name: '丙事業' }), // unchanged
          buildProject(4, {
            name: '丁事業（改）',
            kpis: [buildKpi({ indicator: '満 足 度' }), buildKpi({ indicator: '新指標' })],
          }),
        ],
      });
      const r2 = await saveAsNewDocument(database.db, second, 'stable2');
      assert.equal(r2.seq, r1.seq + 1);

      const keysBefore = await projectKeysByNumber(database.db, r1.revisionId);
      const now = await projectKeysByNumber(database.db, r2.revisionId);
      assert.equal(now.get(2), keysBefore.get(1), '甲事業 keeps its key under number 2 (name match)');
      assert.equal(now.get(3), keysBefore.get(3), '丙事業 keeps its key (number + name)');
      assert.equal(now.get(4), keysBefore.get(4), '丁事業 keeps its key by number');
      assert.ok(![...keysBefore.values()].includes(now.get(1) as number), '新規事業 gets a new key (1 went to 甲事業)');

      const kpiKeys = async (revisionId: number) =>
        database.db
          .selectFrom('kpi')
          .innerJoin('project_version', 'project_version.id', 'kpi.project_version_id')
          .select(['kpi.indicator', 'kpi.kpi_key_id'])
          .where('project_version.revision_id', '=', revisionId)
          .where('project_version.number', '=', 4)
          .orderBy('kpi.position')
          .execute();
      const [usersBefore, satisfactionBefore] = await kpiKeys(r1.revisionId);
      const [satisfactionNow, newNow] = await kpiKeys(r2.revisionId);
      assert.equal(
        satisfactionNow?.kpi_key_id,
        satisfactionBefore?.kpi_key_id,
        '満足度 keeps its key (spaces ignored)',
      );
      assert.notEqual(newNow?.kpi_key_id, usersBefore?.kpi_key_id, '新指標 is not 利用者数 (positions differ)');
      assert.notEqual(newNow?.kpi_key_id, satisfactionBefore?.kpi_key_id);
    });
  });
}
