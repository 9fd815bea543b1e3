import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SheetIssue } from './parse-project-sheet.js';
import { isBudgetHeader, readBudget } from './read-budget.js';
import type { TextLine } from './split-lines.js';

const line = (no: number, cells: string[]): TextLine => ({ no, text: cells.join('\t'), cells });
const header = line(10, ['事業費見込額', 'R4年度', 'R5年度', '計', '（単位：千円）']);

test('readBudget reads each year and the total in thousand yen', () => {
  const issues: SheetIssue[] = [];
  const budget = readBudget(header, line(11, ['', '408', '—', '408']), issues);
  assert.deepEqual(budget, {
    years: [
      { fiscalYear: 2022, amount: 408, mark: null },
      { fiscalYear: 2023, amount: null, mark: 'dash' },
    ],
    total: { amount: 408, mark: null },
    unit: '千円',
    line: 11,
  });
  assert.deepEqual(issues, []);
});

test('readBudget converts yen to thousand yen and says so', () => {
  const issues: SheetIssue[] = [];
  const yen = line(10, ['事業費見込額', 'R4年度', '計', '（単位：円）']);
  const budget = readBudget(yen, line(11, ['1,500,400', '1,500,400']), issues);
  assert.equal(budget?.total.amount, 1500);
  assert.equal(budget?.unit, '千円');
  assert.deepEqual(
    issues.map((i) => [i.code, i.message]),
    [['source_converted', '事業費の単位が円のため、千円に換算しました（千円未満は四捨五入）']],
  );
});

test('readBudget reports a missing value row and an unreadable cell', () => {
  const missing: SheetIssue[] = [];
  assert.equal(readBudget(header, undefined, missing), null);
  assert.deepEqual(
    missing.map((i) => [i.code, i.line]),
    [['missing_budget_row', 10]],
  );
  const unreadable: SheetIssue[] = [];
  readBudget(header, line(11, ['408', '未定', '408']), unreadable);
  assert.deepEqual(
    unreadable.map((i) => [i.code, i.excerpt]),
    [['unreadable_cell', '未定']],
  );
});

test('isBudgetHeader needs a fiscal year and 計', () => {
  assert.equal(isBudgetHeader(header), true);
  assert.equal(isBudgetHeader(line(1, ['R4年度', 'R5年度'])), false);
  assert.equal(isBudgetHeader(line(1, ['事業費', '合 計'])), false);
});
