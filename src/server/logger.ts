import { type DestinationStream, type Logger, pino } from 'pino';
import type { LogLevel } from '../config.js';

export type { Logger, LogLevel };

/**
 * Keys whose values never reach a line, wherever a caller puts them (a safety net: the request log writes none of
 * them, and nothing logs headers or bodies): at the top of a line, and one level down, e.g. `{ user: { password } }`.
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
const CENSOR = '[redacted]';
const isRedacted = new Set(REDACTED_KEYS);

/**
 * The line's fields with REDACTED_KEYS censored one level down (the top level is pino's `redact`). pino's own
 * `*.key` paths did the same at ~20 µs a line, a twentieth of a cached answer's whole cost (measured beside
 * top-level paths only, in a loop of 100,000 access lines); this walks the line's own objects, copying only one
 * that holds such a key.
 */
function censorOneLevelDown(fields: Record<string, unknown>): Record<string, unknown> {
  let censored: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof Error) continue;
    const inner = value as Record<string, unknown>;
    if (!Object.keys(inner).some((name) => isRedacted.has(name))) continue;
    const copy: Record<string, unknown> = {};
    for (const name in inner) copy[name] = isRedacted.has(name) ? CENSOR : inner[name];
    censored ??= { ...fields };
    censored[key] = copy;
  }
  return censored ?? fields;
}

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
      formatters: { level: (label) => ({ level: label }), log: censorOneLevelDown, bindings: censorOneLevelDown },
      redact: { paths: REDACTED_KEYS, censor: CENSOR },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** Where the app logs when it is given no logger (tests, benchmarks): errors only, on standard error. */
export function createFallbackLogger(): Logger {
  return createLogger({ level: 'error', destination: pino.destination({ dest: 2, sync: true }) });
}
