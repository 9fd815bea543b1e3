import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger, LogLevel };

/**
 * Keys whose values never reach a line, wherever a caller puts them (a safety net: the request log writes none of
 * them, and nothing logs headers or bodies). `*.key` covers one level of nesting, e.g. `{ user: { password } }`.
 */
const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'sessionToken',
  'secret',
  'cookie',
  'authorization',
  'headers',
  'body',
];
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

export type LoggerOptions = {
  level: LogLevel;
  /** where lines go; default standard output, written asynchronously (flushed on exit) */
  destination?: DestinationStream;
};

/**
 * The process's logger: one JSON object per line (`level` as a name, `time` in ISO 8601, `pid`, `msg`, fields), for
 * a log collector; `npx pino-pretty` makes it readable in a terminal. Requests log through a child that adds their
 * id (`server/request-log.ts`).
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Where the app logs when it is given no logger (tests, benchmarks): errors only, on standard error. */
export function createFallbackLogger(): Logger {
  return createLogger({ level: 'error', destination: pino.destination({ dest: 2, sync: true }) });
}
