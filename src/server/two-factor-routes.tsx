import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { MIN_PASSWORD_LENGTH } from '../service/accounts/account-auth.js';
import { type AccountEventAction, recordAccountEvent } from '../service/accounts/record-account-event.js';
import {
  claimTotpCode,
  clearTwoFactorFailures,
  findUserIdByEmail,
  isTwoFactorLocked,
  noteTwoFactorFailure,
  releaseTotpCode,
} from '../service/accounts/two-factor-attempts.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import { messages } from '../web/messages.js';
import { AccountPage } from '../web/pages/account-page.js';
import { SignInCodePage } from '../web/pages/sign-in-code-page.js';
import { SignInPage } from '../web/pages/sign-in-page.js';
import type { TwoFactorField } from '../web/pages/two-factor-section.js';
import { TwoFactorBackupCodesPage, TwoFactorSetupPage } from '../web/pages/two-factor-setup-page.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { authErrorCode, callAuth, challengeCookieOnly, cookiesSetBy, passSetCookies } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import { clearPendingSignIn, readPendingSignIn } from './pending-sign-in.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { openTwoFactorSetup, sealTwoFactorSetup } from './seal-two-factor-setup.js';
import { buildStaffViewer, csrfTokenOf } from './staff-viewer.js';

const TEXT = messages.staff.twoFactor;

/** A code as typed: full-width digits and spaces folded; a 6-digit TOTP or a backup code (`abcde-12345`). */
export function readCode(value: unknown): { kind: 'totp' | 'backup_code'; code: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.normalize('NFKC').replace(/\s+/g, '').slice(0, 64);
  if (/^\d{6}$/.test(code)) return { kind: 'totp', code };
  if (/^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/.test(code)) {
    return { kind: 'backup_code', code: code.includes('-') ? code : `${code.slice(0, 5)}-${code.slice(5)}` };
  }
  return undefined;
}

const VERIFY_PATH = { totp: '/two-factor/verify-totp', backup_code: '/two-factor/verify-backup-code' } as const;

/**
 * Two-factor sign-in (TOTP, better-auth's twoFactor plugin): the second step of a sign-in (/signin/code) and the
 * account's own set-up, new backup codes and removal (/account/two-factor/…). Like the other account routes,
 * these translate forms into calls of better-auth's endpoints (its rate limits and the plugin's per-challenge and
 * per-account limits apply) and record what happened in the audit log.
 */
export function createTwoFactorRoutes(ctx: AppContext): Hono<ActorEnv> {
  const secure = ctx.publicOrigin.startsWith('https:');
  const record = (action: AccountEventAction, actor: { userId: string | null; email: string }, detail?: object) =>
    recordAccountEvent(ctx.db, {
      action,
      userId: actor.userId,
      email: actor.email,
      channel: 'web',
      ...(detail ? { detail: { ...detail } } : {}),
    });
  const accountPage = async (
    c: Context<ActorEnv>,
    status: 200 | 403 | 422 | 429,
    extra: { errors?: Partial<Record<TwoFactorField, string>>; alert?: string },
  ) => {
    const actor = c.get('actor') as Actor;
    return privatePage(
      c,
      <AccountPage
        viewer={await buildStaffViewer(c, ctx, actor)}
        errors={{}}
        changed={false}
        minLength={MIN_PASSWORD_LENGTH}
        twoFactor={await readTwoFactorStatus(ctx.db, actor)}
        twoFactorErrors={extra.errors}
        twoFactorAlert={extra.alert}
      />,
      status,
    );
  };
  const whoIs = (actor: Actor) => ({ userId: actor.kind === 'account' ? actor.userId : null, email: actor.label });
  /**
   * Checks a code with better-auth, a TOTP code claimed first (it works once: of two posts of one code, only one
   * reaches better-auth); a refused code is released again. 'reused' when the account used it minutes ago.
   */
  const checkCode = async (
    c: Context<ActorEnv>,
    userId: string,
    code: { kind: 'totp' | 'backup_code'; code: string },
    withCookies: boolean | string,
  ): Promise<Response | 'reused'> => {
    if (code.kind === 'totp' && !(await claimTotpCode(ctx.db, userId, code.code))) return 'reused';
    const answer = await callAuth(ctx, c, VERIFY_PATH[code.kind], { body: { code: code.code }, withCookies });
    if (answer.status !== 200 && code.kind === 'totp') await releaseTotpCode(ctx.db, userId, code.code);
    return answer;
  };
  /** Ends the account's other sessions (as a password change does), calling on as the session `answer` set. */
  const endOtherSessions = async (c: Context<ActorEnv>, answer: Response) => {
    const ended = await callAuth(ctx, c, '/revoke-other-sessions', { body: {}, withCookies: cookiesSetBy(answer) });
    if (ended.status !== 200) ctx.logger.error({ status: ended.status }, 'two-factor: other sessions not ended');
  };

  return new Hono<ActorEnv>()
    .get('/signin/code', async (c) => {
      const pending = readPendingSignIn(c, await ctx.secret());
      if (!pending) return c.redirect('/signin', 303);
      return privatePage(c, <SignInCodePage email={pending.email} csrf={await csrfTokenOf(c, ctx)} errors={{}} />);
    })
    .post(
      '/signin/code',
      guard(ctx, { kind: 'anyone', reason: 'the second step of signing in, before there is a session' }),
      async (c) => {
        const body = await readSmallForm(c);
        checkFormToken(c, await ctx.secret(), body.csrf);
        const pending = readPendingSignIn(c, await ctx.secret());
        const startAgain = async () => {
          clearPendingSignIn(c, secure);
          return privatePage(
            c,
            <SignInPage
              email={pending?.email ?? ''}
              next={pending?.next ?? '/staff'}
              csrf={await csrfTokenOf(c, ctx)}
              errors={{}}
              alert={TEXT.startAgain}
            />,
            401,
          );
        };
        if (!pending) return startAgain();
        const again = async (status: 401 | 422 | 429, errors: { code?: string }, alert?: string) =>
          privatePage(
            c,
            <SignInCodePage email={pending.email} csrf={await csrfTokenOf(c, ctx)} errors={errors} alert={alert} />,
            status,
          );
        const code = readCode(body.code);
        if (!code) return again(422, { code: TEXT.codeMissing });

        const userId = await findUserIdByEmail(ctx.db, pending.email);
        if (!userId) return startAgain();
        // the challenge only: with a session cookie too, better-auth would check the code without its limits
        const answer = await checkCode(c, userId, code, challengeCookieOnly(c.req.header('cookie')));
        if (answer === 'reused') {
          const detail = { kind: code.kind, reason: 'CODE_REUSED' };
          await record('account.two_factor_refused', { userId: null, email: pending.email }, detail);
          return again(401, { code: TEXT.usedCode });
        }
        if (answer.status === 200) {
          const { user } = (await answer.json()) as { user: { id: string; email: string } };
          passSetCookies(answer, c.res.headers);
          clearPendingSignIn(c, secure);
          await record('account.sign_in', { userId: user.id, email: user.email }, { secondFactor: code.kind });
          return c.redirect(pending.next, 303);
        }
        const reason = (await authErrorCode(answer)) ?? `status ${answer.status}`;
        await record('account.two_factor_refused', { userId: null, email: pending.email }, { kind: code.kind, reason });
        passSetCookies(answer, c.res.headers); // an ended challenge expires its cookie
        if (answer.status === 429) return again(429, {}, TEXT.tooMany);
        if (reason === 'INVALID_CODE' || reason === 'INVALID_BACKUP_CODE') {
          return again(401, { code: code.kind === 'totp' ? TEXT.wrongCode : TEXT.wrongBackupCode });
        }
        return startAgain();
      },
    )
    .post('/account/two-factor/enable', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const password = typeof body.twoFactorPassword === 'string' ? body.twoFactorPassword.slice(0, 256) : '';
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
      const code = readCode(body.code);
      if (code?.kind !== 'totp') return again(422, TEXT.totpMissing);
      const userId = whoIs(actor).userId ?? '';
      if (await isTwoFactorLocked(ctx.db, userId)) {
        await record('account.two_factor_refused', whoIs(actor), {
          kind: code.kind,
          step: 'confirm',
          reason: 'TOO_MANY_ATTEMPTS',
        });
        return again(429, TEXT.tooMany);
      }
      const answer = await checkCode(c, userId, code, true);
      if (answer === 'reused') {
        await record('account.two_factor_refused', whoIs(actor), {
          kind: code.kind,
          step: 'confirm',
          reason: 'CODE_REUSED',
        });
        return again(422, TEXT.usedCode);
      }
      if (answer.status === 429) return again(429, TEXT.tooMany);
      if (answer.status !== 200) {
        await noteTwoFactorFailure(ctx.db, userId);
        await record('account.two_factor_refused', whoIs(actor), { kind: code.kind, step: 'confirm' });
        return again(422, `${TEXT.wrongCode}${TEXT.clockHint}`);
      }
      await clearTwoFactorFailures(ctx.db, userId);
      passSetCookies(answer, c.res.headers); // better-auth replaces the session when two-factor turns on
      await endOtherSessions(c, answer);
      await record('account.two_factor_enable', whoIs(actor));
      return privatePage(
        c,
        <TwoFactorBackupCodesPage
          viewer={await buildStaffViewer(c, ctx, actor)}
          backupCodes={setup.backupCodes}
          reason="enabled"
        />,
      );
    })
    .post('/account/two-factor/backup-codes', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      if (!(await readTwoFactorStatus(ctx.db, actor)).enabled) {
        return accountPage(c, 422, { alert: TEXT.notOn });
      }
      const password = typeof body.backupCodesPassword === 'string' ? body.backupCodesPassword.slice(0, 256) : '';
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
      return privatePage(
        c,
        <TwoFactorBackupCodesPage
          viewer={await buildStaffViewer(c, ctx, actor)}
          backupCodes={backupCodes}
          reason="regenerated"
        />,
      );
    })
    .post('/account/two-factor/disable', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const status = await readTwoFactorStatus(ctx.db, actor);
      if (!status.enabled) return accountPage(c, 422, { alert: TEXT.notOn });
      if (!status.mayTurnOff) {
        await record('account.two_factor_disable_refused', whoIs(actor), { reason: 'admin' });
        return accountPage(c, 403, { alert: TEXT.adminKeepsIt });
      }
      const password = typeof body.twoFactorPassword === 'string' ? body.twoFactorPassword.slice(0, 256) : '';
      const code = readCode(body.twoFactorCode);
      const errors: Partial<Record<TwoFactorField, string>> = {};
      if (password === '') errors.twoFactorPassword = TEXT.passwordMissing;
      if (!code) errors.twoFactorCode = TEXT.codeMissing;
      if (!code || password === '') return accountPage(c, 422, { errors });

      // the code first (better-auth's disable asks the password only); a wrong one changes nothing
      // (better-auth counts no wrong codes of a signed-in account: Renkei does, 5 per 15 minutes)
      const userId = whoIs(actor).userId ?? '';
      if (await isTwoFactorLocked(ctx.db, userId)) {
        await record('account.two_factor_refused', whoIs(actor), {
          kind: code.kind,
          step: 'disable',
          reason: 'TOO_MANY_ATTEMPTS',
        });
        return accountPage(c, 429, { alert: TEXT.tooMany });
      }
      const checked = await checkCode(c, userId, code, true);
      if (checked === 'reused') {
        await record('account.two_factor_refused', whoIs(actor), {
          kind: code.kind,
          step: 'disable',
          reason: 'CODE_REUSED',
        });
        return accountPage(c, 422, { errors: { twoFactorCode: TEXT.usedCode } });
      }
      if (checked.status === 429) return accountPage(c, 429, { alert: TEXT.tooMany });
      if (checked.status !== 200) {
        await noteTwoFactorFailure(ctx.db, userId);
        await record('account.two_factor_refused', whoIs(actor), { kind: code.kind, step: 'disable' });
        return accountPage(c, 422, { errors: { twoFactorCode: TEXT.wrongCode } });
      }
      await clearTwoFactorFailures(ctx.db, userId);
      const answer = await callAuth(ctx, c, '/two-factor/disable', { body: { password }, withCookies: true });
      if (answer.status === 429) return accountPage(c, 429, { alert: TEXT.tooMany });
      if (answer.status !== 200) return accountPage(c, 422, { errors: { twoFactorPassword: TEXT.passwordWrong } });
      passSetCookies(answer, c.res.headers); // better-auth replaces the session when two-factor turns off
      await endOtherSessions(c, answer);
      await record('account.two_factor_disable', whoIs(actor));
      return c.redirect('/account?twoFactor=off', 303);
    });
}
