import { NOT_COUNTED, type WorkbookProblem } from '../../domain/entry-workbook.js';
import type { WorkbookCell, WorkbookRow } from '../../import/read-entry-workbook.js';
import { readTypedNumber } from './parse-results-csv.js';

const MAX_TEXT = 2000;

/**
 * Reads the input cells of one workbook row as Excel users leave them (numbers typed as text, full-width digits,
 * `1,234`, spaces around), adding a problem (sheet, cell, expected, found) for each cell that is not what it should
 * be. Each reader gives undefined for a bad cell.
 */
export class WorkbookCellReader {
  private readonly sheet: string;
  private readonly row: WorkbookRow;
  readonly problems: WorkbookProblem[];

  constructor(sheet: string, row: WorkbookRow, problems: WorkbookProblem[]) {
    this.sheet = sheet;
    this.row = row;
    this.problems = problems;
  }

  cell(key: string): WorkbookCell {
    return this.row.cells[key] ?? { address: '?', value: null };
  }

  problem(key: string, expected: string): void {
    const { address, value } = this.cell(key);
    const found = value === null || String(value).trim() === '' ? '（空欄）' : String(value);
    this.problems.push({ sheet: this.sheet, cell: address, expected, found });
  }

  /** 千円: a whole number ≥ 0, or null for a blank cell. */
  amount(key: string): number | null | undefined {
    const value = this.number(key);
    if (value === undefined || (value !== null && (!Number.isSafeInteger(value) || value < 0))) {
      this.problem(key, '0 以上の整数（千円）、または空欄');
      return undefined;
    }
    return value;
  }

  /** Text, trimmed; at most 2000 characters. */
  text(key: string): string | undefined {
    const { value } = this.cell(key);
    const text = value === null ? '' : String(value).trim();
    if (text.length <= MAX_TEXT) return text;
    this.problem(key, `${MAX_TEXT} 文字以内の文章`);
    return undefined;
  }

  /** A KPI's actual: a number, blank, or 「未集計」 chosen (or typed in the value cell) with a reason. */
  kpiActual(): { actual: number | null; notCountedReason: string | null } | undefined {
    const typed = this.text('actual');
    const choice = this.text('notCounted')?.normalize('NFKC');
    const reason = this.text('notCountedReason');
    if (choice !== '' && choice !== NOT_COUNTED) {
      this.problem('notCounted', `空欄、または「${NOT_COUNTED}」`);
      return undefined;
    }
    const notCounted = choice === NOT_COUNTED || typed?.normalize('NFKC') === NOT_COUNTED;
    if (notCounted) {
      if (typed !== '' && typed?.normalize('NFKC') !== NOT_COUNTED) {
        this.problem('actual', `空欄（「${NOT_COUNTED}」を選んだ行）`);
        return undefined;
      }
      return { actual: null, notCountedReason: reason || NOT_COUNTED };
    }
    const actual = this.number('actual');
    if (actual === undefined) {
      this.problem('actual', `数値、または空欄（集計できないときは「${NOT_COUNTED}」を選ぶ）`);
      return undefined;
    }
    return { actual, notCountedReason: null };
  }

  private number(key: string): number | null | undefined {
    const { value } = this.cell(key);
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    if (value === null || value.trim() === '') return null;
    return readTypedNumber(value);
  }
}
