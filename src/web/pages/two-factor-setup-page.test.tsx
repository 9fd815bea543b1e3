import assert from 'node:assert/strict';
import { test } from 'node:test';
import { messages } from '../messages.js';
import { TwoFactorBackupCodesPage } from './two-factor-setup-page.js';

const viewer = { email: 'a@example.jp', roles: [], links: [], csrf: 't', path: '/account/two-factor/confirm' };

test('backup codes page: its wording says why they are shown, its crumb names the account page as the menu does', async () => {
  const codes = Array.from({ length: 10 }, (_, i) => `abcd${i}-12345`);
  const made = String(await (<TwoFactorBackupCodesPage viewer={viewer} backupCodes={codes} reason="regenerated" />));
  assert.match(made, /<title>バックアップコードを作り直しました/);
  assert.match(made, /今までのバックアップコードは、もう使えません/);
  assert.match(made, new RegExp(`<a href="/account">${messages.staff.menu.account}</a>`));
  assert.equal([...made.matchAll(/<li><code>/g)].length, 10);
  const enabled = String(await (<TwoFactorBackupCodesPage viewer={viewer} backupCodes={codes} reason="enabled" />));
  assert.match(enabled, /二段階認証を有効にしました。次のログインから/);
});
