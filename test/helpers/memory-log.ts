import { createLogger, type Logger, type LogLevel } from '../../src/server/logger.js';

/** One line of the log, parsed (`level`, `time`, `pid`, `msg`, then the line's own fields). */
export type LogLine = { level: string; msg: string; reqId?: string; [field: string]: unknown };

/** A logger that keeps its lines in memory, for tests that assert what was logged (or that nothing was). */
export type MemoryLog = {
  logger: Logger;
  /** everything written, as written */
  text(): string;
  /** every line, parsed; throws when one is not JSON */
  lines(): LogLine[];
  /** the lines at level error or fatal: unexpected errors */
  errors(): LogLine[];
  clear(): void;
};

export function createMemoryLog(level: LogLevel = 'info'): MemoryLog {
  let written = '';
  const destination = {
    write: (chunk: string) => {
      written += chunk;
    },
  };
  const logger = createLogger({ level, destination });
  const lines = () =>
    written
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as LogLine);
  return {
    logger,
    text: () => written,
    lines,
    errors: () => lines().filter((line) => line.level === 'error' || line.level === 'fatal'),
    clear: () => {
      written = '';
    },
  };
}
