/**
 * The account page's password change over HTTP: each refusal answers the form again (422) with its message beside
 * the field and changes nothing; a right one answers 303 to the page, which says so, and the new password signs in.
 * Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app.js';
import { MIN_PASSWORD_LENGTH } from '../../src/service/accounts/account-auth.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { messages } from '../../src/web/messages.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { signedInClient, TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

const EMAIL = 'admin@example.jp';
const TEXT = messages.staff.account;
const NEW_PASSWORD = 'a new password that is long enough';

for (const engine of testEngines) {
  describe(`the password change on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    let client: WebClient;

    before(async () => {
      database = await openMigrated(engine);
      app = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      client = await signedInClient(app, database.db, { email: EMAIL, role: 'admin' });
    });
    after(async () => {
      await database?.close();
    });

    const change = (fields: Record<string, string>) =>
      client.postForm('/account/password', { currentPassword: '', newPassword: '', confirmPassword: '', ...fields });

    test('a refused change answers the form again with the message beside its field', async () => {
      const cases: [Record<string, string>, string, string][] = [
        [{ newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, 'currentPassword', TEXT.currentPasswordMissing],
        [
          { currentPassword: 'not the password', newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
          'currentPassword',
          TEXT.currentPasswordWrong,
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: 'short', confirmPassword: 'short' },
          'newPassword',
          TEXT.newPasswordTooShort(MIN_PASSWORD_LENGTH),
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` },
          'confirmPassword',
          TEXT.confirmPasswordDiffers,
        ],
      ];
      for (const [fields, field, message] of cases) {
        const answer = await change(fields);
        assert.equal(answer.status, 422, `${field}: ${message}`);
        const page = await answer.text();
        assert.ok(page.includes(`<p class="error-message" id="${field}-error">${message}</p>`), message);
      }
    });

    test('a right change answers 303 to the page, which says so; the new password signs in', async () => {
      const answer = await change({
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
      assert.equal(answer.status, 303);
      assert.equal(answer.headers.get('location'), '/account?changed=1');
      const page = await (await client.request('/account?changed=1')).text();
      assert.ok(page.includes(TEXT.passwordChanged));
      // the staff menu marks the page shown (the server passes the request's path to the layout)
      assert.ok(
        page.includes(
          `<a href="/account" class="staff-nav__link" aria-current="page">${messages.staff.menu.account}</a>`,
        ),
      );
      const again = new WebClient(app);
      assert.equal((await again.signIn(EMAIL, NEW_PASSWORD)).status, 303);
      assert.ok(again.signedIn);
    });
  });
}
