import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchStableKeys, projectKeyPasses, toComparableName } from './match-stable-keys.js';

const previous = [
  { key: 11, item: { number: 1, name: '甲事業' } },
  { key: 12, item: { number: 2, name: '乙事業' } },
  { key: 13, item: { number: 3, name: '丙事業' } },
];

test('number and name, then name, then number; each old key at most once', () => {
  const keys = matchStableKeys(
    previous,
    [
      { number: 1, name: '乙事業' }, // renumbered 乙 (name), not 甲 (number)
      { number: 2, name: '甲事業' }, // renumbered 甲 (name)
      { number: 3, name: '丙事業（改称）' }, // renamed, same number
      { number: 4, name: '丁事業' }, // new
    ],
    projectKeyPasses,
  );
  assert.deepEqual(keys, [12, 11, 13, undefined]);
});

test('a duplicate in the new revision does not take the same key twice', () => {
  const keys = matchStableKeys(
    previous,
    [
      { number: 1, name: '甲事業' },
      { number: 1, name: '甲事業' },
    ],
    projectKeyPasses,
  );
  assert.deepEqual(keys, [11, undefined]);
});

test('names compare after NFKC with spaces removed, so PDF line-break spaces do not break identity', () => {
  assert.equal(
    toComparableName('あおもり フィールドスタ ディ　支援事業（ＰＲ）'),
    'あおもりフィールドスタディ支援事業(PR)',
  );
  assert.deepEqual(matchStableKeys(previous, [{ number: 9, name: '丙 事 業' }], projectKeyPasses), [13]);
});

test('no previous revision: every item is new', () => {
  assert.deepEqual(matchStableKeys([], [{ number: 1, name: 'x' }], projectKeyPasses), [undefined]);
});
