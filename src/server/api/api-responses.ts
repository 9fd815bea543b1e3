import type { z } from '@hono/zod-openapi';
import { ProblemSchema } from './resource-schemas.js';

/** Response objects shared by the routes of /api/v1, for their OpenAPI description. */

export const API_BASE = '/api/v1';

const cacheHeaders = {
  ETag: {
    description: '答えの内容のハッシュ。次の要求で If-None-Match に入れると、変わっていなければ 304 が返ります',
    schema: { type: 'string' as const },
  },
  'Cache-Control': {
    description: '常に `no-cache`: 使う前に ETag で確かめてください',
    schema: { type: 'string' as const },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

const notModified = {
  description: 'If-None-Match の ETag と同じ内容なので本文を省きました',
  headers: cacheHeaders,
};
const serverError = problem('サーバーのエラー（詳しい内容は答えません）');
const badRequest = problem('パラメーターの誤り（detail がどのパラメーターかを日本語で示します）');

/** 200 with a JSON body of `schema`, 304, and the problems a read can give. */
export function readResponses<S extends z.ZodType>(schema: S, description: string, options: { notFound: string }) {
  return {
    200: { description, headers: cacheHeaders, content: { 'application/json': { schema } } },
    304: notModified,
    400: badRequest,
    404: problem(options.notFound),
    500: serverError,
  };
}

/** The same for a list that is never missing (the list of areas): no 404. */
export function listResponses<S extends z.ZodType>(schema: S, description: string) {
  return {
    200: { description, headers: cacheHeaders, content: { 'application/json': { schema } } },
    304: notModified,
    400: badRequest,
    500: serverError,
  };
}
