/** Error codes of the whole application; only server/problem.ts maps them to HTTP. */
export const APP_ERROR_CODES = [
  'NOT_FOUND',
  'INVALID_INPUT',
  'CONFLICT',
  'FORBIDDEN',
  /** no signed-in account where one is needed */
  'UNAUTHENTICATED',
  /** a write that did not say which version it started from (If-Match or the form's version field) */
  'PRECONDITION_REQUIRED',
  /** the request body is larger than the route takes */
  'PAYLOAD_TOO_LARGE',
  'IMPORT_REJECTED',
  /** the database cannot take writes now (e.g. a full disk); reads may still work */
  'UNAVAILABLE',
  'CONFIG_INVALID',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

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
