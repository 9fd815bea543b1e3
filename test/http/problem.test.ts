import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APP_ERROR_CODES, AppError, type AppErrorCode } from '../../src/domain/errors.js';
import { httpStatusByCode, toProblemResponse } from '../../src/server/problem.js';

test('every error code has an HTTP status', () => {
  const codes = Object.keys(httpStatusByCode) as AppErrorCode[];
  assert.deepEqual(codes.sort(), [...APP_ERROR_CODES].sort());
  assert.equal(httpStatusByCode.IMPORT_REJECTED, 422);
  assert.equal(httpStatusByCode.UNAUTHENTICATED, 401);
  assert.equal(httpStatusByCode.PRECONDITION_REQUIRED, 428);
  assert.equal(httpStatusByCode.UNAVAILABLE, 503);
});

test('an AppError keeps its code and shows its Japanese userMessage; nothing is logged below 500', async () => {
  const logged: string[] = [];
  const response = toProblemResponse(
    new AppError('CONFLICT', 'revision 3 exists', { userMessage: 'ほかの人が先に変更しました。' }),
    '/x',
    (message) => logged.push(message),
  );
  assert.equal(response.status, 409);
  assert.equal(response.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  assert.deepEqual(await response.json(), {
    type: 'urn:renkei:problem:conflict',
    title: 'ほかの変更と重なりました',
    status: 409,
    detail: 'ほかの人が先に変更しました。',
    instance: '/x',
    code: 'CONFLICT',
  });
  assert.deepEqual(logged, []);
});

test('server-side errors never show their message, and are logged with the error', async () => {
  const logged: unknown[] = [];
  const secret = new AppError('CONFIG_INVALID', 'password=hunter2', { userMessage: 'password=hunter2' });
  const response = toProblemResponse(secret, '/y', (_message, error) => logged.push(error));
  const body = (await response.json()) as { detail: string; status: number };
  assert.equal(body.status, 500);
  assert.doesNotMatch(body.detail, /hunter2/);
  assert.deepEqual(logged, [secret]);
});
