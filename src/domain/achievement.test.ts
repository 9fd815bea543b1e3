import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { buildKpi } from '../../test/helpers/build-kpi.js';
import {
  type AchievementLevel,
  assessProjects,
  baselineFiscalYear,
  countStatuses,
  DEFAULT_GRADE_THRESHOLDS,
  type Direction,
  defaultKpiSettings,
  gradeOf,
  type KpiAssessment,
  type KpiSettings,
  type ProjectKpiInput,
} from './achievement.js';
import { measureAttainment } from './kpi-measure.js';
import type { Baseline, Kpi, TargetKind } from './vision.js';

const PLAN = [2020, 2021, 2022, 2023, 2024];
const HIGHER: KpiSettings = { direction: 'higher', cumulative: 'none' };

function kpiWith(baseline: number | null, asOf: string | null, kind: TargetKind, target: number | null): Kpi {
  const base = buildKpi();
  return {
    ...base,
    baseline: { text: String(baseline ?? '—'), value: baseline, unit: '人', asOf },
    target: { ...base.target, kind, value: target, mergedInto: null },
  };
}

function assessOne(input: ProjectKpiInput, fiscalYear: number): KpiAssessment {
  const [project] = assessProjects({
    fiscalYear,
    planFiscalYears: PLAN,
    targetFiscalYear: 2024,
    projects: [{ number: 1, kpis: [input] }],
  });
  const assessment = project?.kpis[0];
  assert.ok(assessment);
  return assessment;
}

function years(values: Record<number, number>) {
  return Object.entries(values).map(([fiscalYear, value]) => ({ fiscalYear: Number(fiscalYear), value }));
}

describe('baselineFiscalYear', () => {
  const baseline = (asOf: string | null): Baseline => ({ text: '', value: 1, unit: null, asOf });
  test('reads 年度, a calendar year (taken as that 年度), 和暦 and a month', () => {
    assert.equal(baselineFiscalYear(baseline('2019年度見込')), 2019);
    assert.equal(baselineFiscalYear(baseline('2018年実績')), 2018);
    assert.equal(baselineFiscalYear(baseline('令和元年度実績')), 2019);
    assert.equal(baselineFiscalYear(baseline('H30年度末')), 2018);
    assert.equal(baselineFiscalYear(baseline('平成30年実績')), 2018);
    assert.equal(baselineFiscalYear(baseline('令和2年3月末')), 2019);
    assert.equal(baselineFiscalYear(baseline('２０２０年度見込')), 2020);
    assert.equal(baselineFiscalYear(baseline(null)), null);
    assert.equal(baselineFiscalYear(baseline('見込')), null);
  });
});

describe('assessing one KPI', () => {
  test('a missing baseline counts from 0 and the line starts the year before the plan', () => {
    const a = assessOne(
      { kpi: kpiWith(null, null, 'absolute', 100), settings: HIGHER, actuals: years({ 2022: 50 }) },
      2022,
    );
    assert.equal(a.progress, 0.5);
    assert.equal(a.expectedProgress, 0.6);
    assert.equal(a.status, '概ね順調');
  });

  test('lower is better: target ÷ actual above the target, 1 at or below it', () => {
    assert.equal(measureAttainment(40, 10, 'lower'), 0.25);
    assert.equal(measureAttainment(0, 10, 'lower'), 1);
    assert.equal(measureAttainment(0, 0, 'lower'), 1);
    assert.equal(measureAttainment(3, 0, 'lower'), 0);
    const waiting = kpiWith(40, '2019年度実績', 'absolute', 0);
    const settings: KpiSettings = { direction: 'lower', cumulative: 'none' };
    const a = assessOne({ kpi: waiting, settings, actuals: years({ 2022: 12 }) }, 2022);
    assert.equal(a.progress, 0.7); // (12 − 40) ÷ (0 − 40)
    assert.equal(a.status, '概ね順調'); // 0.7 ≥ 0.8 × 0.6
  });

  test('a target equal to its baseline is judged by attainment against the line', () => {
    const a = assessOne(
      { kpi: kpiWith(2, '2019年度見込', 'absolute', 2), settings: HIGHER, actuals: years({ 2022: 1 }) },
      2022,
    );
    assert.equal(a.progress, null);
    assert.equal(a.status, '概ね順調'); // 0.5 ≥ 0.8 × 0.6
  });

  test('"reported" cumulative actuals are compared as entered', () => {
    const settings: KpiSettings = { direction: 'higher', cumulative: 'reported' };
    const kpi = kpiWith(3, '2019年度見込', 'absolute', 16);
    const a = assessOne({ kpi, settings, actuals: years({ 2020: 5, 2021: 8, 2022: 10 }) }, 2022);
    assert.equal(a.actual, 10);
  });
});

describe('assessment properties', () => {
  const direction = fc.constantFrom<Direction>('higher', 'lower');
  const amount = fc.integer({ min: 0, max: 1_000_000 });

  test('attainment is monotone in the actual for higher, anti-monotone for lower', () => {
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 1_000_000 }), direction, (x, y, target, d) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const [a, b] = [measureAttainment(low, target, d), measureAttainment(high, target, d)];
        assert.ok(d === 'higher' ? a <= b : a >= b);
      }),
    );
  });

  const kpiCase = fc.record({
    baseline: fc.option(amount),
    target: fc.integer({ min: 1, max: 1_000_000 }),
    kind: fc.constantFrom<TargetKind>('absolute', 'percentage'),
    settings: fc.record({ direction, cumulative: fc.constantFrom('none', 'reported') }) as fc.Arbitrary<KpiSettings>,
    actual: fc.option(amount),
    fiscalYear: fc.integer({ min: 2019, max: 2026 }),
  });

  test('status is 達成 exactly when attainment reaches the threshold; no actual is 未評価', () => {
    fc.assert(
      fc.property(kpiCase, (c) => {
        const kpi = kpiWith(c.baseline, '2019年度見込', c.kind, c.target);
        const actuals = c.actual === null ? [] : [{ fiscalYear: c.fiscalYear, value: c.actual }];
        const a = assessOne({ kpi, settings: c.settings, actuals }, c.fiscalYear);
        if (c.actual === null) return assert.equal(a.status, '未評価');
        assert.equal(a.status === '達成', (a.attainment ?? 0) >= 1);
      }),
    );
  });

  test('reaching the target in the target year is always 達成', () => {
    fc.assert(
      fc.property(kpiCase, (c) => {
        const kpi = kpiWith(c.baseline, '2019年度見込', c.kind, c.target);
        const a = assessOne({ kpi, settings: c.settings, actuals: [{ fiscalYear: 2024, value: c.target }] }, 2024);
        assert.equal(a.status, '達成');
      }),
    );
  });

  test('a 累計 KPI summed over the years compares the baseline plus the actuals after the baseline year', () => {
    const settings: KpiSettings = { direction: 'higher', cumulative: 'sum_of_years' };
    const yearly = fc.uniqueArray(fc.record({ fiscalYear: fc.integer({ min: 2017, max: 2024 }), value: amount }), {
      selector: (a) => a.fiscalYear,
    });
    fc.assert(
      fc.property(amount, yearly, fc.integer({ min: 2017, max: 2024 }), (baseline, actuals, fiscalYear) => {
        const kpi = kpiWith(baseline, '2019年度見込', 'absolute', 1_000_000);
        const a = assessOne({ kpi, settings, actuals }, fiscalYear);
        const asked = actuals.some((x) => x.fiscalYear === fiscalYear);
        const after = actuals.filter((x) => x.fiscalYear > 2019 && x.fiscalYear <= fiscalYear);
        assert.equal(a.actual, asked ? baseline + after.reduce((s, x) => s + x.value, 0) : null);
        assert.deepEqual(assessOne({ kpi, settings, actuals: [...actuals].reverse() }, fiscalYear), a);
        if (a.expectedProgress !== null) assert.ok(a.expectedProgress >= 0 && a.expectedProgress <= 1);
      }),
    );
  });

  test('the share of years met lies between 0 and 1', () => {
    const perYear = kpiWith(null, null, 'per_year_at_least', 1);
    const yearly = fc.array(fc.record({ fiscalYear: fc.integer({ min: 2018, max: 2026 }), value: fc.option(amount) }));
    fc.assert(
      fc.property(yearly, fc.integer({ min: 2018, max: 2026 }), (actuals, fiscalYear) => {
        const a = assessOne({ kpi: perYear, settings: HIGHER, actuals }, fiscalYear);
        if (a.attainment !== null) assert.ok(a.attainment >= 0 && a.attainment <= 1);
        if (a.yearsMet) assert.ok(a.yearsMet.met <= a.yearsMet.of);
      }),
    );
  });

  test('a merged KPI always has the status of the KPI it was merged into', () => {
    fc.assert(
      fc.property(kpiCase, (c) => {
        const into = kpiWith(c.baseline, '2019年度見込', c.kind, c.target);
        const merged = { ...into, target: { ...into.target, kind: 'merged_into' as const, mergedInto: 2 } };
        const actuals = c.actual === null ? [] : [{ fiscalYear: c.fiscalYear, value: c.actual }];
        const [one, two] = assessProjects({
          fiscalYear: c.fiscalYear,
          planFiscalYears: PLAN,
          targetFiscalYear: 2024,
          projects: [
            { number: 1, kpis: [{ kpi: merged, settings: HIGHER, actuals: [] }] },
            { number: 2, kpis: [{ kpi: into, settings: c.settings, actuals }] },
          ],
        });
        assert.equal(one?.kpis[0]?.status, two?.kpis[0]?.status);
      }),
    );
  });

  test('the grade is monotone in the score', () => {
    const order = { D: 0, C: 1, B: 2, A: 3 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, y) => {
        const [low, high] = [gradeOf(Math.min(x, y)), gradeOf(Math.max(x, y))];
        assert.ok(low && high && order[low] <= order[high]);
      }),
    );
  });
});

test('grades at the 高松 thresholds; no assessed KPI, no grade', () => {
  assert.deepEqual(DEFAULT_GRADE_THRESHOLDS, { a: 0.86, b: 0.71, c: 0.56 });
  assert.deepEqual(
    [0.86, 0.859, 0.71, 0.56, 0.5599].map((s) => gradeOf(s)),
    ['A', 'B', 'B', 'C', 'D'],
  );
  assert.equal(gradeOf(null), null);
});

test('countStatuses counts each level and skips null', () => {
  const statuses: (AchievementLevel | null)[] = ['達成', '遅れ', null, '達成', '未評価'];
  assert.deepEqual(countStatuses(statuses), { 達成: 2, 概ね順調: 0, 遅れ: 1, 未評価: 1 });
});

test('defaultKpiSettings: higher is better, （累計） sums the years', () => {
  assert.deepEqual(defaultKpiSettings(buildKpi({ indicator: '人事交流人数（累計）' })), {
    direction: 'higher',
    cumulative: 'sum_of_years',
  });
  assert.deepEqual(defaultKpiSettings(buildKpi()), HIGHER);
});
