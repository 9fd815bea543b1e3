import type { Kpi } from '../../src/domain/vision.js';

/** A KPI with an absolute target; override what the test is about. */
export function buildKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    indicator: '参加者数',
    note: null,
    baseline: { text: '120人 (2020年度見込)', value: 120, unit: '人', asOf: '2020年度見込' },
    target: {
      text: '150人',
      kind: 'absolute',
      value: 150,
      unit: '人',
      per: null,
      mergedInto: null,
      fiscalYear: 2024,
    },
    ...overrides,
  };
}
