import { betterAuth } from 'better-auth';
import type { Kysely } from 'kysely';
import { authSchemaOptions } from '../../store/auth-schema.js';
import type { Database } from '../../store/database.js';
import { readInstallationSecret } from '../../store/installation-secret-store.js';

/** The shortest password Renkei accepts (NIST SP 800-63B asks at least 8; staff accounts write official data). */
export const MIN_PASSWORD_LENGTH = 12;

/** How long a session lasts without use, and how often its expiry is pushed back while it is used. */
const SESSION_SECONDS = 12 * 60 * 60;
const SESSION_REFRESH_SECONDS = 60 * 60;

/** The header the server sets from the socket's address (never from the client) for better-auth's rate limits. */
export const CLIENT_ADDRESS_HEADER = 'x-renkei-client-address';

/** Where better-auth's endpoints live inside the app; they are called only by Renkei's own routes. */
export const AUTH_BASE_PATH = '/auth';

export type AccountAuthOptions = {
  /** the site's public origin: session cookies are `Secure` when it is https */
  publicOrigin: string;
  signInAttemptsPerMinute: number;
};

function buildAuth(db: Kysely<Database>, secret: string, options: AccountAuthOptions) {
  const schema = authSchemaOptions(db);
  return betterAuth({
    ...schema,
    secret,
    baseURL: options.publicOrigin,
    basePath: AUTH_BASE_PATH,
    trustedOrigins: [options.publicOrigin],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true, // accounts are made by an admin (CLI or /admin/users), never by sign-up
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: options.signInAttemptsPerMinute },
        '/change-password': { window: 60, max: 10 },
        // the second step of a sign-in and the two-factor settings: limited like sign-in (the plugin's own
        // 3 per 10 s is replaced); the plugin also ends a challenge after 5 wrong codes and locks the second
        // step of an account for 15 minutes after 10 in a row
        '/two-factor/*': { window: 60, max: options.signInAttemptsPerMinute },
      },
    },
    advanced: {
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: options.publicOrigin.startsWith('https:'),
      cookiePrefix: 'renkei',
    },
    databaseHooks: {
      session: {
        create: {
          // a disabled account gets no new session, whatever its password
          before: async (session) => {
            const user = await db
              .selectFrom('user')
              .select('disabled')
              .where('id', '=', session.userId)
              .executeTakeFirst();
            return user !== undefined && !user.disabled;
          },
        },
      },
    },
    logger: { level: 'error' },
  });
}

export type BetterAuthInstance = ReturnType<typeof buildAuth>;

/** better-auth over the installation's database, made on first use (its secret is read from the database). */
export type AccountAuth = { instance(): Promise<BetterAuthInstance> };

export function createAccountAuth(db: Kysely<Database>, options: AccountAuthOptions): AccountAuth {
  let made: Promise<BetterAuthInstance> | undefined;
  return {
    instance() {
      made ??= readInstallationSecret(db).then((secret) => buildAuth(db, secret, options));
      made.catch(() => {
        made = undefined;
      });
      return made;
    },
  };
}
