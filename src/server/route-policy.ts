import type { Context, MiddlewareHandler } from 'hono';
import { isAllowedSomewhere, type Permission } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import type { AppContext } from './app-deps.js';
import { type ActorEnv, readActor } from './request-actor.js';

/**
 * Who may call a route, declared next to it (`guard(ctx, policy)` as its first middleware). Every route that is
 * not a public read declares one; test/http/authorization-matrix.test.ts enumerates the router and fails on any
 * state-changing route without it.
 * - `anyone`: open to everybody on purpose (signing in), with the reason;
 * - `signed-in`: any account (its own settings);
 * - `permission`: an account holding the permission (or one of the permissions) in some area; the service checks
 *   the exact area.
 */
export type RoutePolicy =
  | { kind: 'anyone'; reason: string }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission | readonly Permission[] };

export const ROUTE_POLICY: unique symbol = Symbol('renkei.routePolicy');

export type GuardMiddleware = MiddlewareHandler<ActorEnv> & { [ROUTE_POLICY]: RoutePolicy };

/** The policy a route's handler declares, if any (for the matrix test). */
export function policyOf(handler: unknown): RoutePolicy | undefined {
  return (handler as Partial<GuardMiddleware> | undefined)?.[ROUTE_POLICY];
}

export function guard(ctx: AppContext, policy: RoutePolicy): GuardMiddleware {
  const middleware: MiddlewareHandler<ActorEnv> = async (c, next) => {
    if (policy.kind !== 'anyone') {
      const actor = await readActor(c, ctx);
      if (!actor) return refuseAnonymous(c);
      const wanted = policy.kind === 'permission' ? [policy.permission].flat() : [];
      if (policy.kind === 'permission' && !wanted.some((permission) => isAllowedSomewhere(actor, permission))) {
        throw new AppError('FORBIDDEN', `${actor.label} may not ${wanted.join(' or ')}`, {
          userMessage: 'このページを使う権限がありません。',
        });
      }
    }
    await next();
  };
  return Object.assign(middleware, { [ROUTE_POLICY]: policy });
}

/** Pages send the visitor to the sign-in page and back; the API answers 401. */
function refuseAnonymous(c: Context): Response {
  if (c.req.path.startsWith('/api/')) {
    throw new AppError('UNAUTHENTICATED', `Sign-in needed for ${c.req.path}`, {
      userMessage: 'この操作にはログインが必要です。',
    });
  }
  const back = c.req.method === 'GET' ? `${c.req.path}${new URL(c.req.url).search}` : c.req.path;
  return c.redirect(`/signin?next=${encodeURIComponent(back)}`, 303);
}
