import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayTurnOffOwnTwoFactor, operatorActor } from '../domain/access-policy.js';
import { openTwoFactorSetup, sealTwoFactorSetup } from './seal-two-factor-setup.js';

const setup = { totpUri: 'otpauth://totp/Renkei:a%40example.jp?secret=ABCD', backupCodes: ['abcde-12345'] };

test('a sealed set-up opens for the same account within 15 minutes, and for nobody else', () => {
  const sealed = sealTwoFactorSetup(setup, 'secret', 'user-1', 1_000_000);
  assert.doesNotMatch(sealed, /abcde|otpauth/, 'encrypted, not only signed');
  assert.deepEqual(openTwoFactorSetup(sealed, 'secret', 'user-1', 1_000_000 + 14 * 60_000), setup);
  const refused = { code: 'INVALID_INPUT' };
  assert.throws(() => openTwoFactorSetup(sealed, 'secret', 'user-2', 1_000_000), refused);
  assert.throws(() => openTwoFactorSetup(sealed, 'other secret', 'user-1', 1_000_000), refused);
  assert.throws(() => openTwoFactorSetup(sealed, 'secret', 'user-1', 1_000_000 + 16 * 60_000), refused);
  assert.throws(() => openTwoFactorSetup(`${sealed.slice(0, -2)}AA`, 'secret', 'user-1', 1_000_000), refused);
  assert.throws(() => openTwoFactorSetup(undefined, 'secret', 'user-1'), refused);
  assert.throws(() => openTwoFactorSetup('a.b', 'secret', 'user-1'), refused);
});

test('admins keep two-factor on: only other accounts (and the operator) may turn it off', () => {
  const account = (role: 'admin' | 'council') => ({
    kind: 'account' as const,
    userId: 'u',
    label: 'a@example.jp',
    channel: 'web' as const,
    grants: role === 'admin' ? [{ role: 'admin' as const }] : [{ role: 'council' as const, areaId: 1 }],
  });
  assert.equal(mayTurnOffOwnTwoFactor(account('admin')), false);
  assert.equal(mayTurnOffOwnTwoFactor(account('council')), true);
  assert.equal(mayTurnOffOwnTwoFactor(operatorActor('cli')), true);
});
