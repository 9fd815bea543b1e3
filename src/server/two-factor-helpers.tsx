import type { Context } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { MIN_PASSWORD_LENGTH } from '../service/accounts/account-auth.js';
import { type AccountEventAction, recordAccountEvent } from '../service/accounts/record-account-event.js';
import {
  claimTotpCode,
  clearTwoFactorFailures,
  isTwoFactorLocked,
  noteTwoFactorFailure,
  releaseTotpCode,
} from '../service/accounts/two-factor-attempts.js';
import { readTwoFactorStatus } from '../service/accounts/two-factor-status.js';
import { messages } from '../web/messages.js';
import { AccountPage } from '../web/pages/account-page.js';
import type { TwoFactorField } from '../web/pages/two-factor-section.js';
import { TwoFactorBackupCodesPage } from '../web/pages/two-factor-setup-page.js';
import type { AppContext } from './app-deps.js';
import { callAuth, cookiesSetBy } from './call-auth.js';
import { privatePage } from './html-response.js';
import type { TwoFactorCode } from './read-two-factor-code.js';
import type { ActorEnv } from './request-actor.js';
import { buildStaffViewer } from './staff-viewer.js';

export const TWO_FACTOR_TEXT = messages.staff.twoFactor;

const VERIFY_PATH = { totp: '/two-factor/verify-totp', backup_code: '/two-factor/verify-backup-code' } as const;

type AccountOf = { userId: string | null; email: string };

/** What the two-factor routes share: the audit record, the account page re-rendered, a code checked, the lock. */
export type TwoFactorHelpers = ReturnType<typeof createTwoFactorHelpers>;

export function createTwoFactorHelpers(ctx: AppContext) {
  const record = (action: AccountEventAction, actor: AccountOf, detail?: object) =>
    recordAccountEvent(ctx.db, {
      action,
      userId: actor.userId,
      email: actor.email,
      channel: 'web',
      ...(detail ? { detail: { ...detail } } : {}),
    });
  const whoIs = (actor: Actor): AccountOf => ({
    userId: actor.kind === 'account' ? actor.userId : null,
    email: actor.label,
  });
  /** The account page again, with the two-factor section's errors or alert. */
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
  /** The backup codes, shown this once (after set-up, or made anew). */
  const backupCodesPage = async (c: Context<ActorEnv>, backupCodes: string[], reason: 'enabled' | 'regenerated') =>
    privatePage(
      c,
      <TwoFactorBackupCodesPage
        viewer={await buildStaffViewer(c, ctx, c.get('actor') as Actor)}
        backupCodes={backupCodes}
        reason={reason}
      />,
    );
  /**
   * Checks a code with better-auth, a TOTP code claimed first (it works once: of two posts of one code, only one
   * reaches better-auth); a refused code is released again. 'reused' when the account used it minutes ago.
   */
  const checkCode = async (
    c: Context<ActorEnv>,
    userId: string,
    code: TwoFactorCode,
    withCookies: boolean | string,
  ): Promise<Response | 'reused'> => {
    if (code.kind === 'totp' && !(await claimTotpCode(ctx.db, userId, code.code))) return 'reused';
    const answer = await callAuth(ctx, c, VERIFY_PATH[code.kind], { body: { code: code.code }, withCookies });
    if (answer.status !== 200 && code.kind === 'totp') await releaseTotpCode(ctx.db, userId, code.code);
    return answer;
  };
  /**
   * A code a signed-in account gives to turn two-factor on (`confirm`) or off (`disable`), checked with Renkei's
   * count of wrong codes (better-auth counts none of a signed-in account: Renkei does, 5 per 15 minutes): a locked
   * account is refused before any code is checked; a reused or wrong code is recorded as a refusal (a wrong one also
   * counted); a right one clears the count. 'limited' is better-auth's own rate limit. On success, better-auth's
   * answer (its cookies replace the session).
   */
  const checkSignedInCode = async (
    c: Context<ActorEnv>,
    actor: Actor,
    code: TwoFactorCode,
    step: 'confirm' | 'disable',
  ): Promise<{ refused: 'locked' | 'reused' | 'limited' | 'wrong' } | { answer: Response }> => {
    const who = whoIs(actor);
    const userId = who.userId ?? '';
    if (await isTwoFactorLocked(ctx.db, userId)) {
      await record('account.two_factor_refused', who, { kind: code.kind, step, reason: 'TOO_MANY_ATTEMPTS' });
      return { refused: 'locked' };
    }
    const answer = await checkCode(c, userId, code, true);
    if (answer === 'reused') {
      await record('account.two_factor_refused', who, { kind: code.kind, step, reason: 'CODE_REUSED' });
      return { refused: 'reused' };
    }
    if (answer.status === 429) return { refused: 'limited' };
    if (answer.status !== 200) {
      await noteTwoFactorFailure(ctx.db, userId);
      await record('account.two_factor_refused', who, { kind: code.kind, step });
      return { refused: 'wrong' };
    }
    await clearTwoFactorFailures(ctx.db, userId);
    return { answer };
  };
  /** Ends the account's other sessions (as a password change does), calling on as the session `answer` set. */
  const endOtherSessions = async (c: Context<ActorEnv>, answer: Response) => {
    const ended = await callAuth(ctx, c, '/revoke-other-sessions', { body: {}, withCookies: cookiesSetBy(answer) });
    if (ended.status !== 200) ctx.logger.error({ status: ended.status }, 'two-factor: other sessions not ended');
  };
  return { record, whoIs, accountPage, backupCodesPage, checkCode, checkSignedInCode, endOtherSessions };
}

/** A password field of a two-factor form, at most 256 characters; '' when missing. */
export function readPasswordField(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 256) : '';
}
