import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTwoFactorCode } from './read-two-factor-code.js';

test('codes as typed: six digits (full-width folded, spaces dropped) or a backup code; anything else refused', () => {
  assert.deepEqual(readTwoFactorCode(' １２３ ４５６ '), { kind: 'totp', code: '123456' });
  assert.deepEqual(readTwoFactorCode('abcde-12345'), { kind: 'backup_code', code: 'abcde-12345' });
  assert.deepEqual(readTwoFactorCode('ABCDE12345'), { kind: 'backup_code', code: 'ABCDE-12345' });
  for (const bad of ['12345', '1234567', 'abc', '', undefined, 'abcde-1234!']) {
    assert.equal(readTwoFactorCode(bad), undefined);
  }
});
