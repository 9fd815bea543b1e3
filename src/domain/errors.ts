/** Error codes of the whole application; only server/problem.ts maps them to HTTP. */
export type AppErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'IMPORT_REJECTED'
  | 'CONFIG_INVALID'
  | 'INTERNAL';

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Japanese text that is safe to show to a user */
  readonly userMessage: string | undefined;

  constructor(code: AppErrorCode, message: string, options: { userMessage?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage;
  }
}
