import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  generateArea,
  generateNationalDataset,
  generateRevision,
  type NationalPlan,
  planNationalDataset,
} from '../../bench/national-dataset.js';
import { loadNationalDataset } from '../../bench/national-db.js';
import { isValidMunicipalityCode } from '../../src/domain/municipality-code.js';
import { projectCost, queryProjects } from '../../src/domain/project-query.js';
import type { Vision } from '../../src/domain/vision.js';
import { createApp } from '../../src/server/app.js';
import { searchAllAreas } from '../../src/service/area-search.js';
import { getCurrentVision } from '../../src/service/read-vision.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { summarizeMunicipalities, sumSpendingByFiscalYearAndPolicyArea } from '../../src/store/cross-area-store.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('the synthetic national dataset (bench/national-dataset.ts)', () => {
  test('national size: 130 areas, 1,700 municipalities with valid unique codes, 60–120 projects, 10 years, 2–3 KPIs', () => {
    const plan = planNationalDataset({ seed: 7 });
    assert.equal(plan.areas.length, 130);
    const municipalities = plan.areas.flatMap((a) => a.municipalities);
    assert.equal(municipalities.length, 1700);
    const codes = municipalities.map((m) => m.code as string);
    assert.ok(codes.every(isValidMunicipalityCode), 'every code has its check digit');
    assert.equal(new Set(codes).size, 1700);
    assert.equal(new Set(municipalities.map((m) => m.name)).size, 1700);
    assert.ok(plan.areas.every((a) => a.municipalities.filter((m) => m.isCentralCity).length === 1));
    assert.deepEqual([...new Set(plan.areas.map((a) => a.kind))].sort(), ['定住自立圏', '連携中枢都市圏']);
    for (const area of [0, 64, 129].map((i) => generateArea(plan, i))) {
      const { projects, plan: visionPlan } = area.vision;
      assert.ok(projects.length >= 60 && projects.length <= 120, `${area.slug}: ${projects.length} projects`);
      assert.equal(visionPlan.fiscalYears.length, 10);
      for (const p of projects) {
        assert.equal(p.budget.years.length, 10);
        assert.ok(p.kpis.length >= 2 && p.kpis.length <= 3);
        const sum = p.budget.years.reduce((s, y) => s + (y.amount ?? 0), 0);
        assert.equal(p.budget.total.amount ?? 0, sum, 'the total is the sum of the years');
      }
      assert.deepEqual(
        projects.map((p) => p.number),
        projects.map((_, i) => i + 1),
      );
    }
  });

  test('deterministic: the same seed gives the same data, another seed other data', () => {
    const first = hash([...generateNationalDataset({ seed: 42, areas: 10, municipalities: 120 })]);
    const again = hash([...generateNationalDataset({ seed: 42, areas: 10, municipalities: 120 })]);
    const other = hash([...generateNationalDataset({ seed: 43, areas: 10, municipalities: 120 })]);
    assert.equal(first, again);
    assert.notEqual(first, other);
    const plan = planNationalDataset({ seed: 42 });
    assert.equal(hash(generateArea(plan, 17)), hash(generateArea(planNationalDataset({ seed: 42 }), 17)));
  });
});

for (const engine of testEngines) {
  describe(`a small national dataset loaded through the store (${engine.name})`, () => {
    let database: OpenDatabase;
    let plan: NationalPlan;
    let visions: Map<string, Vision>;

    before(async () => {
      database = await openMigrated(engine);
      plan = planNationalDataset({ seed: 3, areas: 8, municipalities: 60, projectsPerArea: [12, 20] });
      const figures = await loadNationalDataset(database.db, plan, { reviseEvery: 3 });
      assert.equal(figures.revisions, 8 + 3);
      visions = new Map(
        plan.areas.map((a) => {
          const current = a.index % 3 === 0 ? generateRevision(plan, a.index) : generateArea(plan, a.index);
          return [current.slug, current.vision];
        }),
      );
    });
    after(async () => {
      await database.close();
    });

    test('each area reads back as the Vision it was saved from (revised areas: their second revision)', async () => {
      for (const [slug, vision] of visions) {
        assert.deepEqual(await getCurrentVision(database.db, slug), vision, slug);
      }
    });

    test('spending by fiscal year and policy area across areas equals the sum over the visions', async () => {
      const expected = new Map<string, number>();
      for (const vision of visions.values()) {
        for (const p of vision.projects) {
          for (const y of p.budget.years) {
            const key = [vision.area.kind, p.role, p.policyArea, y.fiscalYear].join('|');
            expected.set(key, (expected.get(key) ?? 0) + (y.amount ?? 0));
          }
        }
      }
      const rows = await sumSpendingByFiscalYearAndPolicyArea(database.db);
      assert.deepEqual(
        new Map(rows.map((r) => [[r.kind, r.role, r.policyArea, r.fiscalYear].join('|'), r.amount])),
        expected,
      );
    });

    test('projects and cost per municipality across areas equal the domain filter', async () => {
      const rows = await summarizeMunicipalities(database.db);
      assert.equal(rows.length, 60);
      for (const row of rows) {
        const vision = visions.get(row.areaSlug) as Vision;
        const central = vision.area.municipalities.find((m) => m.isCentralCity)?.name ?? null;
        const projects = queryProjects(vision.projects, { municipality: row.name }, central);
        assert.deepEqual(
          [row.projects, row.cost],
          [projects.length, projects.reduce((sum, p) => sum + (projectCost(p) ?? 0), 0)],
          `${row.areaSlug} ${row.name}`,
        );
      }
    });

    test('search across areas finds what the domain search finds in each area', async () => {
      for (const text of ['創業', '観光　利用者数', 'ＩＣＴ', '存在しない語']) {
        const found = await searchAllAreas(database.db, text, 1000);
        const expected = [...visions.entries()].flatMap(([slug, vision]) =>
          queryProjects(vision.projects, { text }, null).map((p) => `${slug}/${p.number}`),
        );
        assert.deepEqual(
          found.hits.map((h) => `${h.areaSlug}/${h.number}`),
          expected,
          text,
        );
        assert.equal(found.total, expected.length);
      }
    });

    test('/areas/compare with more areas than chart colours: one series per kind, and the per-area table', async () => {
      const app = createApp({ db: database.db, dataStampTtlMs: 0 });
      const response = await app.request('/areas/compare');
      const text = await response.text();
      assert.equal(response.status, 200);
      assert.match(text, /<figcaption>種別ごとの年度別事業費見込額<\/figcaption>/);
      assert.match(text, /圏域別・年度別の事業費見込額（単位：千円/);
      assert.equal([...text.matchAll(/<a href="\/areas\/national-00\d\/">/g)].length, 8 * 3);
      assert.match(text, /人口不明/);
    });
  });
}
