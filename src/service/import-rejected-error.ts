import { AppError } from '../domain/errors.js';
import type { Finding } from '../domain/vision.js';

/** IMPORT_REJECTED with the findings that made the document unfit to store, for a caller to show. */
export class ImportRejectedError extends AppError {
  readonly fileName: string;
  readonly findings: readonly Finding[];

  constructor(fileName: string, findings: readonly Finding[]) {
    const errors = findings.filter((f) => f.severity === 'error');
    const first = errors[0];
    const where = first?.line && !first.message.includes('行目') ? `${first.line}行目: ` : '';
    super('IMPORT_REJECTED', `${fileName}: ${errors.length} error finding(s); first: ${first?.message ?? 'unknown'}`, {
      userMessage: `${fileName} は取り込めません（エラー ${errors.length} 件）。${where}${first?.message ?? ''}`,
    });
    this.name = 'ImportRejectedError';
    this.fileName = fileName;
    this.findings = findings;
  }
}
