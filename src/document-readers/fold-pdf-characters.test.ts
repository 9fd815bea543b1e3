import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldPdfCharacters } from './fold-pdf-characters.js';

test('radicals a CJK font shares with an ideograph fold back; other characters stay as printed', () => {
  assert.equal(foldPdfCharacters('⻘森市の⼈⼝‧世帯'), '青森市の人口・世帯');
  assert.equal(foldPdfCharacters('⺠間と⻑期の⾒込'), '民間と長期の見込');
  assert.equal(foldPdfCharacters('外ヶ浜町 ①～③ ㈱'), '外ヶ浜町 ①～③ ㈱');
});
