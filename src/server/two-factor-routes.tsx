import { Hono } from 'hono';
import type { AppContext } from './app-deps.js';
import type { ActorEnv } from './request-actor.js';
import { createTwoFactorBackupCodesRoutes } from './two-factor-backup-codes-routes.js';
import { createTwoFactorDisableRoutes } from './two-factor-disable-routes.js';
import { createTwoFactorHelpers } from './two-factor-helpers.js';
import { createTwoFactorSetupRoutes } from './two-factor-setup-routes.js';
import { createTwoFactorSignInRoutes } from './two-factor-sign-in-routes.js';

/**
 * Two-factor sign-in (TOTP, better-auth's twoFactor plugin): the second step of a sign-in (/signin/code) and the
 * account's own set-up, new backup codes and removal (/account/two-factor/…). Like the other account routes,
 * these translate forms into calls of better-auth's endpoints (its rate limits and the plugin's per-challenge and
 * per-account limits apply) and record what happened in the audit log. Each route declares its policy in its file.
 */
export function createTwoFactorRoutes(ctx: AppContext): Hono<ActorEnv> {
  const helpers = createTwoFactorHelpers(ctx);
  return new Hono<ActorEnv>()
    .route('/', createTwoFactorSignInRoutes(ctx, helpers))
    .route('/', createTwoFactorSetupRoutes(ctx, helpers))
    .route('/', createTwoFactorBackupCodesRoutes(ctx, helpers))
    .route('/', createTwoFactorDisableRoutes(ctx, helpers));
}
