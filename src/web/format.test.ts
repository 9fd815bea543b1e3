import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatAmount,
  formatBudgetCell,
  formatDateTimeJa,
  formatFiscalYearLabel,
  formatShortFiscalYear,
} from './format.js';

test('amounts get thousands separators and no unit', () => {
  assert.equal(formatAmount(41888), '41,888');
  assert.equal(formatAmount(0), '0');
  assert.equal(formatAmount(408), '408');
  assert.equal(formatAmount(1234567), '1,234,567');
  assert.equal(formatAmount(-1200), '-1,200');
});

test('budget cells: amount, dash and blank stay distinct', () => {
  assert.equal(formatBudgetCell({ amount: 41888, mark: null }), '41,888');
  assert.equal(formatBudgetCell({ amount: 0, mark: null }), '0');
  assert.equal(formatBudgetCell({ amount: null, mark: 'dash' }), '—');
  assert.equal(formatBudgetCell({ amount: null, mark: 'blank' }), '記載なし');
});

test('fiscal years: western with 和暦 for reading, western alone when short', () => {
  assert.equal(formatFiscalYearLabel(2022), '2022年度（令和4年度）');
  assert.equal(formatFiscalYearLabel(2019), '2019年度（令和元年度）');
  assert.equal(formatFiscalYearLabel(2018), '2018年度（平成30年度）');
  assert.equal(formatShortFiscalYear(2022), '2022年度');
  assert.throws(() => formatShortFiscalYear(2022.5), RangeError);
});

test('date-times are shown in Japan time whatever the zone of the input', () => {
  assert.equal(formatDateTimeJa('2026-11-28T05:05:00Z'), '2026年11月28日 14:05');
  assert.equal(formatDateTimeJa('2026-11-28T14:05:00+09:00'), '2026年11月28日 14:05');
  // 15:00 UTC is midnight of the next day in Tokyo: the date moves, the hour is 0 (not 24)
  assert.equal(formatDateTimeJa('2026-03-31T15:00:00Z'), '2026年4月1日 0:00');
  assert.throws(() => formatDateTimeJa('not a date'), RangeError);
});
