import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBudgetYearLabel, readFiscalYearLabel } from './read-fiscal-year-label.js';

test('fiscal-year headers with the 和暦 in brackets', () => {
  assert.equal(readFiscalYearLabel('2020年度（R2）'), 2020);
  assert.equal(readFiscalYearLabel('2024年度(令和6年度)'), 2024);
  assert.equal(readFiscalYearLabel('2024年度（R6'), 2024);
  assert.equal(readFiscalYearLabel('R2年度'), 2020);
  assert.equal(readFiscalYearLabel('計'), null);
  assert.equal(readFiscalYearLabel('（2020年度）'), null);
});

test('a budget column printed without its 度 is still the fiscal year; other text is not', () => {
  assert.equal(readBudgetYearLabel('2020年'), 2020);
  assert.equal(readBudgetYearLabel('R4年'), 2022);
  assert.equal(readBudgetYearLabel('2020年度（R2）'), 2020);
  assert.equal(readBudgetYearLabel('2020年（R2）'), 2020);
  assert.equal(readBudgetYearLabel('令和4年（2022年）'), 2022);
  assert.equal(readBudgetYearLabel('2020年3月'), null);
  assert.equal(readBudgetYearLabel('計'), null);
  // outside the budget table 年 may be a calendar year
  assert.equal(readFiscalYearLabel('2020年'), null);
});
