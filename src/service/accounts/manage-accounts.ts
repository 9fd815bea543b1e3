import { generateRandomString, hashPassword } from 'better-auth/crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor, RoleGrant, RoleName } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import {
  type AccountRow,
  clearTwoFactor,
  deleteTwoFactorRow,
  findAccountByEmail,
  insertAccount,
  listAccountRows,
  replacePassword,
  setAccountDisabled,
} from '../../store/account-store.js';
import { findAreaBySlug } from '../../store/area-store.js';
import type { Database } from '../../store/database.js';
import { insertRoleGrant, listRoleGrants } from '../../store/role-grant-store.js';
import { runWrite } from '../run-write.js';
import { MIN_PASSWORD_LENGTH } from './account-auth.js';

/** A role as asked for by people: the area by slug, the municipality by code or name. */
export type RoleRequest = { role: RoleName; areaSlug?: string | undefined; municipality?: string | undefined };

export type NewAccount = { email: string; name: string; password: string; role: RoleRequest };

/** An account as the admin pages and `renkei user list` show it. */
export type AccountSummary = {
  email: string;
  name: string;
  disabled: boolean;
  /** two-factor sign-in (TOTP) is on */
  twoFactor: boolean;
  createdAt: string;
  roles: { role: RoleName; areaSlug: string | null; areaName: string | null; municipalityName: string | null }[];
};

/**
 * Makes an account with one role, in one write with its audit entry. Only admins (and the operator at the CLI)
 * may; the e-mail must be new; the password at least MIN_PASSWORD_LENGTH characters. The password itself is
 * never recorded, only that an account was made.
 */
export async function addAccount(db: Kysely<Database>, actor: Actor, input: NewAccount): Promise<AccountSummary> {
  const email = normalizeEmail(input.email);
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  await runWrite(db, actor, async (w) => {
    w.require('users.manage');
    if (await findAccountByEmail(w.trx, email)) {
      throw new AppError('CONFLICT', `Account ${email} exists`, {
        userMessage: `メールアドレス ${email} のアカウントはすでにあります。`,
      });
    }
    const grant = await resolveRole(w.trx, input.role);
    const id = generateRandomString(32, 'a-z', 'A-Z', '0-9');
    await insertAccount(w.trx, {
      id,
      email,
      name: input.name.trim() || email,
      passwordHash,
      accountId: generateRandomString(32, 'a-z', 'A-Z', '0-9'),
    });
    await insertRoleGrant(w.trx, id, grant);
    w.audit({
      audience: 'staff', // accounts are never public
      action: 'account.create',
      entity: 'account',
      entityId: email,
      areaId: grant.role === 'admin' ? null : grant.areaId,
      before: null,
      after: { email, name: input.name, grant },
    });
  });
  return getAccountSummary(db, email);
}

/** Disables an account: it cannot sign in, and its sessions end at once. */
export async function disableAccount(db: Kysely<Database>, actor: Actor, email: string): Promise<void> {
  await runWrite(db, actor, async (w) => {
    w.require('users.manage');
    const account = await getAccount(w.trx, email);
    if (account.disabled) return;
    await setAccountDisabled(w.trx, account.id, true);
    w.audit({
      audience: 'staff', // accounts are never public
      action: 'account.disable',
      entity: 'account',
      entityId: account.email,
      areaId: null,
      before: { disabled: false },
      after: { disabled: true },
    });
  });
}

/** Sets a new password chosen by an admin (the account's sessions end); the user changes it after signing in. */
export async function resetAccountPassword(
  db: Kysely<Database>,
  actor: Actor,
  email: string,
  password: string,
): Promise<void> {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  await runWrite(db, actor, async (w) => {
    w.require('users.manage');
    const account = await getAccount(w.trx, email);
    await replacePassword(w.trx, account.id, passwordHash);
    w.audit({
      audience: 'staff', // accounts are never public
      action: 'account.reset_password',
      entity: 'account',
      entityId: account.email,
      areaId: null,
      before: null,
      after: { passwordReset: true },
    });
  });
}

/** What `resetAccountTwoFactor` found and did. */
export type TwoFactorReset =
  /** it was on: secret and backup codes deleted, sessions ended */
  | 'turned_off'
  /** it was not on, but a set-up was started and never confirmed: that set-up deleted, sessions kept */
  | 'setup_discarded'
  /** it was not on and nothing was set up: nothing changed */
  | 'not_set_up';

/**
 * Clears an account's two-factor sign-in (a lost device): its TOTP secret and backup codes are deleted and its
 * sessions end; it signs in with the password alone until it sets two-factor up again.
 */
export async function resetAccountTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  email: string,
): Promise<TwoFactorReset> {
  const outcome = await runWrite(db, actor, async (w): Promise<TwoFactorReset> => {
    w.require('users.manage');
    const account = await getAccount(w.trx, email);
    const audit = (before: object, after: object) =>
      w.audit({
        audience: 'staff', // accounts are never public
        action: 'account.reset_two_factor',
        entity: 'account',
        entityId: account.email,
        areaId: null,
        before,
        after,
      });
    if (account.twoFactorEnabled === true) {
      await clearTwoFactor(w.trx, account.id);
      audit({ twoFactor: true }, { twoFactor: false });
      return 'turned_off';
    }
    // an unconfirmed set-up leaves its secret behind: discarded so the next set-up starts afresh; sign-in never
    // asked for it, so the sessions stay
    if (!(await deleteTwoFactorRow(w.trx, account.id))) return 'not_set_up';
    audit({ twoFactorSetupPending: true }, { twoFactorSetupPending: false });
    return 'setup_discarded';
  });
  return outcome.result;
}

/** A password for the operator to hand over: 20 letters and digits (about 119 bits). */
export function generatePassword(): string {
  return generateRandomString(20, 'a-z', 'A-Z', '0-9');
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountSummary[]> {
  const rows = await listAccountRows(db);
  return Promise.all(rows.map((row) => summarize(db, row)));
}

async function getAccountSummary(db: Kysely<Database>, email: string): Promise<AccountSummary> {
  return summarize(db, await getAccount(db, email));
}

async function summarize(db: Kysely<Database>, row: AccountRow): Promise<AccountSummary> {
  const roles = await describeRoles(db, await listRoleGrants(db, row.id));
  return {
    email: row.email,
    name: row.name,
    disabled: row.disabled,
    twoFactor: row.twoFactorEnabled === true,
    createdAt: String(row.createdAt),
    roles,
  };
}

/** Grants with the names of their area and municipality, for pages and the CLI. */
export async function describeRoles(
  db: Kysely<Database>,
  grants: readonly RoleGrant[],
): Promise<AccountSummary['roles']> {
  return Promise.all(
    grants.map(async (grant) => {
      if (grant.role === 'admin') return { role: grant.role, areaSlug: null, areaName: null, municipalityName: null };
      const area = await db
        .selectFrom('area')
        .select(['slug', 'name'])
        .where('id', '=', grant.areaId)
        .executeTakeFirstOrThrow();
      const municipality =
        grant.role === 'municipality_staff'
          ? await db
              .selectFrom('municipality')
              .select('name')
              .where('id', '=', grant.municipalityId)
              .executeTakeFirstOrThrow()
          : undefined;
      return {
        role: grant.role,
        areaSlug: area.slug,
        areaName: area.name,
        municipalityName: municipality?.name ?? null,
      };
    }),
  );
}

async function getAccount(db: Kysely<Database> | Transaction<Database>, email: string): Promise<AccountRow> {
  const account = await findAccountByEmail(db, normalizeEmail(email));
  if (!account) {
    throw new AppError('NOT_FOUND', `No account ${email}`, { userMessage: `アカウント ${email} はありません。` });
  }
  return account;
}

async function resolveRole(trx: Transaction<Database>, request: RoleRequest): Promise<RoleGrant> {
  if (request.role === 'admin') return { role: 'admin' };
  if (!request.areaSlug)
    throw invalid('An area is needed for this role', 'この役割には圏域（--area）の指定が必要です。');
  const area = await findAreaBySlug(trx, request.areaSlug);
  if (!area) throw invalid(`No area ${request.areaSlug}`, `圏域「${request.areaSlug}」は登録されていません。`);
  if (request.role !== 'municipality_staff') return { role: request.role, areaId: area.id };
  if (!request.municipality) {
    throw invalid('A municipality is needed', '市町村の担当職員には市町村（--municipality）の指定が必要です。');
  }
  const municipality = await trx
    .selectFrom('municipality')
    .select('id')
    .where('area_id', '=', area.id)
    .where((eb) => eb.or([eb('code', '=', request.municipality ?? ''), eb('name', '=', request.municipality ?? '')]))
    .executeTakeFirst();
  if (!municipality) {
    throw invalid(
      `No municipality ${request.municipality} in ${area.slug}`,
      `市町村「${request.municipality}」は圏域「${area.name}」にありません（団体コードか名前で指定してください）。`,
    );
  }
  return { role: 'municipality_staff', areaId: area.id, municipalityId: municipality.id };
}

function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || trimmed.length > 254) {
    throw invalid(`Bad e-mail ${email}`, `メールアドレス「${email}」の形が正しくありません。`);
  }
  return trimmed;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256) {
    throw invalid('Password length', `パスワードは ${MIN_PASSWORD_LENGTH} 文字以上 256 文字以下にしてください。`);
  }
}

function invalid(message: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', message, { userMessage });
}
