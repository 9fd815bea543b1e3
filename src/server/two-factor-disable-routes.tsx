import { Hono } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import type { TwoFactorField } from '../web/pages/two-factor-section.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { callAuth, passSetCookies } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import { readTwoFactorCode } from './read-two-factor-code.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { readPasswordField, TWO_FACTOR_TEXT as TEXT, type TwoFactorHelpers } from './two-factor-helpers.js';

/** /account/two-factor/disable: turning two-factor off, with the password and a code (admins keep it on). */
export function createTwoFactorDisableRoutes(ctx: AppContext, helpers: TwoFactorHelpers) {
  const { record, whoIs, accountPage, checkSignedInCode, endOtherSessions } = helpers;
  return new Hono<ActorEnv>().post('/account/two-factor/disable', guard(ctx, { kind: 'signed-in' }), async (c) => {
    const body = await readSmallForm(c);
    checkFormToken(c, await ctx.secret(), body.csrf);
    const actor = c.get('actor') as Actor;
    const status = await readTwoFactorStatus(ctx.db, actor);
    if (!status.enabled) return accountPage(c, 422, { alert: TEXT.notOn });
    if (!status.mayTurnOff) {
      await record('account.two_factor_disable_refused', whoIs(actor), { reason: 'admin' });
      return accountPage(c, 403, { alert: TEXT.adminKeepsIt });
    }
    const password = readPasswordField(body.twoFactorPassword);
    const code = readTwoFactorCode(body.twoFactorCode);
    const errors: Partial<Record<TwoFactorField, string>> = {};
    if (password === '') errors.twoFactorPassword = TEXT.passwordMissing;
    if (!code) errors.twoFactorCode = TEXT.codeMissing;
    if (!code || password === '') return accountPage(c, 422, { errors });

    // the code first (better-auth's disable asks the password only); a wrong one changes nothing
    const checked = await checkSignedInCode(c, actor, code, 'disable');
    if ('refused' in checked) {
      const { refused } = checked;
      if (refused === 'locked' || refused === 'limited') return accountPage(c, 429, { alert: TEXT.tooMany });
      const error = refused === 'reused' ? TEXT.usedCode : TEXT.wrongCode;
      return accountPage(c, 422, { errors: { twoFactorCode: error } });
    }
    const answer = await callAuth(ctx, c, '/two-factor/disable', { body: { password }, withCookies: true });
    if (answer.status === 429) return accountPage(c, 429, { alert: TEXT.tooMany });
    if (answer.status !== 200) return accountPage(c, 422, { errors: { twoFactorPassword: TEXT.passwordWrong } });
    passSetCookies(answer, c.res.headers); // better-auth replaces the session when two-factor turns off
    await endOtherSessions(c, answer);
    await record('account.two_factor_disable', whoIs(actor));
    return c.redirect('/account?twoFactor=off', 303);
  });
}
