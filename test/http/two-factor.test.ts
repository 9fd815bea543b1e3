/**
 * Two-factor sign-in (issue 7 item 1) over HTTP, with codes computed from the secret the page shows by an
 * independent RFC 6238 implementation (test/helpers/totp.ts): set up with the password and a first code, backup
 * codes shown once; a sign-in with the password alone gives no session; the second step refuses wrong codes
 * (audited, limited) and signs in with a right one or a backup code (once); an account turns it off with its
 * password and a code, an admin cannot; `resetAccountTwoFactor` (renkei user reset-2fa) clears a lost device.
 * Runs on PGlite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { sql } from 'kysely';
import { operatorActor } from '../../src/domain/access-policy.js';
import { createApp } from '../../src/server/app.js';
import { addAccount, resetAccountTwoFactor } from '../../src/service/accounts/manage-accounts.js';
import { importDocument } from '../../src/service/import-document.js';
import type { OpenDatabase } from '../../src/store/connect.js';
import { repoPath } from '../helpers/read-fixture.js';
import { openMigrated, testEngines } from '../helpers/test-databases.js';
import { readSetupPage, totpCode, wrongTotpCode } from '../helpers/totp.js';
import { TEST_PASSWORD, WebClient } from '../helpers/web-client.js';

const STAFF = 'council@hachinohe.example.jp';
const AREA = 'hachinohe';
const OTHER = readFileSync(repoPath('test/fixtures/import/other-area-seven-partners.txt'));
const ADMIN = 'admin@example.jp';
const SECOND = 'second@hachinohe.example.jp';

/** Signs in with the password and sets two-factor up; answers the secret and the backup codes. */
async function enableTwoFactor(client: WebClient): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await client.postForm('/account/two-factor/enable', { twoFactorPassword: TEST_PASSWORD });
  assert.equal(setup.status, 200);
  const page = await setup.text();
  const { secret } = readSetupPage(page);
  const sealed = /name="setup" value="([^"]+)"/.exec(page)?.[1] ?? '';
  const confirmed = await client.postForm('/account/two-factor/confirm', { setup: sealed, code: totpCode(secret) });
  assert.equal(confirmed.status, 200);
  const done = await confirmed.text();
  const backupCodes = [...done.matchAll(/<li><code>([\w-]+)<\/code><\/li>/g)].map((m) => m[1] as string);
  return { secret, backupCodes };
}

async function signedIn(app: Hono, email: string): Promise<WebClient> {
  const client = new WebClient(app);
  const answer = await client.signIn(email, TEST_PASSWORD);
  assert.equal(answer.status, 303);
  assert.equal(answer.headers.get('location'), '/staff');
  assert.ok(client.signedIn);
  return client;
}

test('the test helper gives RFC 6238 appendix B codes (SHA-1, last 6 of the 8 digits)', () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // base32 of "12345678901234567890"
  assert.equal(totpCode(secret, 59_000), '287082');
  assert.equal(totpCode(secret, 1_111_111_109_000), '081804');
  assert.equal(totpCode(secret, 20_000_000_000_000), '353130');
});

for (const engine of testEngines) {
  describe(`two-factor sign-in on ${engine.name}`, () => {
    let database: OpenDatabase;
    let app: Hono;
    const secrets = new Map<string, string>();
    const backupCodesOf = new Map<string, string[]>();
    const auditActions = async (email: string) =>
      (
        await database.db
          .selectFrom('audit_entry')
          .select(['action', 'after'])
          .where('actor_label', '=', email)
          .orderBy('id')
          .execute()
      ).map((r) => r.action);
    const twoFactorFlag = async (email: string) =>
      (
        await database.db
          .selectFrom('user')
          .select('twoFactorEnabled')
          .where('email', '=', email)
          .executeTakeFirstOrThrow()
      ).twoFactorEnabled === true; // null for accounts made before the plugin (and by Renkei's own insert)

    /**
     * Moves Renkei's two-factor bookkeeping `minutes` into the past, as if that much time had gone by: a TOTP code
     * works once (refused for 2 minutes), and wrong codes are counted for 15 minutes.
     */
    const passMinutes = async (minutes: number) => {
      await sql`update used_totp_code set used_at = used_at - make_interval(mins => ${minutes})`.execute(database.db);
      await sql`update two_factor_failure set failed_at = failed_at - make_interval(mins => ${minutes})`.execute(
        database.db,
      );
    };
    const sessionCount = async (email: string) =>
      (
        await database.db
          .selectFrom('session')
          .innerJoin('user', 'user.id', 'session.userId')
          .select('session.id')
          .where('user.email', '=', email)
          .execute()
      ).length;
    // each test starts later than the last ended: the codes it used are no longer refused as used
    beforeEach(() => passMinutes(3));

    before(async () => {
      database = await openMigrated(engine);
      app = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 1000 });
      await addAccount(database.db, operatorActor('cli'), {
        email: ADMIN,
        name: '管理者',
        password: TEST_PASSWORD,
        role: { role: 'admin' },
      });
      await importDocument(database.db, operatorActor('cli'), { fileName: 'h.txt', bytes: OTHER, areaSlug: AREA });
      await addAccount(database.db, operatorActor('cli'), {
        email: STAFF,
        name: '委員',
        password: TEST_PASSWORD,
        role: { role: 'council', areaSlug: AREA },
      });
      await addAccount(database.db, operatorActor('cli'), {
        email: SECOND,
        name: '委員二',
        password: TEST_PASSWORD,
        role: { role: 'council', areaSlug: AREA },
      });
    });
    after(async () => {
      await database.close();
    });

    test('set-up: the password first, then a first code; the backup codes are shown once, after the code', async () => {
      const client = await signedIn(app, STAFF);
      const account = await (await client.request('/account')).text();
      assert.match(account, /状態: <strong>無効<\/strong>/);

      const wrong = await client.postForm('/account/two-factor/enable', { twoFactorPassword: 'not the password' });
      assert.equal(wrong.status, 422);
      const wrongPage = await wrong.text();
      assert.match(wrongPage, /id="twoFactorPassword-error">パスワードが違います/);
      assert.match(wrongPage, /aria-invalid="true"/);

      const setup = await client.postForm('/account/two-factor/enable', { twoFactorPassword: TEST_PASSWORD });
      assert.equal(setup.status, 200);
      assert.equal(setup.headers.get('cache-control'), 'no-store');
      const page = await setup.text();
      const { uri, secret } = readSetupPage(page);
      const parsed = new URL(uri);
      assert.equal(parsed.protocol, 'otpauth:');
      assert.equal(parsed.searchParams.get('secret'), secret, 'the secret text is the URI’s');
      assert.equal(parsed.searchParams.get('issuer'), 'Renkei');
      assert.match(decodeURIComponent(parsed.pathname), /council@hachinohe\.example\.jp/);
      assert.doesNotMatch(page, /class="backup-codes"/, 'no backup code before the first code');
      assert.equal(await twoFactorFlag(STAFF), false, 'not on before it is confirmed');

      const sealed = /name="setup" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const bad = await client.postForm('/account/two-factor/confirm', { setup: sealed, code: wrongTotpCode(secret) });
      assert.equal(bad.status, 422);
      const badPage = await bad.text();
      assert.match(badPage, /id="code-error">確認コードが違います/);
      assert.equal(readSetupPage(badPage).secret, secret, 'the secret is shown again');
      assert.equal(await twoFactorFlag(STAFF), false);

      const tampered = await client.postForm('/account/two-factor/confirm', {
        setup: `${sealed.slice(0, -4)}AAAA`,
        code: totpCode(secret),
      });
      assert.equal(tampered.status, 400);
      assert.match(await tampered.text(), /設定の有効期限が切れたか、内容が正しくありません/);

      const elsewhere = await signedIn(app, STAFF); // another browser of the same account
      const confirmed = await client.postForm('/account/two-factor/confirm', { setup: sealed, code: totpCode(secret) });
      assert.equal(confirmed.status, 200);
      const done = await confirmed.text();
      const codes = [...done.matchAll(/<li><code>([\w-]+)<\/code><\/li>/g)].map((m) => m[1] as string);
      assert.equal(codes.length, 10);
      for (const code of codes) assert.match(code, /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
      secrets.set(STAFF, secret);
      backupCodesOf.set(STAFF, codes);
      assert.equal(await twoFactorFlag(STAFF), true);
      assert.ok(client.signedIn, 'still signed in (better-auth replaced the session)');
      assert.match(await (await client.request('/account')).text(), /状態: <strong>有効<\/strong>/);
      assert.ok((await auditActions(STAFF)).includes('account.two_factor_enable'));
      assert.equal((await elsewhere.request('/staff')).status, 303, "turning it on ends the account's other sessions");
      assert.equal(await sessionCount(STAFF), 1);

      // a second submit (or another tab) does not confirm again: no secret overwritten, no backup codes shown again
      await passMinutes(3);
      const again = await client.postForm('/account/two-factor/confirm', { setup: sealed, code: totpCode(secret) });
      assert.equal(again.status, 422);
      const againPage = await again.text();
      assert.match(againPage, /二段階認証はすでに有効です/);
      assert.doesNotMatch(againPage, /class="backup-codes"/);
      assert.equal((await auditActions(STAFF)).filter((a) => a === 'account.two_factor_enable').length, 1);
    });

    test('a TOTP code works once: used again (even by two posts at once) it is refused', async () => {
      const secret = await secretOf(STAFF);
      const first = new WebClient(app);
      await first.signIn(STAFF, TEST_PASSWORD);
      const code = totpCode(secret);
      assert.equal((await first.postForm('/signin/code', { code })).status, 303);
      const second = new WebClient(app);
      await second.signIn(STAFF, TEST_PASSWORD);
      const reused = await second.postForm('/signin/code', { code });
      assert.equal(reused.status, 401);
      assert.match(await reused.text(), /この確認コードはすでに使われています/);
      assert.equal(second.signedIn, false);
      const refusal = await database.db
        .selectFrom('audit_entry')
        .select('after')
        .where('actor_label', '=', STAFF)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(refusal.after, { kind: 'totp', reason: 'CODE_REUSED' });

      // two sign-ins posting one fresh code at once: only one gets in
      await passMinutes(3);
      const racers = [new WebClient(app), new WebClient(app)];
      for (const racer of racers) await racer.signIn(STAFF, TEST_PASSWORD);
      const fresh = totpCode(secret);
      const statuses = await Promise.all(
        racers.map(async (r) => (await r.postForm('/signin/code', { code: fresh })).status),
      );
      assert.deepEqual(statuses.sort(), [303, 401]);

      // a wrong code is not kept as used (only accepted ones are)
      assert.equal(
        (
          await database.db
            .selectFrom('used_totp_code')
            .select('code')
            .where('code', '=', wrongTotpCode(secret))
            .execute()
        ).length,
        0,
      );
    });

    test('the second step checks the challenge even when the browser also holds a session', async () => {
      const secret = await secretOf(STAFF);
      const holder = new WebClient(app);
      await holder.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await holder.postForm('/signin/code', { code: totpCode(secret) })).status, 303);
      const sessionCookie = [...holder.cookies].find(([name]) => name.includes('session_token'));
      assert.ok(sessionCookie, 'a session cookie to copy');
      const client = new WebClient(app);
      await client.signIn(STAFF, TEST_PASSWORD);
      client.cookies.set(sessionCookie[0], sessionCookie[1]);
      for (let i = 0; i < 5; i++) {
        assert.equal((await client.postForm('/signin/code', { code: wrongTotpCode(secret) })).status, 401);
      }
      await passMinutes(3);
      const ended = await client.postForm('/signin/code', { code: totpCode(secret) });
      assert.equal(ended.status, 401, 'the challenge ended after five wrong codes, session or not');
      assert.match(await ended.text(), /もう一度メールアドレスとパスワードを入力してください/);
    });

    test('the password alone gives no session; a wrong code is refused beside the field; a right one signs in', async () => {
      const secret = await secretOf(STAFF);
      const client = new WebClient(app);
      const sessionsNow = () =>
        database.db
          .selectFrom('session')
          .innerJoin('user', 'user.id', 'session.userId')
          .select('session.id')
          .where('user.email', '=', STAFF)
          .execute();
      const sessionsBefore = (await sessionsNow()).length;
      const first = await client.signIn(STAFF, TEST_PASSWORD);
      assert.equal(first.status, 303);
      assert.equal(first.headers.get('location'), '/signin/code');
      assert.equal(client.signedIn, false, 'no session cookie after the password');
      const staff = await client.request('/staff');
      assert.equal(staff.status, 303, 'staff pages still ask to sign in');
      assert.match(staff.headers.get('location') ?? '', /^\/signin\?next=/);
      assert.equal((await sessionsNow()).length, sessionsBefore, 'no new session row either');

      const form = await client.request('/signin/code');
      assert.equal(form.status, 200);
      assert.match(await form.text(), /council@hachinohe\.example\.jp は二段階認証を使っています/);

      const wrong = await client.postForm('/signin/code', { code: wrongTotpCode(secret) });
      assert.equal(wrong.status, 401);
      const wrongPage = await wrong.text();
      assert.match(wrongPage, /id="code-error">確認コードが違います/);
      assert.match(wrongPage, /aria-describedby="code-hint code-error"/);
      assert.equal(client.signedIn, false);
      assert.equal((await auditActions(STAFF)).at(-1), 'account.two_factor_refused');

      // full-width digits are folded, as on the other forms
      const fullWidth = totpCode(secret).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      const right = await client.postForm('/signin/code', { code: fullWidth });
      assert.equal(right.status, 303);
      assert.equal(right.headers.get('location'), '/staff');
      assert.ok(client.signedIn);
      assert.equal((await client.request('/staff')).status, 200);
      const signIn = await database.db
        .selectFrom('audit_entry')
        .select('after')
        .where('actor_label', '=', STAFF)
        .where('action', '=', 'account.sign_in')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(signIn.after, { secondFactor: 'totp' });
    });

    test('a backup code signs in once; used again it is refused', async () => {
      const codes = backupCodesOf.get(STAFF) ?? [];
      assert.ok(codes.length > 0);
      const once = new WebClient(app);
      await once.signIn(STAFF, TEST_PASSWORD);
      const used = await once.postForm('/signin/code', { code: codes[0] as string });
      assert.equal(used.status, 303);
      assert.ok(once.signedIn);
      const twice = new WebClient(app);
      await twice.signIn(STAFF, TEST_PASSWORD);
      const refused = await twice.postForm('/signin/code', { code: codes[0] as string });
      assert.equal(refused.status, 401);
      assert.match(await refused.text(), /バックアップコードが違うか、使用済みです/);
      assert.equal(twice.signedIn, false);
    });

    test('new backup codes: the password again; the old ones stop working, ten new ones shown once, audited', async () => {
      const secret = await secretOf(STAFF);
      const client = new WebClient(app);
      await client.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await client.postForm('/signin/code', { code: totpCode(secret) })).status, 303);
      const account = await (await client.request('/account')).text();
      assert.match(account, /<form method="post" action="\/account\/two-factor\/backup-codes"/);
      assert.match(account, /<h3>バックアップコードの作り直し<\/h3>/);

      const path = '/account/two-factor/backup-codes';
      const noToken = await client.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: `backupCodesPassword=${encodeURIComponent(TEST_PASSWORD)}`,
      });
      assert.equal(noToken.status, 403);
      const empty = await client.postForm(path, { backupCodesPassword: '' });
      assert.equal(empty.status, 422);
      assert.match(await empty.text(), /id="backupCodesPassword-error">パスワードを入力してください/);
      const wrong = await client.postForm(path, { backupCodesPassword: 'not the password' });
      assert.equal(wrong.status, 422);
      const wrongPage = await wrong.text();
      assert.match(wrongPage, /id="backupCodesPassword-error">パスワードが違います/);
      assert.match(wrongPage, /<a href="#backupCodesPassword">パスワード: パスワードが違います<\/a>/);
      assert.doesNotMatch(wrongPage, /twoFactorPassword-error/, 'the error stands beside its own form only');
      assert.doesNotMatch(wrongPage, /class="backup-codes"/);

      const old = backupCodesOf.get(STAFF) ?? [];
      const made = await client.postForm(path, { backupCodesPassword: TEST_PASSWORD });
      assert.equal(made.status, 200);
      assert.equal(made.headers.get('cache-control'), 'no-store');
      const page = await made.text();
      assert.match(page, /今までのバックアップコードは、もう使えません/);
      const codes = [...page.matchAll(/<li><code>([\w-]+)<\/code><\/li>/g)].map((m) => m[1] as string);
      assert.equal(codes.length, 10);
      for (const code of codes) assert.match(code, /^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$/);
      assert.ok(!codes.some((code) => old.includes(code)));
      backupCodesOf.set(STAFF, codes);
      assert.doesNotMatch(await (await client.request('/account')).text(), /class="backup-codes"/, 'shown once');
      assert.equal(await twoFactorFlag(STAFF), true);

      const withOld = new WebClient(app);
      await withOld.signIn(STAFF, TEST_PASSWORD);
      const refused = await withOld.postForm('/signin/code', { code: old[2] ?? '' }); // unused until now
      assert.equal(refused.status, 401);
      assert.match(await refused.text(), /バックアップコードが違うか、使用済みです/);
      const withNew = new WebClient(app);
      await withNew.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await withNew.postForm('/signin/code', { code: codes[0] as string })).status, 303);

      const entries = await database.db
        .selectFrom('audit_entry')
        .select(['action', 'after'])
        .where('actor_label', '=', STAFF)
        .where('action', '=', 'account.two_factor_backup_codes')
        .execute();
      assert.deepEqual(entries, [{ action: 'account.two_factor_backup_codes', after: { count: 10 } }]);
      const everything = JSON.stringify(await database.db.selectFrom('audit_entry').selectAll().execute());
      assert.ok(!codes.some((code) => everything.includes(code)), 'no code in the audit log');
    });

    test('five wrong codes end the challenge: the sign-in starts again from the password', async () => {
      const secret = await secretOf(STAFF);
      const client = new WebClient(app);
      await client.signIn(STAFF, TEST_PASSWORD);
      for (let i = 0; i < 5; i++) {
        assert.equal((await client.postForm('/signin/code', { code: wrongTotpCode(secret) })).status, 401);
      }
      const ended = await client.postForm('/signin/code', { code: totpCode(secret) });
      assert.equal(ended.status, 401);
      assert.match(await ended.text(), /もう一度メールアドレスとパスワードを入力してください/);
      assert.equal(client.signedIn, false, 'even the right code is refused once the challenge has ended');
      // the account-wide counter started by these failures is reset by a good sign-in
      const fresh = new WebClient(app);
      await fresh.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await fresh.postForm('/signin/code', { code: totpCode(secret) })).status, 303);
    });

    test('the second step is rate limited like sign-in (per client address and minute)', async () => {
      const limited = createApp({ db: database.db, dataStampTtlMs: 0, signInAttemptsPerMinute: 3 });
      const secret = await secretOf(STAFF);
      // the password step on the main app (better-auth's limiter counts per address and path, in one memory store
      // for the process), the codes on an app allowing 3 a minute
      const main = new WebClient(app);
      await main.signIn(STAFF, TEST_PASSWORD);
      const client = new WebClient(limited);
      for (const [name, value] of main.cookies) client.cookies.set(name, value);
      const statuses: number[] = [];
      for (let i = 0; i < 4 && !statuses.includes(429); i++) {
        const answer = await client.postForm('/signin/code', { code: wrongTotpCode(secret) });
        statuses.push(answer.status);
        if (answer.status === 429) assert.match(await answer.text(), /確認コードの試行が多すぎます/);
      }
      assert.ok(statuses.includes(429), `a 429 within the limit: ${statuses.join(',')}`);
      assert.equal(client.signedIn, false);
      // the lock-out counter these failures raised is cleared by the next good sign-in
      const good = new WebClient(app);
      await good.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await good.postForm('/signin/code', { code: totpCode(secret) })).status, 303);
    });

    test('the code step needs the form token and a pending sign-in', async () => {
      const client = new WebClient(app);
      const noToken = await client.request('/signin/code', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'code=123456',
      });
      assert.equal(noToken.status, 403);
      const nothingPending = await client.postForm('/signin/code', { code: '123456' });
      assert.equal(nothingPending.status, 401);
      assert.equal((await client.request('/signin/code')).status, 303, 'the code page without a sign-in');
    });

    test('five wrong codes within 15 minutes stop turning it off or on for the account (429, audited)', async () => {
      const secret = await secretOf(STAFF);
      const client = new WebClient(app);
      await client.signIn(STAFF, TEST_PASSWORD);
      assert.equal((await client.postForm('/signin/code', { code: totpCode(secret) })).status, 303);
      await passMinutes(3);
      for (let i = 0; i < 5; i++) {
        const wrong = await client.postForm('/account/two-factor/disable', {
          twoFactorPassword: TEST_PASSWORD,
          twoFactorCode: wrongTotpCode(secret),
        });
        assert.equal(wrong.status, 422);
      }
      const limited = await client.postForm('/account/two-factor/disable', {
        twoFactorPassword: TEST_PASSWORD,
        twoFactorCode: totpCode(secret),
      });
      assert.equal(limited.status, 429);
      assert.match(await limited.text(), /確認コードの試行が多すぎます/);
      assert.equal(await twoFactorFlag(STAFF), true, 'even the right code is refused while the account is limited');
      const refusal = await database.db
        .selectFrom('audit_entry')
        .select(['action', 'after'])
        .where('actor_label', '=', STAFF)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(refusal, {
        action: 'account.two_factor_refused',
        after: { kind: 'totp', step: 'disable', reason: 'TOO_MANY_ATTEMPTS' },
      });

      // the confirm step of a set-up counts too
      const second = await signedIn(app, SECOND);
      const setup = await (
        await second.postForm('/account/two-factor/enable', { twoFactorPassword: TEST_PASSWORD })
      ).text();
      const secondSecret = readSetupPage(setup).secret;
      const sealed = /name="setup" value="([^"]+)"/.exec(setup)?.[1] ?? '';
      for (let i = 0; i < 5; i++) {
        const wrong = await second.postForm('/account/two-factor/confirm', {
          setup: sealed,
          code: wrongTotpCode(secondSecret),
        });
        assert.equal(wrong.status, 422);
      }
      const stopped = await second.postForm('/account/two-factor/confirm', {
        setup: sealed,
        code: totpCode(secondSecret),
      });
      assert.equal(stopped.status, 429);
      assert.equal(await twoFactorFlag(SECOND), false);
      assert.equal((await auditActions(SECOND)).filter((a) => a === 'account.two_factor_refused').length, 6);

      await passMinutes(16); // the count is of the last 15 minutes
      const later = await second.postForm('/account/two-factor/confirm', {
        setup: sealed,
        code: totpCode(secondSecret),
      });
      assert.equal(later.status, 200);
      assert.equal(await twoFactorFlag(SECOND), true);
    });

    test('an account turns it off with its password and a current code (a wrong one of either changes nothing)', async () => {
      const secret = await secretOf(STAFF);
      const client = new WebClient(app);
      await client.signIn(STAFF, TEST_PASSWORD);
      await client.postForm('/signin/code', { code: totpCode(secret) });
      assert.ok(client.signedIn);
      const reused = await client.postForm('/account/two-factor/disable', {
        twoFactorPassword: TEST_PASSWORD,
        twoFactorCode: totpCode(secret),
      });
      assert.equal(reused.status, 422, 'the code that signed in does not turn it off too');
      assert.match(await reused.text(), /id="twoFactorCode-error">この確認コードはすでに使われています/);
      await passMinutes(3);
      const badCode = await client.postForm('/account/two-factor/disable', {
        twoFactorPassword: TEST_PASSWORD,
        twoFactorCode: wrongTotpCode(secret),
      });
      assert.equal(badCode.status, 422);
      assert.match(await badCode.text(), /id="twoFactorCode-error">確認コードが違います/);
      const badPassword = await client.postForm('/account/two-factor/disable', {
        twoFactorPassword: 'not the password',
        twoFactorCode: totpCode(secret),
      });
      assert.equal(badPassword.status, 422);
      assert.match(await badPassword.text(), /id="twoFactorPassword-error">パスワードが違います/);
      assert.equal(await twoFactorFlag(STAFF), true);
      await passMinutes(3);
      const elsewhere = new WebClient(app);
      await elsewhere.signIn(STAFF, TEST_PASSWORD);
      assert.equal(
        (await elsewhere.postForm('/signin/code', { code: (backupCodesOf.get(STAFF) ?? [])[1] ?? '' })).status,
        303,
      );

      const off = await client.postForm('/account/two-factor/disable', {
        twoFactorPassword: TEST_PASSWORD,
        twoFactorCode: totpCode(secret),
      });
      assert.equal(off.status, 303);
      assert.equal(off.headers.get('location'), '/account?twoFactor=off');
      assert.equal(await twoFactorFlag(STAFF), false);
      const staffRows = await database.db
        .selectFrom('twoFactor')
        .innerJoin('user', 'user.id', 'twoFactor.userId')
        .select('twoFactor.id')
        .where('user.email', '=', STAFF)
        .execute();
      assert.equal(staffRows.length, 0);
      assert.ok((await auditActions(STAFF)).includes('account.two_factor_disable'));
      assert.equal((await elsewhere.request('/staff')).status, 303, "turning it off ends the account's other sessions");
      assert.equal((await client.request('/staff')).status, 200, 'the current one stays');
      await signedIn(app, STAFF); // the password alone again
    });

    test('an admin who turned it on cannot turn it off; the operator resets it (renkei user reset-2fa)', async () => {
      const admin = await signedIn(app, ADMIN);
      const { secret, backupCodes } = await enableTwoFactor(admin);
      assert.equal(backupCodes.length, 10);
      const users = await (await admin.request('/admin/users')).text();
      assert.match(users, /<th scope="col">二段階認証<\/th>/);
      assert.match(users, /admin@example\.jp<\/th>(?:(?!<\/tr>).)*<td>有効<\/td><td>有効<\/td>/s);
      const account = await (await admin.request('/account')).text();
      assert.match(account, /自分では解除できません/);
      assert.doesNotMatch(account, /action="\/account\/two-factor\/disable"/);
      const refused = await admin.postForm('/account/two-factor/disable', {
        twoFactorPassword: TEST_PASSWORD,
        twoFactorCode: totpCode(secret),
      });
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /システム管理者のアカウントは、二段階認証を自分では解除できません/);
      assert.equal(await twoFactorFlag(ADMIN), true);
      assert.equal((await auditActions(ADMIN)).at(-1), 'account.two_factor_disable_refused');

      const noCode = new WebClient(app);
      assert.equal((await noCode.signIn(ADMIN, TEST_PASSWORD)).headers.get('location'), '/signin/code');

      assert.equal(await resetAccountTwoFactor(database.db, operatorActor('cli'), ADMIN), 'turned_off');
      assert.equal(await twoFactorFlag(ADMIN), false);
      assert.equal((await admin.request('/staff')).status, 303, "the reset ends the account's sessions");
      const reset = await database.db
        .selectFrom('audit_entry')
        .select(['channel', 'entity_id', 'before', 'after'])
        .where('action', '=', 'account.reset_two_factor')
        .executeTakeFirstOrThrow();
      assert.deepEqual(reset, {
        channel: 'cli',
        entity_id: ADMIN,
        before: { twoFactor: true },
        after: { twoFactor: false },
      });
      await signedIn(app, ADMIN);
      assert.equal(await resetAccountTwoFactor(database.db, operatorActor('cli'), ADMIN), 'not_set_up', 'already off');
    });

    /** The secret of an account, as the set-up page showed it (kept from the first test). */
    async function secretOf(email: string): Promise<string> {
      const secret = secrets.get(email);
      if (!secret) throw new Error(`no secret kept for ${email}`);
      return secret;
    }
  });
}
