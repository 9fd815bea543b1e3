/**
 * A file that no reader can turn into lines: not a vision document, a broken or encrypted PDF, a scanned PDF
 * without a text layer, a corrupt Word file. The message is Japanese and says what was expected; `page` is set
 * when the problem sits on one page.
 */
export class DocumentReadError extends Error {
  readonly page: number | null;

  constructor(message: string, options: { page?: number | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DocumentReadError';
    this.page = options.page ?? null;
  }
}
