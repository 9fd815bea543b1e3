import path from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/errors.js';
import { packageRoot } from './package-root.js';

export { packageRoot };

/** LOG_LEVEL's values, most to least severe; `silent` logs nothing (server/logger.ts). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Config = {
  port: number;
  /** absolute path of the PGlite data directory (unused when databaseUrl is set) */
  dataDir: string;
  /** a PostgreSQL server to use instead of PGlite */
  databaseUrl: string | undefined;
  /** absolute path of the document `npm start` imports into an empty database */
  sampleDocument: string;
  /** the site's public origin (absolute URLs, cookies, CSRF checks): PUBLIC_URL, default http://localhost:PORT */
  publicUrl: string;
  /** the least severe level logged: LOG_LEVEL, default info */
  logLevel: LogLevel;
};

/** An unset variable and an empty one mean the same: use the default. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const EnvSchema = z.object({
  PORT: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^\d+$/, { error: '1〜65535 の整数にしてください' })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, { error: '1〜65535 の整数にしてください' })
          .max(65535, { error: '1〜65535 の整数にしてください' }),
      )
      .default(3000),
  ),
  DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine(isPostgresUrl, { error: 'postgres://ユーザー@ホスト:ポート/データベース の形にしてください' })
      .optional(),
  ),
  SAMPLE_DOCUMENT: z.preprocess(unsetIfEmpty, z.string().optional()),
  PUBLIC_URL: z.preprocess(
    unsetIfEmpty,
    z.string().refine(isHttpOrigin, { error: 'http(s)://ホスト名[:ポート] の形にしてください（パスなし）' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(
    unsetIfEmpty,
    z.enum(LOG_LEVELS, { error: `${LOG_LEVELS.join('、')} のどれかにしてください` }).default('info'),
  ),
});

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && (url.pathname === '/' || url.pathname === '');
  } catch {
    return false;
  }
}

function isPostgresUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'postgres:' || protocol === 'postgresql:';
  } catch {
    return false;
  }
}

/**
 * Reads the configuration from environment variables. Relative paths are taken from the working directory;
 * the defaults (`data/`, the bundled sample) from the package root, so that `npx renkei` in any folder uses the
 * same database as `npm start`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      // a database URL may hold a password: name the variable, never echo its value
      const shown = name === 'DATABASE_URL' ? '' : `=${JSON.stringify(env[name] ?? '')}`;
      return `環境変数 ${name}${shown}: ${issue.message}`;
    });
    throw new AppError('CONFIG_INVALID', `Invalid environment: ${problems.join('; ')}`, {
      userMessage: problems.join('\n'),
    });
  }
  const { PORT, DATA_DIR, DATABASE_URL, SAMPLE_DOCUMENT, PUBLIC_URL, LOG_LEVEL } = parsed.data;
  return {
    port: PORT,
    dataDir: DATA_DIR ? path.resolve(cwd, DATA_DIR) : path.join(packageRoot, 'data'),
    databaseUrl: DATABASE_URL,
    sampleDocument: SAMPLE_DOCUMENT
      ? path.resolve(cwd, SAMPLE_DOCUMENT)
      : path.join(packageRoot, 'samples', 'aomori-vision-r4-03.txt'),
    publicUrl: PUBLIC_URL ? new URL(PUBLIC_URL).origin : `http://localhost:${PORT}`,
    logLevel: LOG_LEVEL,
  };
}

/** Who publishes the portal and how to reach them, shown in every page's header and footer. */
export type SiteConfig = {
  /** the publishing section, e.g. 「青森市 企画部 企画調整課」; unset: the central city's name from the data */
  publisher: string | undefined;
  /** how to reach it, as text (telephone, e-mail, office), e.g. 「電話 017-000-0000」 */
  contact: string | undefined;
  /** a page or mailto: link for enquiries */
  contactUrl: string | undefined;
};

const SiteEnvSchema = z.object({
  PUBLISHER: z.preprocess(unsetIfEmpty, z.string().max(100, { error: '100 文字以内にしてください' }).optional()),
  CONTACT: z.preprocess(unsetIfEmpty, z.string().max(200, { error: '200 文字以内にしてください' }).optional()),
  CONTACT_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .refine((v) => /^(https?:\/\/|mailto:)/.test(v), { error: 'https:// か mailto: で始まる URL にしてください' })
      .optional(),
  ),
});

/**
 * The publisher and contact settings (PUBLISHER, CONTACT, CONTACT_URL). Read on their own so that pages can show
 * them without the server's other settings; an invalid value is refused like any other setting.
 */
export function loadSiteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const parsed = SiteEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `環境変数 ${String(issue.path[0] ?? '?')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `Invalid environment: ${problems.join('; ')}`, {
      userMessage: problems.join('\n'),
    });
  }
  return { publisher: parsed.data.PUBLISHER, contact: parsed.data.CONTACT, contactUrl: parsed.data.CONTACT_URL };
}
