import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalMunicipalityName,
  findKnownMunicipality,
  findMunicipalityCode,
  normalizeMunicipalityName,
} from './known-municipalities.js';
import { KNOWN_MUNICIPALITIES } from './known-municipalities-data.js';
import { isValidMunicipalityCode } from './municipality-code.js';

test('every embedded code passes the check digit', () => {
  assert.ok(KNOWN_MUNICIPALITIES.length > 0);
  for (const entry of KNOWN_MUNICIPALITIES) {
    assert.ok(isValidMunicipalityCode(entry.code), `${entry.code} ${entry.name}`);
    assert.ok(entry.code.startsWith(entry.prefectureCode), `${entry.code} ${entry.name}`);
    assert.ok(entry.name.endsWith(entry.kind), `${entry.code} ${entry.name}`);
  }
});

test('codes and names are unique, so no lookup is ambiguous', () => {
  const codes = new Set(KNOWN_MUNICIPALITIES.map((e) => e.code));
  assert.equal(codes.size, KNOWN_MUNICIPALITIES.length);
  for (const entry of KNOWN_MUNICIPALITIES) {
    for (const name of [entry.name, ...(entry.alsoWritten ?? [])]) {
      assert.equal(findMunicipalityCode(name), entry.code, name);
    }
  }
});

test('the 青森圏域 members match shared/reference/municipalities.json', () => {
  const expected = [
    ['022012', '青森市', '市'],
    ['023019', '平内町', '町'],
    ['023035', '今別町', '町'],
    ['023078', '外ヶ浜町', '町'],
    ['023043', '蓬田村', '村'],
  ] as const;
  for (const [code, name, kind] of expected) {
    assert.deepEqual(
      { code: findKnownMunicipality(name)?.code, kind: findKnownMunicipality(name)?.kind },
      { code, kind },
      name,
    );
  }
});

test('外ヶ浜町 in all its spellings', () => {
  for (const name of [
    '外ヶ浜町',
    '外ケ浜町',
    '外ｹ浜町',
    '外ヵ浜町',
    '外カ浜町',
    '外ヶ浜',
    ' 外 ヶ 浜 町 ',
    '外　ケ　浜　町',
  ]) {
    assert.equal(findMunicipalityCode(name), '023078', name);
    assert.equal(canonicalMunicipalityName(name), '外ヶ浜町', name);
  }
});

test('other variants', () => {
  assert.equal(findMunicipalityCode('六ケ所村'), '024112');
  assert.equal(canonicalMunicipalityName('鯵ケ沢町'), '鰺ヶ沢町');
  assert.equal(findMunicipalityCode('平　内　町'), '023019');
  assert.equal(findMunicipalityCode('ｵｲﾗｾ町'), undefined, 'katakana is not hiragana');
});

test('unknown names give undefined', () => {
  for (const name of ['', '青森', '青森県', '盛岡市', '外浜町', '平内']) {
    assert.equal(findMunicipalityCode(name), undefined, name);
    assert.equal(canonicalMunicipalityName(name), undefined, name);
  }
});

test('normalizeMunicipalityName folds the small ke only between kanji', () => {
  assert.equal(normalizeMunicipalityName('外ケ浜町'), '外ヶ浜町');
  assert.equal(normalizeMunicipalityName('ＡＢＣ'), 'ABC');
  assert.equal(normalizeMunicipalityName('ケーキ町'), 'ケーキ町');
  assert.equal(normalizeMunicipalityName('カ町'), 'カ町');
});
