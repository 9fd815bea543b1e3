import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseMarkReading, readRelatedMunicipalities } from './resolve-participants.js';

const PARTNERS = ['平内町', '今別町', '外ヶ浜町', '蓬田村'];
const CITY = '青森市';

test('全市町村 and its variants name every partner', () => {
  for (const text of ['全市町村', '全町村', '全 市町村', ' 全市町村 ', '圏域全体']) {
    assert.deepEqual(readRelatedMunicipalities(text, PARTNERS, CITY), { indexes: [0, 1, 2, 3], unknown: [] }, text);
  }
  assert.deepEqual(readRelatedMunicipalities('全市町村', ['平内町', '今別町'], CITY).indexes, [0, 1]);
});

test('a list names the partners it lists, without the central city', () => {
  const cases: [string, number[]][] = [
    ['青森市、平内町、外ケ浜町', [0, 2]],
    ['青森市・今別町・蓬田村', [1, 3]],
    ['平内町及び外ヶ浜町', [0, 2]],
    ['蓬田村，平内町', [0, 3]],
    ['外ヶ浜町', [2]],
    ['外ヶ浜', [2]],
    ['青森市', []],
  ];
  for (const [text, indexes] of cases) {
    assert.deepEqual(readRelatedMunicipalities(text, PARTNERS, CITY), { indexes, unknown: [] }, text);
  }
});

test('a name that is neither a partner nor the central city is reported', () => {
  assert.deepEqual(readRelatedMunicipalities('青森市、平内町、弘前市', PARTNERS, CITY), {
    indexes: [0],
    unknown: ['弘前市'],
  });
  assert.deepEqual(readRelatedMunicipalities('青森市、東京都', PARTNERS, CITY), { indexes: [], unknown: ['東京都'] });
  assert.deepEqual(readRelatedMunicipalities('青森市、平内町', PARTNERS, null), { indexes: [0], unknown: ['青森市'] });
});

test('no 関係市町村 text gives no indexes', () => {
  for (const text of [null, '', '   ']) {
    assert.deepEqual(readRelatedMunicipalities(text, PARTNERS, CITY), { indexes: null, unknown: [] }, String(text));
  }
});

test('chooseMarkReading prefers the reading that agrees with 関係市町村', () => {
  const readings = [
    [1, 2],
    [0, 1],
  ];
  assert.deepEqual(chooseMarkReading(readings, [0, 1]), [0, 1]);
  assert.deepEqual(chooseMarkReading(readings, [1, 2]), [1, 2]);
  assert.deepEqual(chooseMarkReading(readings, [2, 3]), [1, 2], 'no agreement: the best reading');
  assert.deepEqual(chooseMarkReading(readings, [0, 1, 2]), [1, 2], 'same prefix but longer');
  assert.deepEqual(chooseMarkReading(readings, null), [1, 2]);
  assert.deepEqual(chooseMarkReading([], [0]), []);
});
