import { Hono } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import { TwoFactorSetupPage } from '../web/pages/two-factor-setup-page.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { authErrorCode, callAuth, passSetCookies } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import { readTwoFactorCode } from './read-two-factor-code.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { openTwoFactorSetup, sealTwoFactorSetup } from './seal-two-factor-setup.js';
import { buildStaffViewer } from './staff-viewer.js';
import { readPasswordField, TWO_FACTOR_TEXT as TEXT, type TwoFactorHelpers } from './two-factor-helpers.js';

/**
 * Turning two-factor on: /account/two-factor/enable (the password; the secret to register, sealed in the form)
 * and /account/two-factor/confirm (a first code; then the backup codes, shown once).
 */
export function createTwoFactorSetupRoutes(ctx: AppContext, helpers: TwoFactorHelpers) {
  const { record, whoIs, accountPage, backupCodesPage, checkSignedInCode, endOtherSessions } = helpers;
  return new Hono<ActorEnv>()
    .post('/account/two-factor/enable', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const password = readPasswordField(body.twoFactorPassword);
      if (password === '') return accountPage(c, 422, { errors: { twoFactorPassword: TEXT.passwordMissing } });
      const answer = await callAuth(ctx, c, '/two-factor/enable', {
        body: { password, method: 'totp' },
        withCookies: true,
      });
      if (answer.status === 429) return accountPage(c, 429, { alert: TEXT.tooMany });
      if (answer.status !== 200) {
        const reason = await authErrorCode(answer);
        if (reason === 'TOTP_ALREADY_ENABLED') return accountPage(c, 422, { alert: TEXT.alreadyOn });
        return accountPage(c, 422, { errors: { twoFactorPassword: TEXT.passwordWrong } });
      }
      const { totpURI, backupCodes } = (await answer.json()) as { totpURI: string; backupCodes: string[] };
      const sealed = sealTwoFactorSetup(
        { totpUri: totpURI, backupCodes },
        await ctx.secret(),
        whoIs(actor).userId ?? '',
      );
      return privatePage(
        c,
        <TwoFactorSetupPage
          viewer={await buildStaffViewer(c, ctx, actor)}
          totpUri={totpURI}
          sealed={sealed}
          errors={{}}
        />,
      );
    })
    .post('/account/two-factor/confirm', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const setup = openTwoFactorSetup(body.setup, await ctx.secret(), whoIs(actor).userId ?? '');
      const again = async (status: 422 | 429, error: string) =>
        privatePage(
          c,
          <TwoFactorSetupPage
            viewer={await buildStaffViewer(c, ctx, actor)}
            totpUri={setup.totpUri}
            sealed={String(body.setup)}
            errors={{ code: error }}
          />,
          status,
        );
      // a second submit or another tab must not confirm again (the backup codes are shown once)
      if ((await readTwoFactorStatus(ctx.db, actor)).enabled)
        return accountPage(c, 422, { alert: TEXT.alreadyOnElsewhere });
      const code = readTwoFactorCode(body.code);
      if (code?.kind !== 'totp') return again(422, TEXT.totpMissing);
      const checked = await checkSignedInCode(c, actor, code, 'confirm');
      if ('refused' in checked) {
        const { refused } = checked;
        if (refused === 'locked' || refused === 'limited') return again(429, TEXT.tooMany);
        return again(422, refused === 'reused' ? TEXT.usedCode : `${TEXT.wrongCode}${TEXT.clockHint}`);
      }
      const { answer } = checked;
      passSetCookies(answer, c.res.headers); // better-auth replaces the session when two-factor turns on
      await endOtherSessions(c, answer);
      await record('account.two_factor_enable', whoIs(actor));
      return backupCodesPage(c, setup.backupCodes, 'enabled');
    });
}
