import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BudgetCell } from '../domain/vision.js';
import { alignBudgetValues, looksLikeBudgetValue, parseBudgetCell } from './parse-budget-row.js';

test('parseBudgetCell reads amounts in thousand yen', () => {
  const cases: [string, number][] = [
    ['408', 408],
    ['2,019', 2019],
    ['41,888', 41888],
    ['685,753', 685753],
    ['1,163,775', 1163775],
    ['２，０１９', 2019],
    ['４０８', 408],
    [' 1,228 ', 1228],
    ['△100', -100],
    ['▲1,000', -1000],
  ];
  for (const [input, amount] of cases) {
    assert.deepEqual(parseBudgetCell(input), { cell: { amount, mark: null }, unreadable: null }, input);
  }
});

test('parseBudgetCell keeps blank and dash apart', () => {
  const blank: BudgetCell = { amount: null, mark: 'blank' };
  const dash: BudgetCell = { amount: null, mark: 'dash' };
  for (const input of ['', '  ', '\u3000']) {
    assert.deepEqual(parseBudgetCell(input), { cell: blank, unreadable: null }, JSON.stringify(input));
  }
  for (const input of ['—', '－', '-', '‐', '―', '–', ' — ']) {
    assert.deepEqual(parseBudgetCell(input), { cell: dash, unreadable: null }, input);
  }
  assert.notDeepEqual(parseBudgetCell('').cell, parseBudgetCell('—').cell);
});

test('parseBudgetCell reports what it cannot read', () => {
  for (const input of ['未定', 'abc', '1,2345', '12,34', '408 円程度']) {
    const read = parseBudgetCell(input);
    assert.equal(read.unreadable, input, input);
    assert.equal(read.cell.amount, null, input);
  }
});

test('looksLikeBudgetValue accepts amounts, dashes and blanks only', () => {
  for (const value of ['408', '2,019', '—', '', '△100']) assert.equal(looksLikeBudgetValue(value), true, value);
  for (const other of ['青森市', '計', '未定']) assert.equal(looksLikeBudgetValue(other), false, other);
});

test('alignBudgetValues lines a value row up with five years and 計', () => {
  const cases: [string, string[], string[]][] = [
    [
      'leading empty label column',
      ['', '408', '408', '401', '401', '401', '2,019'],
      ['408', '408', '401', '401', '401', '2,019'],
    ],
    ['no label column', ['408', '408', '401', '401', '401', '2,019'], ['408', '408', '401', '401', '401', '2,019']],
    [
      'a label column with text',
      ['計上額', '408', '408', '401', '401', '401', '2,019'],
      ['408', '408', '401', '401', '401', '2,019'],
    ],
    [
      'trailing empty cells',
      ['', '320', '320', '320', '320', '320', '1,600', ''],
      ['320', '320', '320', '320', '320', '1,600'],
    ],
    [
      'several trailing empty cells',
      ['', '408', '408', '401', '401', '401', '2,019', '', ''],
      ['408', '408', '401', '401', '401', '2,019'],
    ],
    [
      'blank years inside the row',
      ['', '21,833', '14,662', '', '', '', '36,495'],
      ['21,833', '14,662', '', '', '', '36,495'],
    ],
    [
      'a blank first year after the label column',
      ['', '', '30,328', '41,888', '41,888', '41,888', '155,992'],
      ['', '30,328', '41,888', '41,888', '41,888', '155,992'],
    ],
    ['blanks then dashes', ['', '', '', '', '—', '—', '—'], ['', '', '', '—', '—', '—']],
    ['dashes and amounts', ['', '—', '207', '—', '207', '—', '414'], ['—', '207', '—', '207', '—', '414']],
    ['a short row is right-aligned', ['85', '85', '255'], ['', '', '', '85', '85', '255']],
    [
      "the label column's tab lost before a blank first year, a trailing tab kept: the 計 that adds up decides",
      ['', '400', '400', '400', '400', '1,600', ''],
      ['', '400', '400', '400', '400', '1,600'],
    ],
    [
      'blanks then dashes with a trailing tab: the empty label column goes, not a blank year',
      ['', '', '', '', '—', '—', '—', ''],
      ['', '', '', '—', '—', '—'],
    ],
    [
      'no 計 printed after the label column: the empty label column goes',
      ['', '100', '100', '100', '100', '100', ''],
      ['100', '100', '100', '100', '100', ''],
    ],
  ];
  for (const [name, cells, expected] of cases) assert.deepEqual(alignBudgetValues(cells, 6), expected, name);
});

test('alignBudgetValues does not change its input', () => {
  const cells = ['', '408', '408', '401', '401', '401', '2,019', ''];
  alignBudgetValues(cells, 6);
  assert.deepEqual(cells, ['', '408', '408', '401', '401', '401', '2,019', '']);
});
