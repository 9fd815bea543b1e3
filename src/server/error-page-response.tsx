import { ErrorPage } from '../web/pages/error-page.js';
import { describeProblem, type ErrorLogger } from './problem.js';

/** An error on a page path answers with an HTML page (same status and Japanese text as the API's problem). */
export async function toErrorPageResponse(error: unknown, path: string, logError: ErrorLogger): Promise<Response> {
  const problem = describeProblem(error, path, logError);
  const page = <ErrorPage status={problem.status} title={problem.title} detail={problem.detail} />;
  return new Response(String(await page.toString()), {
    status: problem.status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}
