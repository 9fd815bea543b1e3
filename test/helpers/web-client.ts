import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { operatorActor, type RoleName } from '../../src/domain/access-policy.js';
import { addAccount } from '../../src/service/accounts/manage-accounts.js';
import type { Database } from '../../src/store/database.js';

/** The origin `app.request` uses, and the apps under test are configured with. */
export const TEST_ORIGIN = 'http://localhost';

/**
 * A browser as far as `app.request` goes: keeps cookies, sends the Origin a browser sends on writes, and puts the
 * form token (the `renkei-csrf` cookie's value) into forms.
 */
export class WebClient {
  readonly cookies = new Map<string, string>();
  readonly #send: (path: string, init: RequestInit) => Promise<Response>;
  readonly #origin: string;

  /** `target`: an app (called through `app.request`) or the origin of a running server (called with fetch). */
  constructor(target: Hono | string) {
    if (typeof target === 'string') {
      this.#origin = target;
      this.#send = (path, init) => fetch(`${target}${path}`, { ...init, redirect: 'manual' });
    } else {
      this.#origin = TEST_ORIGIN;
      this.#send = async (path, init) => target.request(path, init);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('Origin')) headers.set('Origin', this.#origin);
    const response = await this.#send(path, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** The form token, fetched with any page that sets it. */
  async csrf(): Promise<string> {
    if (!this.cookies.has('renkei-csrf')) await this.request('/signin');
    return decodeURIComponent(this.cookies.get('renkei-csrf') ?? '');
  }

  async postForm(path: string, fields: Record<string, string | File>): Promise<Response> {
    const form = new FormData();
    form.set('csrf', await this.csrf());
    for (const [key, value] of Object.entries(fields)) form.set(key, value);
    return this.request(path, { method: 'POST', body: form });
  }

  async signIn(email: string, password: string): Promise<Response> {
    return this.postForm('/signin', { email, password, next: '/staff' });
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes('session_token'));
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

/** Makes an account (as the operator would at the CLI) and a client signed in with it. */
export async function signedInClient(
  app: Hono,
  db: Kysely<Database>,
  account: { email: string; role: RoleName; areaSlug?: string; municipality?: string },
): Promise<WebClient> {
  await addAccount(db, operatorActor('cli'), {
    email: account.email,
    name: account.email,
    password: TEST_PASSWORD,
    role: { role: account.role, areaSlug: account.areaSlug, municipality: account.municipality },
  });
  const client = new WebClient(app);
  const response = await client.signIn(account.email, TEST_PASSWORD);
  if (response.status !== 303 || !client.signedIn) {
    throw new Error(`sign-in of ${account.email} failed: ${response.status} ${(await response.text()).slice(0, 300)}`);
  }
  return client;
}
