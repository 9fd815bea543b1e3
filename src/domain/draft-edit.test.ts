import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildKpi } from '../../test/helpers/build-kpi.js';
import { buildBudget, buildProject } from '../../test/helpers/build-project.js';
import { applyDraftEdit, reestimate } from './draft-edit.js';
import { AppError } from './errors.js';
import type { KeyedProject } from './keyed-project.js';

const draft: KeyedProject[] = [1, 2, 3, 4].map((n) => ({
  key: n * 10,
  kpiKeys: [n * 100],
  merge: null,
  project: buildProject(n),
}));
const refused = (pattern: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === 'INVALID_INPUT' && pattern.test(error.userMessage ?? '');

describe('applyDraftEdit', () => {
  test('renumbering keeps the key and the number order; a taken number is refused', () => {
    const next = applyDraftEdit(draft, { kind: 'renumber', key: 10, number: 9 });
    assert.deepEqual(
      next.map((p) => [p.key, p.project.number]),
      [
        [20, 2],
        [30, 3],
        [40, 4],
        [10, 9],
      ],
    );
    assert.throws(
      () => applyDraftEdit(draft, { kind: 'renumber', key: 10, number: 2 }),
      refused(/すでに使われています/),
    );
  });

  test('merging: the reason is kept and the KPIs say 「NO.n に統合」; renumbering the target follows', () => {
    const merged = applyDraftEdit(draft, { kind: 'merge', key: 20, intoKey: 40, reason: ' 一本化 ' });
    const two = merged.find((p) => p.key === 20);
    assert.deepEqual(two?.merge, { intoKey: 40, reason: '一本化' });
    assert.deepEqual(
      two?.project.kpis.map((k) => [k.target.kind, k.target.mergedInto, k.target.text]),
      [['merged_into', 4, 'NO.4に統合']],
    );
    const renumbered = applyDraftEdit(merged, { kind: 'renumber', key: 40, number: 7 });
    assert.equal(renumbered.find((p) => p.key === 20)?.project.kpis[0]?.target.text, 'NO.7に統合');
    assert.throws(() => applyDraftEdit(merged, { kind: 'remove', key: 40 }), refused(/統合されている/));
    assert.throws(
      () => applyDraftEdit(draft, { kind: 'merge', key: 20, intoKey: 20, reason: 'x' }),
      refused(/それ自身/),
    );
    assert.throws(() => applyDraftEdit(draft, { kind: 'merge', key: 20, intoKey: 30, reason: ' ' }), refused(/理由/));
  });

  test('fields, KPIs and added projects; an unknown project is refused', () => {
    const fields = {
      name: '新しい名前',
      content: ['一'],
      effect: null,
      roles: { centralCity: 'a', partners: 'b' },
      participants: [],
    };
    assert.equal(applyDraftEdit(draft, { kind: 'fields', key: 10, fields })[0]?.project.name, '新しい名前');
    const kpi = buildKpi({ indicator: '満足度' });
    const added = applyDraftEdit(draft, { kind: 'add-kpi', key: 10, kpiKey: 999, kpi });
    assert.deepEqual(added[0]?.kpiKeys, [100, 999]);
    const replaced = applyDraftEdit(added, {
      kind: 'kpi',
      key: 10,
      kpiKey: 999,
      kpi: buildKpi({ indicator: '来場者数' }),
    });
    assert.equal(replaced[0]?.project.kpis[1]?.indicator, '来場者数');
    const withNew = applyDraftEdit(draft, { kind: 'add-project', key: 50, project: buildProject(5) });
    assert.deepEqual(
      withNew.map((p) => p.key),
      [10, 20, 30, 40, 50],
    );
    assert.throws(() => applyDraftEdit(draft, { kind: 'remove', key: 77 }), refused(/ありません/));
  });
});

describe('reestimate', () => {
  test('one fiscal year changes and the total is summed again; marks stay marks', () => {
    const budget = buildBudget(2020, [100, 'blank', 'dash', 40]);
    assert.deepEqual(reestimate(budget, 2021, { amount: 60, mark: null }).total, { amount: 200, mark: null });
    assert.deepEqual(reestimate(budget, 2020, { amount: null, mark: 'dash' }).years[0], {
      fiscalYear: 2020,
      amount: null,
      mark: 'dash',
    });
    assert.deepEqual(reestimate(buildBudget(2020, []), 2024, { amount: null, mark: 'dash' }).total, {
      amount: null,
      mark: 'dash',
    });
    assert.deepEqual(
      reestimate(budget, 2025, { amount: 5, mark: null }).years.map((y) => y.fiscalYear),
      [2020, 2021, 2022, 2023, 2025],
    );
  });
});
