import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../domain/access-policy.js';
import { MIN_PASSWORD_LENGTH } from '../service/accounts/account-auth.js';
import { recordAccountEvent } from '../service/accounts/record-account-event.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import { messages } from '../web/messages.js';
import { AccountPage, type PasswordField } from '../web/pages/account-page.js';
import { SignInPage } from '../web/pages/sign-in-page.js';
import { StaffHomePage } from '../web/pages/staff-home-page.js';
import type { AppContext } from './app-deps.js';
import { callAuth, passSetCookies } from './call-auth.js';
import { checkFormToken } from './csrf.js';
import { privatePage, safeNextPath } from './html-response.js';
import { setPendingSignIn } from './pending-sign-in.js';
import type { ActorEnv } from './request-actor.js';
import { guard } from './route-policy.js';
import { buildStaffViewer, csrfTokenOf } from './staff-viewer.js';

/** Form fields are small: nobody types a 4 KB e-mail or password. */
const FORM_LIMIT = 16 * 1024;

const SignInFormSchema = z.object({
  email: z.string().trim().min(1, 'メールアドレスを入力してください').max(254, '254 文字以内で入力してください'),
  password: z.string().min(1, 'パスワードを入力してください').max(256, '256 文字以内で入力してください'),
});

const ACCOUNT_TEXT = messages.staff.account;

const PasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, ACCOUNT_TEXT.currentPasswordMissing).max(256),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, ACCOUNT_TEXT.newPasswordTooShort(MIN_PASSWORD_LENGTH))
      .max(256, ACCOUNT_TEXT.newPasswordTooLong),
    confirmPassword: z.string(),
  })
  .refine((f) => f.newPassword === f.confirmPassword, {
    path: ['confirmPassword'],
    message: ACCOUNT_TEXT.confirmPasswordDiffers,
  });

/**
 * Sign-in, sign-out, the staff menu and the account's own page. Passwords are checked and sessions made by
 * better-auth (its rate limit included): these routes translate the forms into calls of its endpoints, which are
 * not exposed themselves.
 */
export function createAccountRoutes(ctx: AppContext): Hono<ActorEnv> {
  return new Hono<ActorEnv>()
    .get('/signin', async (c) => {
      const next = safeNextPath(c.req.query('next'), '/staff');
      return privatePage(c, <SignInPage email="" next={next} csrf={await csrfTokenOf(c, ctx)} errors={{}} />);
    })
    .post('/signin', guard(ctx, { kind: 'anyone', reason: 'signing in is how an account starts' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const next = safeNextPath(body.next, '/staff');
      const email = typeof body.email === 'string' ? body.email.trim().slice(0, 254) : '';
      const again = async (status: 401 | 422 | 429, errors: Record<string, string>, alert?: string) =>
        privatePage(
          c,
          <SignInPage email={email} next={next} csrf={await csrfTokenOf(c, ctx)} errors={errors} alert={alert} />,
          status,
        );
      const parsed = SignInFormSchema.safeParse(body);
      if (!parsed.success) return again(422, fieldErrors(parsed.error.issues));

      const answer = await callAuth(ctx, c, '/sign-in/email', {
        body: { email: parsed.data.email.toLowerCase(), password: parsed.data.password, rememberMe: false },
        withCookies: false,
      });
      if (answer.status === 429) {
        return again(429, {}, 'ログインの試行が多すぎます。1 分ほど待ってから、もう一度お試しください。');
      }
      if (answer.status !== 200) {
        await recordAccountEvent(ctx.db, {
          action: 'account.sign_in_refused',
          userId: null,
          email: parsed.data.email.toLowerCase(),
          channel: 'web',
          detail: { status: answer.status },
        });
        return again(401, {}, 'メールアドレスかパスワードが違います（または、このアカウントは使えません）。');
      }
      const signedIn = (await answer.json()) as { user?: { id: string; email: string }; twoFactorRedirect?: boolean };
      if (signedIn.twoFactorRedirect === true || signedIn.user === undefined) {
        // the password was right, but the account asks for a code: no session yet (better-auth ended the one the
        // password made), only its challenge cookie
        passSetCookies(answer, c.res.headers);
        const secure = ctx.publicOrigin.startsWith('https:');
        setPendingSignIn(c, await ctx.secret(), { email: parsed.data.email.toLowerCase(), next }, secure);
        return c.redirect('/signin/code', 303);
      }
      const { user } = signedIn;
      await recordAccountEvent(ctx.db, {
        action: 'account.sign_in',
        userId: user.id,
        email: user.email,
        channel: 'web',
      });
      passSetCookies(answer, c.res.headers);
      return c.redirect(next, 303);
    })
    .post('/signout', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const answer = await callAuth(ctx, c, '/sign-out', { body: {}, withCookies: true });
      await recordAccountEvent(ctx.db, {
        action: 'account.sign_out',
        userId: actor.kind === 'account' ? actor.userId : null,
        email: actor.label,
        channel: 'web',
      });
      passSetCookies(answer, c.res.headers);
      return c.redirect('/', 303);
    })
    .get('/staff', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const viewer = await buildStaffViewer(c, ctx, c.get('actor') as Actor);
      return privatePage(c, <StaffHomePage viewer={viewer} />);
    })
    .get('/account', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const viewer = await buildStaffViewer(c, ctx, c.get('actor') as Actor);
      const changed = c.req.query('changed') === '1';
      const twoFactorNotice = c.req.query('twoFactor');
      return privatePage(
        c,
        <AccountPage
          viewer={viewer}
          errors={{}}
          changed={changed}
          minLength={MIN_PASSWORD_LENGTH}
          twoFactor={await readTwoFactorStatus(ctx.db, c.get('actor') as Actor)}
          twoFactorNotice={twoFactorNotice === 'off' ? 'off' : undefined}
        />,
      );
    })
    .post('/account/password', guard(ctx, { kind: 'signed-in' }), async (c) => {
      const body = await readSmallForm(c);
      checkFormToken(c, await ctx.secret(), body.csrf);
      const actor = c.get('actor') as Actor;
      const again = async (errors: Partial<Record<PasswordField, string>>) =>
        privatePage(
          c,
          <AccountPage
            viewer={await buildStaffViewer(c, ctx, actor)}
            errors={errors}
            changed={false}
            minLength={MIN_PASSWORD_LENGTH}
            twoFactor={await readTwoFactorStatus(ctx.db, actor)}
          />,
          422,
        );
      const parsed = PasswordFormSchema.safeParse(body);
      if (!parsed.success) return again(fieldErrors(parsed.error.issues));
      const answer = await callAuth(ctx, c, '/change-password', {
        body: {
          currentPassword: parsed.data.currentPassword,
          newPassword: parsed.data.newPassword,
          revokeOtherSessions: true,
        },
        withCookies: true,
      });
      if (answer.status !== 200) return again({ currentPassword: ACCOUNT_TEXT.currentPasswordWrong });
      await recordAccountEvent(ctx.db, {
        action: 'account.change_password',
        userId: actor.kind === 'account' ? actor.userId : null,
        email: actor.label,
        channel: 'web',
      });
      passSetCookies(answer, c.res.headers);
      return c.redirect('/account?changed=1', 303);
    });
}

/** A url-encoded or multipart form of text fields, refused past FORM_LIMIT bytes. */
export async function readSmallForm(c: {
  req: { header(name: string): string | undefined; parseBody(): Promise<Record<string, unknown>> };
}) {
  const length = Number(c.req.header('Content-Length') ?? '0');
  if (length > FORM_LIMIT) return {} as Record<string, unknown>;
  return c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
}

/** The first message per field of a failed zod parse. */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field !== '' && errors[field] === undefined) errors[field] = issue.message;
  }
  return errors;
}
