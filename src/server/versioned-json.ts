import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { VersionConflictError } from '../service/run-write.js';
import { toProblemResponse } from './problem.js';
import { errorLoggerOf } from './request-log.js';

/** The API's versioned records: ETag "vN" out, If-Match "vN" in, so no update is lost (RFC 9110 §13.1.1). */
export const etagOfVersion = (version: number) => `"v${version}"`;

/** A record answered with its version as ETag; never cached (it is not public). */
export function sendVersioned(c: Context, body: object, version: number): Response {
  c.header('ETag', etagOfVersion(version));
  c.header('Cache-Control', 'no-store');
  return c.json(body);
}

/** The version a write started from, from `If-Match: "v3"`; a write without it is refused (428). */
export function parseIfMatch(header: string | undefined): number {
  const match = header?.trim().match(/^(?:W\/)?"v(\d{1,9})"$/);
  if (!match) {
    throw new AppError('PRECONDITION_REQUIRED', 'If-Match missing or not a version', {
      userMessage:
        '変更前に取得した ETag を If-Match ヘッダーで送ってください（例: If-Match: "v3"、未入力なら "v0"）。',
    });
  }
  return Number(match[1]);
}

/** A JSON body through its schema; a bad one is INVALID_INPUT naming the field and what it should be. */
export async function readJsonBody<T extends z.ZodType>(c: Context, schema: T, shape: string): Promise<z.infer<T>> {
  const body = schema.safeParse(await c.req.json().catch(() => undefined));
  if (body.success) return body.data;
  const issue = body.error.issues[0];
  throw new AppError('INVALID_INPUT', `Bad body: ${body.error.message}`, {
    userMessage: `本文の「${String(issue?.path.join('.') ?? '')}」が正しくありません（${shape}）。`,
  });
}

/**
 * Runs a versioned write and answers its record; a stale If-Match gets 409 as problem+json with the current
 * values and their ETag, so the client can show both and retry.
 */
export async function answerVersionedWrite<T extends { version: number }>(
  c: Context,
  write: () => Promise<T>,
): Promise<Response> {
  try {
    const result = await write();
    return sendVersioned(c, result, result.version);
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const answer = toProblemResponse(error, c.req.path, errorLoggerOf(c.var.log));
    const problem = { ...((await answer.json()) as Record<string, unknown>), current: error.current };
    return c.json(problem, 409, {
      'Content-Type': 'application/problem+json; charset=utf-8',
      ETag: etagOfVersion(error.currentVersion),
    });
  }
}
