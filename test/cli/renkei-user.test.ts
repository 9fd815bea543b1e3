/**
 * `renkei user`: the first admin comes from the CLI (no default account exists), a generated password is printed
 * once, a piped one is read from stdin, and what it does is in the audit log as `cli`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/connect.js';
import { repoPath, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { runRenkei } from '../helpers/run-renkei.js';

describe('renkei user', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'renkei-user-'));
    env = { DATA_DIR: path.join(dir, 'data') };
    const imported = await runRenkei(['import', repoPath(SEED_DOCUMENT)], { env });
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('no account exists until one is made; add prints a generated password once', async () => {
    const empty = await runRenkei(['user', 'list'], { env });
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal(empty.stdout, '');
    const added = await runRenkei(['user', 'add', '--email', 'Admin@Example.jp', '--role', 'admin'], { env });
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^[A-Za-z0-9]{20}\n$/);
    assert.match(added.stderr, /admin@example\.jp（システム管理者）/);
  });

  test('a piped password, a municipality staff role by name; list shows roles; a repeat is refused (exit 1)', async () => {
    const added = await runRenkei(
      [
        'user',
        'add',
        '--email',
        'staff@hiranai.example.jp',
        '--role',
        'municipality_staff',
        '--area',
        '青森圏域',
        '--municipality',
        '平内町',
        '--password-stdin',
      ],
      { env, stdin: 'a long enough password\n' },
    );
    assert.equal(added.code, 0, added.stderr);
    assert.equal(added.stdout, '', 'a piped password is never printed');
    const listed = await runRenkei(['user', 'list'], { env });
    assert.match(listed.stdout, /staff@hiranai\.example\.jp\tactive\tmunicipality_staff:青森圏域:平内町/);
    const again = await runRenkei(['user', 'add', '--email', 'staff@hiranai.example.jp', '--role', 'admin'], { env });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /すでにあります/);
  });

  test('bad input: a short password, an unknown municipality, a missing area, an unknown role', async () => {
    const short = await runRenkei(['user', 'add', '--email', 'a@example.jp', '--role', 'admin', '--password-stdin'], {
      env,
      stdin: 'short\n',
    });
    assert.equal(short.code, 2);
    assert.match(short.stderr, /12 文字以上/);
    const town = await runRenkei(
      [
        'user',
        'add',
        '--email',
        'b@example.jp',
        '--role',
        'municipality_staff',
        '--area',
        '青森圏域',
        '--municipality',
        '八戸市',
      ],
      { env },
    );
    assert.equal(town.code, 2);
    assert.match(town.stderr, /市町村「八戸市」は圏域「青森圏域」にありません/);
    const area = await runRenkei(['user', 'add', '--email', 'c@example.jp', '--role', 'council'], { env });
    assert.match(area.stderr, /圏域（--area）の指定が必要/);
    const role = await runRenkei(['user', 'add', '--email', 'd@example.jp', '--role', 'boss'], { env });
    assert.equal(role.code, 2);
  });

  test('disable: the account is marked disabled; every step is in the audit log as cli', async () => {
    const disabled = await runRenkei(['user', 'disable', 'staff@hiranai.example.jp'], { env });
    assert.equal(disabled.code, 0, disabled.stderr);
    const listed = await runRenkei(['user', 'list'], { env });
    assert.match(listed.stdout, /staff@hiranai\.example\.jp\tdisabled/);
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const entries = await database.db
        .selectFrom('audit_entry')
        .select(['action', 'channel', 'entity_id'])
        .where('entity', '=', 'account')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        entries.map((e) => `${e.channel} ${e.action} ${e.entity_id}`),
        [
          'cli account.create admin@example.jp',
          'cli account.create staff@hiranai.example.jp',
          'cli account.disable staff@hiranai.example.jp',
        ],
      );
    } finally {
      await database.close();
    }
  });

  test('reset-2fa clears a lost device: the flag and the secret go, list shows it, the step is audited', async () => {
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      // as a set-up on the account page leaves it (that path is tested in test/http/two-factor.test.ts)
      const admin = await database.db
        .updateTable('user')
        .set({ twoFactorEnabled: true })
        .where('email', '=', 'admin@example.jp')
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db
        .insertInto('twoFactor')
        .values({ id: 'tf1', userId: admin.id, secret: 'sealed', backupCodes: 'sealed', verified: true })
        .execute();
    } finally {
      await database.close();
    }
    const before = await runRenkei(['user', 'list'], { env });
    assert.match(before.stdout, /admin@example\.jp\tactive\tadmin\t[^\t]*\t2fa\n/);
    const reset = await runRenkei(['user', 'reset-2fa', 'admin@example.jp'], { env });
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stderr, /admin@example\.jp の二段階認証を解除しました/);
    const after = await runRenkei(['user', 'list'], { env });
    assert.match(after.stdout, /admin@example\.jp\tactive\tadmin\t[^\t]*\t-\n/);
    const again = await runRenkei(['user', 'reset-2fa', 'admin@example.jp'], { env });
    assert.equal(again.code, 0);
    assert.match(again.stderr, /二段階認証は有効ではありません（設定途中のものもなく、変更はありません）/);
    const unknown = await runRenkei(['user', 'reset-2fa', 'nobody@example.jp'], { env });
    assert.equal(unknown.code, 1, 'refused, as disable and reset-password refuse an unknown account');
    assert.match(unknown.stderr, /アカウント nobody@example\.jp はありません/);
    const check = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      assert.deepEqual(await check.db.selectFrom('twoFactor').select('id').execute(), []);
      const entries = await check.db
        .selectFrom('audit_entry')
        .select(['action', 'channel', 'entity_id'])
        .where('action', '=', 'account.reset_two_factor')
        .execute();
      assert.deepEqual(entries, [
        { action: 'account.reset_two_factor', channel: 'cli', entity_id: 'admin@example.jp' },
      ]);
    } finally {
      await check.close();
    }
  });

  test('reset-2fa on a set-up never confirmed: says 2FA was not on, discards the set-up, keeps the sessions', async () => {
    const database = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      // as the first step on the account page leaves it: a secret row, the flag still off
      const admin = await database.db
        .selectFrom('user')
        .select(['id', 'twoFactorEnabled'])
        .where('email', '=', 'admin@example.jp')
        .executeTakeFirstOrThrow();
      assert.equal(admin.twoFactorEnabled, false);
      await database.db
        .insertInto('twoFactor')
        .values({ id: 'tf2', userId: admin.id, secret: 'sealed', backupCodes: 'sealed', verified: false })
        .execute();
      await sql`insert into session (id, token, "userId", "expiresAt", "createdAt", "updatedAt")
        values ('s1', 't1', ${admin.id}, '2999-01-01', now(), now())`.execute(database.db);
    } finally {
      await database.close();
    }
    const reset = await runRenkei(['user', 'reset-2fa', 'admin@example.jp'], { env });
    assert.equal(reset.code, 0, reset.stderr);
    assert.match(reset.stderr, /admin@example\.jp の二段階認証は有効ではありませんでした/);
    assert.match(reset.stderr, /設定を取り消しました（ログイン中のセッションはそのままです）/);
    assert.doesNotMatch(reset.stderr, /解除しました|変更はありません/);
    const again = await runRenkei(['user', 'reset-2fa', 'admin@example.jp'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /変更はありません/);
    const check = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      assert.deepEqual(await check.db.selectFrom('twoFactor').select('id').execute(), []);
      assert.deepEqual(await check.db.selectFrom('session').select('id').execute(), [{ id: 's1' }]);
      const entries = await check.db
        .selectFrom('audit_entry')
        .select(['before', 'after'])
        .where('action', '=', 'account.reset_two_factor')
        .orderBy('id')
        .execute();
      // one entry for the reset above, one for this discarded set-up, none for the runs that changed nothing
      assert.deepEqual(entries, [
        { before: { twoFactor: true }, after: { twoFactor: false } },
        { before: { twoFactorSetupPending: true }, after: { twoFactorSetupPending: false } },
      ]);
    } finally {
      await check.close();
    }
  });
});
