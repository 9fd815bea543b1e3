import { Hono } from 'hono';
import { findUserIdByEmail } from '../service/accounts/two-factor-attempts.js';
import { SignInCodePage } from '../web/pages/sign-in-code-page.js';
import { SignInPage } from '../web/pages/sign-in-page.js';
import { readSmallForm } from './account-routes.js';
import type { AppContext } from './app-deps.js';
import { authErrorCode, challengeCookieOnly, passSetCookies } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import { privatePage } from './html-response.js';
import { clearPendingSignIn, readPendingSignIn } from './pending-sign-in.js';
import { readTwoFactorCode } from './read-two-factor-code.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { csrfTokenOf } from './staff-viewer.js';
import { TWO_FACTOR_TEXT as TEXT, type TwoFactorHelpers } from './two-factor-helpers.js';

/** /signin/code: the second step of a sign-in, a TOTP or backup code after the password. */
export function createTwoFactorSignInRoutes(ctx: AppContext, { record, checkCode }: TwoFactorHelpers) {
  const secure = ctx.publicOrigin.startsWith('https:');
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
        const code = readTwoFactorCode(body.code);
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
    );
}
