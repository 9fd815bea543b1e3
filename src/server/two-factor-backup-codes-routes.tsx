import { Hono } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { callAuth } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { readPasswordField, TWO_FACTOR_TEXT as TEXT, type TwoFactorHelpers } from './two-factor-helpers.js';

/** /account/two-factor/backup-codes: new backup codes for the password (the old ones stop working). */
export function createTwoFactorBackupCodesRoutes(ctx: AppContext, helpers: TwoFactorHelpers) {
  const { record, whoIs, accountPage, backupCodesPage } = helpers;
  return new Hono<ActorEnv>().post('/account/two-factor/backup-codes', guard(ctx, { kind: 'signed-in' }), async (c) => {
    const body = await readSmallForm(c);
    checkFormToken(c, await ctx.secret(), body.csrf);
    const actor = c.get('actor') as Actor;
    if (!(await readTwoFactorStatus(ctx.db, actor)).enabled) {
      return accountPage(c, 422, { alert: TEXT.notOn });
    }
    const password = readPasswordField(body.backupCodesPassword);
    if (password === '') {
      return accountPage(c, 422, { errors: { backupCodesPassword: TEXT.passwordMissing } });
    }
    // better-auth checks the password, makes the codes and replaces the stored ones (encrypted, as at set-up)
    const answer = await callAuth(ctx, c, '/two-factor/generate-backup-codes', {
      body: { password },
      withCookies: true,
    });
    if (answer.status === 429) return accountPage(c, 429, { alert: TEXT.tooMany });
    if (answer.status !== 200) {
      return accountPage(c, 422, { errors: { backupCodesPassword: TEXT.passwordWrong } });
    }
    const { backupCodes } = (await answer.json()) as { backupCodes: string[] };
    await record('account.two_factor_backup_codes', whoIs(actor), { count: backupCodes.length });
    return backupCodesPage(c, backupCodes, 'regenerated');
  });
}
