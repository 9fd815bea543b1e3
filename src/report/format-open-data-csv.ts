import { stringify } from 'csv-stringify/sync';
import { neutralizeFormula } from './neutralize-formula.js';
import type { OpenDataTable } from './open-data-table.js';

/**
 * A table as open-data CSV: UTF-8 with BOM and CRLF (so that Excel opens Japanese text), a header row of
 * column names, one value per cell, numbers without separators or units, `true` / `false`, empty for null.
 * Codes are written as they are ("022012"): the leading zero stays in the file. Text that a spreadsheet would run
 * as a formula is made inert (neutralize-formula.ts).
 *
 * @example formatOpenDataCsv(table).startsWith('\uFEFFmunicipality_code,') // → true
 */
export function formatOpenDataCsv(table: Pick<OpenDataTable, 'columns' | 'rows'>): string {
  return stringify(table.rows, {
    header: true,
    columns: table.columns.map((c) => c.name),
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding its record delimiter (CRLF) but not a lone LF or CR: spreadsheets
    // would start a new row there
    quoted_match: /[\r\n]/,
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      // String(n) never uses exponent notation for the integers and short decimals these tables hold
      number: (value) => String(value),
      string: (value) => neutralizeFormula(value),
    },
  });
}
