import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildKpi } from '../../test/helpers/build-kpi.js';
import { buildBudget, buildProject } from '../../test/helpers/build-project.js';
import type { KeyedProject } from './keyed-project.js';
import { diffRevisions, hasDisappearances, listDisappearances } from './revision-diff.js';
import type { Finding, Project } from './vision.js';

const keyed = (key: number, project: Project, kpiKeys = project.kpis.map((_, i) => key * 100 + i)): KeyedProject => ({
  key,
  kpiKeys,
  merge: null,
  project,
});

describe('diffRevisions', () => {
  const before = [keyed(1, buildProject(1)), keyed(2, buildProject(2)), keyed(3, buildProject(3))];

  test('the same projects: no difference at all', () => {
    const diff = diffRevisions(before, before);
    assert.deepEqual([diff.added, diff.removed, diff.renumbered, diff.merged, diff.changed], [[], [], [], [], []]);
    assert.ok(diff.budgetTotals.every((t) => t.difference === 0));
  });

  test('projects are matched by key: added, removed and renumbered', () => {
    const after = [
      keyed(1, buildProject(1)),
      keyed(3, buildProject(5, { name: '連携事業3' })),
      keyed(4, buildProject(4)),
    ];
    const diff = diffRevisions(before, after);
    assert.deepEqual(diff.added, [{ key: 4, number: 4, name: '連携事業4' }]);
    assert.deepEqual(diff.removed, [{ key: 2, number: 2, name: '連携事業2' }]);
    assert.deepEqual(diff.renumbered, [{ key: 3, number: 5, name: '連携事業3', from: 3 }]);
  });

  test('fields by name, old and new as text', () => {
    const after = [keyed(1, buildProject(1, { effect: '交流が増える。', participants: ['甲町'] })), ...before.slice(1)];
    assert.deepEqual(diffRevisions(before, after).changed[0]?.fields, [
      { field: 'participants', old: '甲町\n乙村', new: '甲町' },
      { field: 'effect', old: '圏域全体の交流人口が増える。', new: '交流が増える。' },
    ]);
  });

  test('budgets per fiscal year with old, new and the difference; a cell that disappears', () => {
    const after = [
      keyed(1, buildProject(1, { budget: buildBudget(2020, [150, 'blank', 'dash']) })),
      ...before.slice(1),
    ];
    const diff = diffRevisions(before, after);
    assert.deepEqual(diff.changed[0]?.budget, [
      { fiscalYear: 2020, old: { amount: 100, mark: null }, new: { amount: 150, mark: null }, difference: 50 },
      { fiscalYear: 2023, old: { amount: 40, mark: null }, new: null, difference: -40 },
      { fiscalYear: null, old: { amount: 140, mark: null }, new: { amount: 150, mark: null }, difference: 10 },
    ]);
    assert.deepEqual(
      diff.budgetTotals.find((t) => t.fiscalYear === 2023),
      {
        fiscalYear: 2023,
        old: 120,
        new: 80,
        difference: -40,
      },
    );
    const gone = listDisappearances(diff, []);
    assert.deepEqual(gone.budgetCells, [{ key: 1, number: 1, name: '連携事業1', fiscalYear: 2023 }]);
    assert.ok(hasDisappearances(gone));
  });

  test('KPIs added, changed and removed, by KPI key', () => {
    const project = buildProject(1, {
      kpis: [buildKpi({ indicator: '参加者数' }), buildKpi({ indicator: '開催回数' })],
    });
    const changed = buildProject(1, {
      kpis: [
        buildKpi({ indicator: '参加者数', target: { ...buildKpi().target, text: '200人', value: 200 } }),
        buildKpi({ indicator: '満足度' }),
      ],
    });
    const diff = diffRevisions([keyed(1, project, [10, 11])], [keyed(1, changed, [10, 12])]);
    assert.deepEqual(diff.changed[0]?.kpis, {
      added: [{ key: 12, indicator: '満足度' }],
      removed: [{ key: 11, indicator: '開催回数' }],
      changed: [{ key: 10, indicator: '参加者数', fields: [{ field: 'target', old: '150人', new: '200人' }] }],
    });
  });

  test('a merge recorded by a draft, with its reason; one read from 「NO.n に統合」 targets of a document', () => {
    const drafted = [{ ...before[0], merge: { intoKey: 2, reason: '統合のため' } } as KeyedProject, ...before.slice(1)];
    assert.deepEqual(diffRevisions(before, drafted).merged, [
      { key: 1, number: 1, name: '連携事業1', into: { key: 2, number: 2, name: '連携事業2' }, reason: '統合のため' },
    ]);
    const mergedKpi = buildKpi({
      target: {
        text: 'NO.3に統合',
        kind: 'merged_into',
        value: null,
        unit: null,
        per: null,
        mergedInto: 3,
        fiscalYear: null,
      },
    });
    const imported = [keyed(1, buildProject(1, { kpis: [mergedKpi] })), ...before.slice(1)];
    assert.deepEqual(
      diffRevisions(before, imported).merged.map((m) => [m.key, m.into.key, m.reason]),
      [[1, 3, 'NO.3に統合']],
    );
  });

  test('missing sheets and removed projects are what disappears; a merge is not', () => {
    const missing: Finding = {
      severity: 'warning',
      code: 'missing_sheet',
      project: 3,
      line: 12,
      excerpt: null,
      message: '事業シートがありません',
    };
    const diff = diffRevisions(before, before.slice(0, 2));
    const gone = listDisappearances(diff, [missing]);
    assert.deepEqual(
      gone.projects.map((p) => p.key),
      [3],
    );
    assert.deepEqual(gone.missingSheets, [missing]);
  });
});
