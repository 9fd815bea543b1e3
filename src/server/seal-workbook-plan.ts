import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import type { WorkbookImportPlan } from '../service/results/plan-workbook-import.js';

/** How long a previewed workbook import may wait for its confirmation. */
const VALID_MS = 60 * 60 * 1000;

/**
 * The changes a previewed workbook would make, signed for the confirm step: the page carries them back, so the
 * upload stores nothing and the confirmation stores exactly what was shown, for the account that saw it.
 */
export function sealWorkbookPlan(plan: WorkbookImportPlan, secret: string, actorKey: string, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ plan, at: now })).toString('base64url');
  return `${body}.${sign(body, secret, actorKey)}`;
}

/** The plan of a sealed preview; refused when tampered with, another account's, or over an hour old. */
export function openWorkbookPlan(
  sealed: string,
  secret: string,
  actorKey: string,
  now = Date.now(),
): WorkbookImportPlan {
  const [body = '', signature = ''] = sealed.split('.');
  const expected = Buffer.from(sign(body, secret, actorKey));
  const given = Buffer.from(signature);
  const refused = new AppError('INVALID_INPUT', 'Bad or stale workbook preview', {
    userMessage: '確認画面の有効期限が切れたか、内容が正しくありません。ブックをもう一度アップロードしてください。',
  });
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  const { plan, at } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
    plan: WorkbookImportPlan;
    at: number;
  };
  if (now - at > VALID_MS) throw refused;
  return plan;
}

function sign(body: string, secret: string, actorKey: string): string {
  return createHmac('sha256', secret).update(`workbook-plan\n${actorKey}\n${body}`).digest('base64url');
}
