import type { WorkbookProblem } from '../../domain/entry-workbook.js';
import { AppError } from '../../domain/errors.js';
import type { ResultsCsvProblem } from './parse-results-csv.js';

/**
 * One problem of a results file: where it is (a cell of a returned entry workbook's sheet, or a line and column
 * of a results CSV) and what was expected instead of what was found.
 */
export type ResultsFileProblem = WorkbookProblem | ResultsCsvProblem;

/** Every problem of a results file (entry workbook or CSV) at once; nothing was stored. */
export class ResultsFileRejectedError extends AppError {
  readonly fileName: string;
  readonly problems: readonly ResultsFileProblem[];

  constructor(fileName: string, problems: readonly ResultsFileProblem[]) {
    super('IMPORT_REJECTED', `${fileName}: ${problems.length} problem(s)`, {
      userMessage: `${fileName} に ${problems.length} 件の問題があるため、何も保存していません。`,
    });
    this.name = 'ResultsFileRejectedError';
    this.fileName = fileName;
    this.problems = problems;
  }
}

export function isWorkbookProblem(problem: ResultsFileProblem): problem is WorkbookProblem {
  return 'sheet' in problem;
}

/** Where a problem is, as the user finds it: `シート!B7` (workbook) or `12 行目、列 amount` (CSV). */
export function describeProblemLocation(problem: ResultsFileProblem): string {
  if (isWorkbookProblem(problem)) return problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
  return `${problem.line} 行目${problem.column ? `、列 ${problem.column}` : ''}`;
}
