// The worked examples of docs/achievement.md, on the seed document's real KPIs (青森圏域, R4年3月変更).
// The actuals are made up for the examples; the KPIs, baselines and targets are the document's.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readRepoText, SEED_DOCUMENT } from '../../test/helpers/read-fixture.js';
// biome-ignore lint/style/noRestrictedImports: a test may read the real seed through the importer; the domain modules import nothing outside domain
import { parseDocument } from '../import/parse-document.js';
import { assessProjects, countStatuses, defaultKpiSettings, findMergeTarget, type KpiSettings } from './achievement.js';

const { vision } = parseDocument(readRepoText(SEED_DOCUMENT));

/** actuals keyed "project.kpiIndex", year → value */
type Actuals = Record<string, Record<number, number>>;

function assessSeed(fiscalYear: number, actuals: Actuals, settings: Record<string, KpiSettings> = {}) {
  const projects = vision.projects.map((p) => ({
    number: p.number,
    kpis: p.kpis.map((kpi, i) => ({
      kpi,
      settings: settings[`${p.number}.${i}`] ?? defaultKpiSettings(kpi),
      actuals: Object.entries(actuals[`${p.number}.${i}`] ?? {}).map(([y, value]) => ({
        fiscalYear: Number(y),
        value,
      })),
    })),
  }));
  const { fiscalYears, targetFiscalYear } = vision.plan;
  return assessProjects({ fiscalYear, planFiscalYears: fiscalYears, targetFiscalYear, projects });
}

function project(assessed: ReturnType<typeof assessSeed>, number: number) {
  const found = assessed.find((p) => p.number === number);
  assert.ok(found, `project ${number}`);
  return found;
}

function near(actual: number | null | undefined, expected: number) {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
}

test('the seed is the document the examples were worked on', () => {
  assert.deepEqual(vision.plan.fiscalYears, [2020, 2021, 2022, 2023, 2024]);
  assert.equal(vision.plan.targetFiscalYear, 2024);
  assert.equal(vision.projects[0]?.kpis[0]?.target.text, '52事業');
});

describe('FY2022 on the seed KPIs', () => {
  const fy2022 = assessSeed(2022, {
    '1.0': { 2022: 49 },
    '4.0': { 2022: 30 },
    '4.1': { 2022: 800 },
    '6.0': { 2020: 2, 2021: 3, 2022: 2 },
    '11.0': { 2020: 1, 2021: 1, 2022: 0 },
    '14.0': { 2022: 57 },
    '16.0': { 2022: 4500 },
    '21.0': { 2022: 50 },
    '28.0': { 2022: 6 },
    '28.1': { 2022: 17 },
  });

  test('NO.1 具体的取組数 44事業 (2020年度見込) → 52事業: 49 is 概ね順調', () => {
    const [kpi] = project(fy2022, 1).kpis;
    near(kpi?.attainment, 49 / 52);
    assert.equal(kpi?.progress, 0.625); // (49 − 44) ÷ (52 − 44)
    assert.equal(kpi?.expectedProgress, 0.5); // (2022 − 2020) ÷ (2024 − 2020)
    assert.equal(kpi?.status, '概ね順調'); // 0.625 ≥ 0.8 × 0.5
  });

  test('NO.6 立地企業数(累計) 3件 (2019年度見込) → 16件: 3 + 2 + 3 + 2 = 10', () => {
    const [kpi] = project(fy2022, 6).kpis;
    assert.equal(kpi?.actual, 10);
    near(kpi?.progress, 7 / 13);
    assert.equal(kpi?.expectedProgress, 0.6);
    assert.equal(kpi?.status, '概ね順調'); // 0.538 ≥ 0.48
    near(kpi?.trend, 23 / 3 + 2.5 * 3); // least squares through (2020, 5), (2021, 8), (2022, 10)
  });

  test('NO.11 講習会等の開催回数 1回以上/年度: met 2 of 3 years is 遅れ', () => {
    const [kpi] = project(fy2022, 11).kpis;
    assert.deepEqual(kpi?.yearsMet, { met: 2, of: 3 });
    assert.equal(kpi?.status, '遅れ'); // 0.667 < 0.8
  });

  test('NO.14 農地利用集積率 51.8% (2018年度実績) → 61.3%: 57.0% is 概ね順調', () => {
    const [kpi] = project(fy2022, 14).kpis;
    near(kpi?.progress, 5.2 / 9.5);
    near(kpi?.expectedProgress, 4 / 6);
    assert.equal(kpi?.status, '概ね順調');
  });

  test('NO.16 観光入込客数 6,936千人 (2018年実績, taken as FY2018) → 7,019千人: 4,500 is 遅れ', () => {
    const [kpi] = project(fy2022, 16).kpis;
    near(kpi?.expectedProgress, 4 / 6);
    assert.ok((kpi?.progress ?? 0) < 0);
    assert.equal(kpi?.status, '遅れ');
  });

  test('NO.21 セミナー参加者数 — → 100人: counted from 0 from FY2019, 50 is 概ね順調 but grade D', () => {
    const p21 = project(fy2022, 21);
    assert.equal(p21.kpis[0]?.progress, 0.5);
    assert.equal(p21.kpis[0]?.expectedProgress, 0.6); // (2022 − 2019) ÷ (2024 − 2019)
    assert.equal(p21.kpis[0]?.status, '概ね順調');
    assert.equal(p21.grade, 'D'); // score 0.5: the grade measures the distance to the target, not the pace
  });

  test('NO.2 and NO.3 「NO.4に統合」 take the status of NO.4 創業件数 and 相談窓口での年間相談件数', () => {
    const p4 = project(fy2022, 4);
    assert.deepEqual(project(fy2022, 2).kpis[0], p4.kpis[0]);
    assert.deepEqual(project(fy2022, 3).kpis[0], p4.kpis[1]);
    assert.equal(p4.kpis[0]?.status, '概ね順調'); // 30: (30 − 24) ÷ (32 − 24) = 0.75 ≥ 0.4
    assert.equal(p4.kpis[1]?.status, '遅れ'); // 800: (800 − 750) ÷ (1100 − 750) = 0.143 < 0.4
    near(p4.score, (30 / 32 + 800 / 1100) / 2);
    assert.equal(p4.grade, 'B'); // 0.832
    const sources = vision.projects.map((p) => ({ number: p.number, kpis: p.kpis.map((kpi) => ({ kpi })) }));
    const merged = vision.projects.find((p) => p.number === 3)?.kpis[0];
    assert.ok(merged);
    assert.deepEqual(findMergeTarget(merged, sources), { project: 4, kpiIndex: 1 });
  });

  test('NO.28 two KPIs: 点訳 6 of 7 and 手話 17 of 17 give score 0.929, grade A', () => {
    const p28 = project(fy2022, 28);
    assert.deepEqual(
      p28.kpis.map((k) => k.status),
      ['概ね順調', '達成'],
    );
    near(p28.score, (6 / 7 + 1) / 2);
    assert.equal(p28.grade, 'A');
  });

  test('NO.36 大会PR活動数 「—」 has no status and no grade; the others without actuals are 未評価', () => {
    assert.equal(project(fy2022, 36).kpis[0]?.status, null);
    assert.equal(project(fy2022, 36).grade, null);
    const counts = countStatuses(fy2022.flatMap((p) => p.kpis.map((k) => k.status)));
    assert.deepEqual(counts, { 達成: 1, 概ね順調: 7, 遅れ: 4, 未評価: 42 });
  });
});

test('NO.1 reaching 52事業 in FY2024 is 達成; NO.10 （累計） reported as cumulative', () => {
  const reported: KpiSettings = { direction: 'higher', cumulative: 'reported' };
  const fy2024 = assessSeed(2024, { '1.0': { 2024: 52 }, '10.0': { 2023: 40, 2024: 50 } }, { '10.0': reported });
  assert.equal(project(fy2024, 1).kpis[0]?.status, '達成');
  const [kpi10] = project(fy2024, 10).kpis;
  assert.equal(kpi10?.actual, 50);
  near(kpi10?.attainment, 50 / 55);
  assert.equal(kpi10?.status, '概ね順調'); // (50 − 7) ÷ (55 − 7) = 0.896 ≥ 0.8 × 1
});
