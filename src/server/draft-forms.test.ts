import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseEditForm, readBudgetInput } from './draft-forms.js';

describe('parseEditForm', () => {
  test('the project fields: lines of content, every checked participant, blank effect as null', () => {
    const parsed = parseEditForm(
      {
        action: 'fields',
        version: '３',
        key: '12',
        name: ' 新しい名前 ',
        content: '一つ目\r\n\r\n 二つ目 ',
        effect: ' ',
        rolesCentral: '企画',
        rolesPartners: '参画',
        participants: ['平内町', '蓬田村'],
      },
      [],
    );
    assert.deepEqual(parsed, {
      ok: true,
      version: 3,
      edit: {
        kind: 'fields',
        key: 12,
        fields: {
          name: '新しい名前',
          content: ['一つ目', '二つ目'],
          effect: null,
          roles: { centralCity: '企画', partners: '参画' },
          participants: ['平内町', '蓬田村'],
        },
      },
    });
  });

  test('budget cells as typed, per fiscal year of the plan; a bad one names its field', () => {
    const ok = parseEditForm(
      { action: 'budget', version: '1', key: '5', fy2023: '１，２３４千円', fy2024: '-' },
      [2022, 2023, 2024],
    );
    assert.deepEqual(ok, {
      ok: true,
      version: 1,
      edit: {
        kind: 'budget',
        key: 5,
        cells: [
          { fiscalYear: 2023, cell: { amount: 1234, mark: null } },
          { fiscalYear: 2024, cell: { amount: null, mark: 'dash' } },
        ],
      },
    });
    const bad = parseEditForm({ action: 'budget', version: '1', key: '5', fy2023: '12.5' }, [2023]);
    assert.deepEqual(bad, {
      ok: false,
      message: '2023年度の事業費は千円単位の整数か「-」で入力してください',
      field: 'fy2023',
    });
  });

  test('a merge needs its reason; an unknown action or a missing version is refused', () => {
    const merge = parseEditForm({ action: 'merge', version: '2', key: '3', intoKey: '4', reason: ' ' }, []);
    assert.deepEqual(merge, { ok: false, message: '統合の理由を入力してください', field: 'reason' });
    assert.equal(parseEditForm({ action: 'toString', version: '2' }, []).ok, false);
    assert.equal(parseEditForm({ action: 'remove', key: '3' }, []).ok, false);
  });

  test('readBudgetInput: empty is blank, a dash is a dash, words are refused', () => {
    assert.deepEqual(readBudgetInput(''), { amount: null, mark: 'blank' });
    assert.deepEqual(readBudgetInput('—'), { amount: null, mark: 'dash' });
    assert.equal(readBudgetInput('四百'), undefined);
  });
});
