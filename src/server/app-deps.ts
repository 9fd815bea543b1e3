import type { Kysely } from 'kysely';
import type { AccountAuth } from '../service/accounts/account-auth.js';
import type { Database } from '../store/database.js';
import type { Logger } from './logger.js';
import type { DataFreshness } from './response-cache.js';

/** What the HTTP app needs from outside: passed in, never imported, so tests give their own. */
export type AppDeps = {
  db: Kysely<Database>;
  /** how long pages may be served after another process changed the data (ms); default 1000, tests 0 */
  dataStampTtlMs?: number;
  /**
   * Where the request log and unexpected errors go (`createLogger`); by default errors only, on standard error.
   * Tests give one writing to memory.
   */
  logger?: Logger;
  /**
   * The site's public origin (`https://renkei.example.jp`): absolute URLs in files and pages are made from it,
   * never from the request's Host header. Default `http://localhost`. `https:` also turns on secure cookies
   * and HSTS.
   */
  publicUrl?: string;
  /** sign-in attempts allowed per client address and minute; default 10 (tests that sign in often raise it) */
  signInAttemptsPerMinute?: number;
};

/** What the routes share inside one app: the deps, resolved, plus the one freshness and the accounts. */
export type AppContext = AppDeps & {
  logger: Logger;
  /** the origin of publicUrl, without a trailing slash */
  publicOrigin: string;
  freshness: DataFreshness;
  auth: AccountAuth;
  /** the installation's secret (signs form tokens), read once */
  secret(): Promise<string>;
};
