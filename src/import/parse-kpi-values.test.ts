import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Baseline, Target } from '../domain/vision.js';
import { parseBaseline, parseTarget } from './parse-kpi-values.js';

test('parseBaseline reads every baseline form of the sample', () => {
  const cases: [string, Baseline][] = [
    ['44事業 (2020年度見込)', { text: '44事業 (2020年度見込)', value: 44, unit: '事業', asOf: '2020年度見込' }],
    ['100% <sup>※</sup> (2019年度見込)', { text: '100% (2019年度見込)', value: 100, unit: '%', asOf: '2019年度見込' }],
    ['102 団体 (2020 年度実績)', { text: '102団体 (2020年度実績)', value: 102, unit: '団体', asOf: '2020年度実績' }],
    ['7事業 （2019年度見込）', { text: '7事業 （2019年度見込）', value: 7, unit: '事業', asOf: '2019年度見込' }],
    ['6,936千人 (2018年実績)', { text: '6,936千人 (2018年実績)', value: 6936, unit: '千人', asOf: '2018年実績' }],
    ['1 回 (2019 年度実績)', { text: '1回 (2019年度実績)', value: 1, unit: '回', asOf: '2019年度実績' }],
    ['138 機関 (2019年度見込)', { text: '138機関 (2019年度見込)', value: 138, unit: '機関', asOf: '2019年度見込' }],
    [
      '1,163,775冊 (2018年度実績)',
      { text: '1,163,775冊 (2018年度実績)', value: 1163775, unit: '冊', asOf: '2018年度実績' },
    ],
    ['51.8% (2018年度実績)', { text: '51.8% (2018年度実績)', value: 51.8, unit: '%', asOf: '2018年度実績' }],
    [
      '27,444千円 (2018年度実績)',
      { text: '27,444千円 (2018年度実績)', value: 27444, unit: '千円', asOf: '2018年度実績' },
    ],
    [
      '１，１００件 (2020年度見込)',
      { text: '１，１００件 (2020年度見込)', value: 1100, unit: '件', asOf: '2020年度見込' },
    ],
    ['100%', { text: '100%', value: 100, unit: '%', asOf: null }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseBaseline(input), expected, input);
});

test('parseBaseline gives no value for a dash or an empty cell', () => {
  for (const dash of ['—', '－', '-', '‐', '']) {
    assert.deepEqual(parseBaseline(dash), { text: dash, value: null, unit: null, asOf: null }, dash);
  }
  assert.deepEqual(parseBaseline('— (2020年度見込)'), {
    text: '— (2020年度見込)',
    value: null,
    unit: null,
    asOf: '2020年度見込',
  });
});

type TargetReading = Pick<Target, 'kind' | 'value' | 'unit' | 'per' | 'mergedInto'>;

function reading(target: Target): TargetReading {
  const { kind, value, unit, per, mergedInto } = target;
  return { kind, value, unit, per, mergedInto };
}

test('parseTarget reads every target form of the sample', () => {
  const none = { value: null, unit: null, per: null, mergedInto: null };
  const cases: [string, TargetReading][] = [
    ['52事業', { kind: 'absolute', value: 52, unit: '事業', per: null, mergedInto: null }],
    ['50,500千円', { kind: 'absolute', value: 50500, unit: '千円', per: null, mergedInto: null }],
    ['１，１００件', { kind: 'absolute', value: 1100, unit: '件', per: null, mergedInto: null }],
    ['1,200,000冊', { kind: 'absolute', value: 1200000, unit: '冊', per: null, mergedInto: null }],
    ['143 機関', { kind: 'absolute', value: 143, unit: '機関', per: null, mergedInto: null }],
    ['NO.4に統合', { kind: 'merged_into', ...none, mergedInto: 4 }],
    ['ＮＯ．４に統合', { kind: 'merged_into', ...none, mergedInto: 4 }],
    ['No. 12に統合', { kind: 'merged_into', ...none, mergedInto: 12 }],
    ['1件以上/年度', { kind: 'per_year_at_least', value: 1, unit: '件', per: '年度', mergedInto: null }],
    ['1回以上/年', { kind: 'per_year_at_least', value: 1, unit: '回', per: '年', mergedInto: null }],
    ['1 回以上/年度', { kind: 'per_year_at_least', value: 1, unit: '回', per: '年度', mergedInto: null }],
    ['11回以上/年度', { kind: 'per_year_at_least', value: 11, unit: '回', per: '年度', mergedInto: null }],
    ['1回以上／年度', { kind: 'per_year_at_least', value: 1, unit: '回', per: '年度', mergedInto: null }],
    ['年1回以上', { kind: 'per_year_at_least', value: 1, unit: '回', per: '年', mergedInto: null }],
    ['毎年度2回以上', { kind: 'per_year_at_least', value: 2, unit: '回', per: '年度', mergedInto: null }],
    ['61.3%', { kind: 'percentage', value: 61.3, unit: '%', per: null, mergedInto: null }],
    ['56.4%', { kind: 'percentage', value: 56.4, unit: '%', per: null, mergedInto: null }],
    ['100%', { kind: 'percentage', value: 100, unit: '%', per: null, mergedInto: null }],
    ['６１．３％', { kind: 'percentage', value: 61.3, unit: '%', per: null, mergedInto: null }],
    ['—', { kind: 'none', ...none }],
    ['－', { kind: 'none', ...none }],
    ['-', { kind: 'none', ...none }],
    ['', { kind: 'none', ...none }],
  ];
  for (const [input, expected] of cases) assert.deepEqual(reading(parseTarget(input, 2024)), expected, input);
});

test('parseTarget keeps the cleaned text and the fiscal year it is given', () => {
  assert.equal(parseTarget('1 回以上/年度', 2024).text, '1回以上/年度');
  assert.equal(parseTarget('143 機関', 2024).text, '143機関');
  assert.equal(parseTarget('ＮＯ．４に統合', 2024).text, 'ＮＯ．４に統合');
  assert.equal(parseTarget('<u>52事業</u>', 2024).text, '52事業');
  assert.equal(parseTarget('100% <sup>※</sup>', 2024).text, '100%');
  assert.equal(parseTarget('52事業', 2024).fiscalYear, 2024);
  assert.equal(parseTarget('52事業', null).fiscalYear, null);
  assert.equal(parseTarget('—', 2030).fiscalYear, 2030);
});

test('a number too long to be a value is read as none, not cut into a value and a unit', () => {
  const long = parseTarget('1234567890123456789人', 2024);
  assert.equal(long.value, null);
  assert.equal(long.unit, null);
  assert.equal(parseTarget('12.34567891%', 2024).value, 12.34567891);
  assert.equal(parseTarget('1,234,567件', 2024).value, 1234567);
  assert.equal(parseTarget('12,345,678,901,234,567円', 2024).value, null);
  assert.equal(parseBaseline(`${'1'.repeat(40)}件 (2020年度実績)`).value, null);
});
