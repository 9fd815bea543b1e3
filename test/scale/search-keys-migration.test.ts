import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'kysely';
import { generateArea, planNationalDataset } from '../../bench/national-dataset.js';
import { operatorActor } from '../../src/domain/access-policy.js';
import { saveAreaVision } from '../../src/service/area-save-vision.js';
import { migrateTo, migrateToLatest } from '../../src/store/migrate.js';
import { testEngines } from '../helpers/test-databases.js';

for (const engine of testEngines) {
  describe(`migration 0002 (search keys) on ${engine.name}`, () => {
    test('keys rows saved before it, keeps them current on insert, and goes down and up again', async () => {
      const database = await engine.open();
      try {
        await migrateToLatest(database.db);
        const plan = planNationalDataset({ seed: 5, areas: 2, municipalities: 10, projectsPerArea: [3, 3] });
        const first = generateArea(plan, 0);
        first.vision.projects[0] = {
          ...(first.vision.projects[0] as (typeof first.vision.projects)[0]),
          name: 'ＲＰＡ外ヶ浜　推進事業',
        };
        await saveAreaVision(database.db, operatorActor('system'), {
          areaSlug: first.slug,
          vision: first.vision,
          sourceName: 'a.json',
        });
        // back to the schema before search keys, with the row in it: 0002 must key rows it finds
        await migrateTo(database.db, '0001-initial-schema');
        await migrateToLatest(database.db);
        const second = generateArea(plan, 1);
        await saveAreaVision(database.db, operatorActor('system'), {
          areaSlug: second.slug,
          vision: second.vision,
          sourceName: 'b.json',
        });

        const keys = await sql<{ search_key: string }>`select search_key from project_version order by id`.execute(
          database.db,
        );
        assert.equal(keys.rows.length, 6);
        assert.match(keys.rows[0]?.search_key ?? '', /^rpa外ケ浜推進事業/, 'NFKC, lower case, ケ, no spaces');
        assert.ok(keys.rows.every((r) => r.search_key.length > 0));
        const kpiKeys = await sql<{ n: number }>`select count(*)::int as n from kpi where search_key = ''`.execute(
          database.db,
        );
        assert.equal(kpiKeys.rows[0]?.n, 0);

        await migrateTo(database.db, '0001-initial-schema');
        const columns = await database.db.introspection.getTables();
        assert.ok(!columns.find((t) => t.name === 'project_version')?.columns.some((c) => c.name === 'search_key'));
        assert.deepEqual(await migrateToLatest(database.db), {
          applied: ['0002-search-keys', '0003-write-side', '0004-draft-revisions'],
        });
      } finally {
        await database.close();
      }
    });
  });
}
