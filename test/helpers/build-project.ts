import type { Budget, BudgetYear, Project } from '../../src/domain/vision.js';
import { buildKpi } from './build-kpi.js';

/** Budget cells from a compact list: a number is an amount, 'blank' / 'dash' a mark; the total is the sum. */
export function buildBudget(firstYear: number, cells: ReadonlyArray<number | 'blank' | 'dash'>): Budget {
  const years: BudgetYear[] = cells.map((cell, index) =>
    typeof cell === 'number'
      ? { fiscalYear: firstYear + index, amount: cell, mark: null }
      : { fiscalYear: firstYear + index, amount: null, mark: cell },
  );
  const amounts = cells.filter((c): c is number => typeof c === 'number');
  return {
    years,
    total:
      amounts.length > 0 ? { amount: amounts.reduce((a, b) => a + b, 0), mark: null } : { amount: null, mark: 'dash' },
  };
}

/** Project `number` with plausible fields; override what the test is about. */
export function buildProject(number: number, overrides: Partial<Project> = {}): Project {
  return {
    number,
    name: `連携事業${number}`,
    nameInMatrix: `連携事業${number}`,
    isNew: false,
    role: 1,
    policyArea: 1,
    subField: null,
    relatedMunicipalities: '全市町村',
    participants: ['甲町', '乙村'],
    content: [`事業${number}の内容（一）`, `事業${number}の内容（二）`],
    effect: '圏域全体の交流人口が増える。',
    budget: buildBudget(2020, [100 * number, 'blank', 'dash', 40]),
    roles: { centralCity: '事業を実施する。', partners: '情報を提供する。' },
    kpis: [buildKpi({ indicator: `事業${number}の参加者数` })],
    notes: [],
    source: { lines: [100 + number * 10, 109 + number * 10] },
    ...overrides,
  };
}
