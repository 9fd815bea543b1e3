import { CsvError, parse } from 'csv-parse/sync';

/** One problem of a results CSV: where (line, column) and what was expected instead of what was found. */
export type ResultsCsvProblem = { line: number; column: string | null; expected: string; found: string };

export type ResultsCsvKind = 'kpi' | 'spending';

/** The two shapes `renkei results import` reads (issue 8), by their columns. */
export const RESULTS_CSV_COLUMNS: Record<ResultsCsvKind, readonly string[]> = {
  kpi: ['project_number', 'kpi_number', 'fiscal_year', 'actual'],
  spending: ['project_number', 'fiscal_year', 'municipality_code', 'amount'],
};

export type ResultsCsvRow = { line: number; cells: Record<string, string> };

export type ParsedResultsCsv =
  | { ok: true; kind: ResultsCsvKind; rows: ResultsCsvRow[] }
  | { ok: false; problems: ResultsCsvProblem[] };

/**
 * Reads a results CSV (UTF-8, with or without BOM) into rows of trimmed cells keyed by column, with the line each
 * row starts on. The header decides the kind: exactly the four columns of one shape, in any order.
 */
export function parseResultsCsv(text: string): ParsedResultsCsv {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // with `info`, each record comes as { record, info } (the typings give the plain record)
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return { ok: false, problems: [{ line, column: null, expected: 'CSV として読める行', found: error.message }] };
  }
  const [header, ...body] = records;
  if (!header) {
    return { ok: false, problems: [{ line: 1, column: null, expected: '見出し行', found: '空のファイル' }] };
  }
  const columns = header.record.map((name) => name.trim());
  const kind = (Object.keys(RESULTS_CSV_COLUMNS) as ResultsCsvKind[]).find((k) => sameColumns(columns, k));
  if (!kind) {
    const expected = Object.values(RESULTS_CSV_COLUMNS)
      .map((c) => c.join(','))
      .join(' または ');
    return { ok: false, problems: [{ line: header.info.lines, column: null, expected, found: columns.join(',') }] };
  }
  const problems: ResultsCsvProblem[] = [];
  const rows: ResultsCsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length !== columns.length) {
      problems.push({
        line: info.lines,
        column: null,
        expected: `${columns.length} 列`,
        found: `${record.length} 列`,
      });
      continue;
    }
    rows.push({
      line: info.lines,
      cells: Object.fromEntries(columns.map((name, i) => [name, record[i]?.trim() ?? ''])),
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, kind, rows };
}

function sameColumns(columns: readonly string[], kind: ResultsCsvKind): boolean {
  const wanted = RESULTS_CSV_COLUMNS[kind];
  return columns.length === wanted.length && wanted.every((name) => columns.includes(name));
}

/**
 * A number as people type it in a spreadsheet: full-width digits, `1,234`, spaces; undefined when it is not one.
 * @example readTypedNumber('１，２３４') // 1234
 */
export function readTypedNumber(text: string): number | undefined {
  const cleaned = text.normalize('NFKC').replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}
