import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinSourceLines, joinWrappedLines } from './source-lines.js';

test('lines join into the tab-separated text the importer reads, with the page of each line', () => {
  const joined = joinSourceLines([
    { cells: ['事業名', '1', '懇談会\tの運営'], page: 3 },
    { cells: [''], page: 4 },
  ]);
  assert.deepEqual(joined, { text: '事業名\t1\t懇談会 の運営\n', pages: [3, 4] });
  assert.deepEqual(joinSourceLines([{ cells: ['a'], page: null }]).pages, []);
});

test('a wrapped cell joins without a space, except at a drawn space or a browser word break', () => {
  assert.equal(joinWrappedLines(['圏域全体の', 'けん引']), '圏域全体のけん引');
  assert.equal(joinWrappedLines(['AOMO', 'RI STARTUP ', 'CENTER']), 'AOMORI STARTUP CENTER');
  assert.equal(joinWrappedLines(['(3', '7 事業)']), '(37 事業)');
  assert.equal(joinWrappedLines([{ text: 'AOMORI', wordBreak: true }, 'STARTUP']), 'AOMORI STARTUP');
  assert.equal(joinWrappedLines([{ text: '開催し、', wordBreak: true }, 'RPA']), '開催し、RPA');
  assert.equal(joinWrappedLines(['<u>青森圏域</u>', '<u>連携事業</u>']), '<u>青森圏域連携事業</u>');
});
