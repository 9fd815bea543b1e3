import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInt8, parseTimestamptz } from './type-parsers.js';

test('timestamptz text in any offset becomes the same UTC instant', () => {
  assert.equal(parseTimestamptz('2022-03-31 23:30:00+09'), '2022-03-31T14:30:00.000Z');
  assert.equal(parseTimestamptz('2022-03-31 14:30:00.123456+00'), '2022-03-31T14:30:00.123Z');
  assert.equal(parseTimestamptz('2022-03-31 20:00:00+05:30'), '2022-03-31T14:30:00.000Z');
  assert.equal(parseTimestamptz('1890-01-01 09:18:59+09:18:59'), '1890-01-01T00:00:00.000Z');
  assert.equal(parseTimestamptz('infinity'), 'infinity');
});

test('int8 within the safe range is a number; past it, an error', () => {
  assert.equal(parseInt8('-9007199254740991'), -9007199254740991);
  assert.throws(() => parseInt8('9007199254740992'), RangeError);
});
