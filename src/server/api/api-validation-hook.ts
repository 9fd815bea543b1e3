import type { ZodError } from 'zod';
import { AppError } from '../../domain/errors.js';

type ValidationResult = { success: true } | { success: false; error: ZodError; target?: string };

const japanese = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The Japanese sentence for one issue: the schema's own message, which names the parameter, or a generic one. */
function sentenceOf(issue: ZodError['issues'][number]): string {
  const name = String(issue.path[0] ?? '');
  // query values are strings, or arrays when a parameter is repeated
  if (issue.code === 'invalid_type' && issue.expected === 'string') return `「${name}」は 1 回だけ指定してください。`;
  if (japanese.test(issue.message)) return issue.message;
  return `「${name}」の値が正しくありません。`;
}

/**
 * The default hook of the API's OpenAPIHono: a request that fails its route's zod schema becomes an
 * INVALID_INPUT AppError, which the app answers as a 400 problem+json (server/problem.ts) whose `detail`
 * names each wrong parameter in Japanese.
 */
export function rejectInvalidInput(result: ValidationResult): undefined {
  if (result.success) return undefined;
  const sentences = [...new Set(result.error.issues.map(sentenceOf))];
  const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))];
  throw new AppError(
    'INVALID_INPUT',
    `Invalid ${result.target ?? 'request'} ${names.join(', ')}: ${result.error.message}`,
    {
      userMessage: sentences.join(' '),
    },
  );
}
