import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeCheckDigit, isValidMunicipalityCode } from './municipality-code.js';

const REAL_CODES = {
  '022012': '青森市',
  '023019': '平内町',
  '023035': '今別町',
  '023078': '外ヶ浜町',
  '023043': '蓬田村',
  '020001': '青森県',
  '131016': '千代田区',
  '011002': '札幌市',
};

test('real codes are valid', () => {
  for (const [code, name] of Object.entries(REAL_CODES)) {
    assert.equal(isValidMunicipalityCode(code), true, `${code} ${name}`);
    assert.equal(computeCheckDigit(code.slice(0, 5)), code.slice(5), `${code} ${name}`);
  }
});

test('computeCheckDigit maps remainder 0 to 1 and remainder 1 to 0', () => {
  // 00000: sum 0, remainder 0 → 11 → 1
  assert.equal(computeCheckDigit('00000'), '1');
  // 00003: sum 6, remainder 6 → 5
  assert.equal(computeCheckDigit('00003'), '5');
  // 10001: sum 8 → 3; 01002: sum 9 → 2
  assert.equal(computeCheckDigit('10001'), '3');
  assert.equal(computeCheckDigit('01002'), '2');
  // 00006: sum 12, remainder 1 → 10 → 0
  assert.equal(computeCheckDigit('00006'), '0');
});

test('computeCheckDigit refuses anything but five ASCII digits', () => {
  for (const bad of ['0220', '022012', '０２２０１', '0220a', '', ' 2201']) {
    assert.throws(() => computeCheckDigit(bad), RangeError, bad);
  }
});

test('invalid codes', () => {
  const cases = [
    '022013', // 青森市 with a wrong check digit
    '023079',
    '131010',
    '02201', // five digits
    '0220120', // seven digits
    '０２２０１２', // full-width digits
    '02201a',
    'abcdef',
    ' 022012',
    '022012 ',
    '',
  ];
  for (const code of cases) {
    assert.equal(isValidMunicipalityCode(code), false, code);
  }
});
