import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, type AppErrorCode } from '../domain/errors.js';

/** The one map from error codes to HTTP statuses; exhaustive, so a new code does not compile until placed here. */
export const httpStatusByCode: Record<AppErrorCode, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  UNAVAILABLE: 503,
  IMPORT_REJECTED: 422,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
};

const titleByCode: Record<AppErrorCode, string> = {
  NOT_FOUND: '見つかりません',
  INVALID_INPUT: '指定に誤りがあります',
  CONFLICT: 'ほかの変更と重なりました',
  FORBIDDEN: 'この操作はできません',
  UNAUTHENTICATED: 'ログインが必要です',
  PRECONDITION_REQUIRED: '変更前の版の指定が必要です',
  PAYLOAD_TOO_LARGE: '送信された内容が大きすぎます',
  UNAVAILABLE: '現在この操作を受け付けられません',
  IMPORT_REJECTED: '文書を取り込めません',
  CONFIG_INVALID: 'サーバーでエラーが起きました',
  INTERNAL: 'サーバーでエラーが起きました',
};

const genericServerDetail = 'サーバーでエラーが起きました。時間をおいてもう一度お試しください。';

/** RFC 9457 problem details, with the application's error code as an extension member. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: AppErrorCode;
};

export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * Turns any thrown value into a problem+json answer. AppErrors keep their code and Japanese userMessage;
 * anything else (and every 5xx) is logged with its cause and shown as a generic server error.
 */
export function toProblemResponse(error: unknown, instance: string, logError: ErrorLogger): Response {
  const problem = describeProblem(error, instance, logError);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8' },
  });
}

/** The problem details of any thrown value (5xx are logged with their cause): for JSON and for error pages. */
export function describeProblem(error: unknown, instance: string, logError: ErrorLogger): ProblemDetails {
  const problem = toProblem(error, instance);
  if (problem.status >= 500) logError(`${problem.code} at ${instance}`, error);
  return problem;
}

/** The error code an answer to this thrown value carries (for the access log line). */
export function problemCodeOf(error: unknown): AppErrorCode {
  return toProblem(error, '').code;
}

function toProblem(error: unknown, instance: string): ProblemDetails {
  if (error instanceof AppError) {
    const status = httpStatusByCode[error.code];
    // a 503 says why the write cannot be taken now (e.g. a full disk): its message is safe and useful to show
    const shown = status < 500 || error.code === 'UNAVAILABLE';
    const detail = shown ? (error.userMessage ?? titleByCode[error.code]) : genericServerDetail;
    return build(error.code, status, detail, instance);
  }
  if (error instanceof ZodError) {
    // a route's own schema refused a path, query or form value
    const issue = error.issues[0];
    const detail = `「${issue?.path.join('.') ?? ''}」の指定が正しくありません: ${issue?.message ?? ''}`;
    return build('INVALID_INPUT', 400, detail, instance);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return build('INVALID_INPUT', error.status, error.message || titleByCode.INVALID_INPUT, instance);
  }
  return build('INTERNAL', 500, genericServerDetail, instance);
}

function build(code: AppErrorCode, status: number, detail: string, instance: string): ProblemDetails {
  return {
    type: `urn:renkei:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: titleByCode[code],
    status,
    detail,
    instance,
    code,
  };
}
