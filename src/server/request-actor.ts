import type { Context } from 'hono';
import type { Actor } from '../domain/access-policy.js';
import { loadAccountActor } from '../service/accounts/load-actor.js';
import type { AppContext } from './app-deps.js';

/** What the guarded routes keep on the request: the actor (read once) and its session token. */
export type ActorVariables = { actor: Actor | undefined; sessionToken: string | undefined };
export type ActorEnv = { Variables: ActorVariables };

/**
 * The signed-in account of this request, from its session cookie (better-auth checks the signature and expiry),
 * with its roles; undefined when nobody is signed in or the account is disabled. Read at most once per request,
 * and only by routes that need it: public pages never touch the session, so they stay cacheable.
 */
export async function readActor(c: Context<ActorEnv>, ctx: AppContext): Promise<Actor | undefined> {
  if (c.get('actor') !== undefined) return c.get('actor');
  const auth = await ctx.auth.instance();
  const found = await auth.api.getSession({ headers: c.req.raw.headers, query: { disableRefresh: false } });
  const channel = c.req.path.startsWith('/api/') ? 'api' : 'web';
  const actor = found ? await loadAccountActor(ctx.db, found.user.id, channel) : undefined;
  c.set('actor', actor);
  c.set('sessionToken', found?.session.token);
  return actor;
}
