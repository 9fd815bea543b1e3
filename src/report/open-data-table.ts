/**
 * The shape every open-data table shares, so that one definition gives the CSV, the xlsx sheet, the data
 * dictionary and the Table Schema of a file: a column knows its machine name, its Japanese label, its type,
 * its unit and how to read its value from a record.
 */

/**
 * `code` is a 全国地方公共団体コード: digits kept as text (the leading zero of 01..09 is part of it).
 * `year` is a 西暦 fiscal year (年度 N = April N .. March N+1).
 */
export type OpenDataColumnType = 'string' | 'code' | 'integer' | 'number' | 'boolean' | 'year';

export type CellValue = string | number | boolean | null;

export type OpenDataColumn = {
  /** machine name, snake_case ASCII: the CSV header */
  name: string;
  /** what a person calls it, in Japanese */
  label: string;
  type: OpenDataColumnType;
  /** unit of the values (千円, 行), null when they have none */
  unit: string | null;
  description: string;
};

export type ColumnSpec<R> = OpenDataColumn & { value: (record: R) => CellValue };

/** What a table is, without its rows: enough for the data dictionary. */
export type OpenDataTableInfo = {
  /** resource name (Data Package), xlsx sheet name */
  id: string;
  fileName: string;
  title: string;
  description: string;
  columns: readonly OpenDataColumn[];
};

export type OpenDataTable = OpenDataTableInfo & { rows: CellValue[][] };

/** A table definition: its description and columns, ready to take records. */
export type TableSpec<R> = Omit<OpenDataTableInfo, 'columns'> & { columns: readonly ColumnSpec<R>[] };

/** The rows of a table: one per record, one cell per column, in column order. */
export function fillTable<R>(spec: TableSpec<R>, records: readonly R[]): OpenDataTable {
  return {
    ...describeTable(spec),
    rows: records.map((record) => spec.columns.map((column) => column.value(record))),
  };
}

/** A table's description without the value readers (they are code, not data). */
export function describeTable<R>(spec: TableSpec<R>): OpenDataTableInfo {
  return {
    id: spec.id,
    fileName: spec.fileName,
    title: spec.title,
    description: spec.description,
    columns: spec.columns.map(({ name, label, type, unit, description }) => ({ name, label, type, unit, description })),
  };
}

/** Japanese names of the column types, for the dictionary and the downloads page. */
export const columnTypeLabels: Record<OpenDataColumnType, string> = {
  string: '文字列',
  code: 'コード（文字列）',
  integer: '整数',
  number: '数値',
  boolean: '真偽値（true / false）',
  year: '西暦年度（整数）',
};

/** A column in one call: `column('fiscal_year', '年度（西暦）', 'year', null, '…', (r) => r.fiscalYear)`. */
export function column<R>(
  name: string,
  label: string,
  type: OpenDataColumnType,
  unit: string | null,
  description: string,
  value: (record: R) => CellValue,
): ColumnSpec<R> {
  return { name, label, type, unit, description, value };
}
