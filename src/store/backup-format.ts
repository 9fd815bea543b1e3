import { gunzipSync } from 'node:zlib';
import { AppError } from '../domain/errors.js';

/**
 * The backup file (docs/adr/0004-backup-format.md): gzip of UTF-8 JSON lines.
 *
 *   {"format":"renkei-backup","version":1,"createdAt":…,"engine":…,"serverVersion":…,"migrations":[…]}
 *   {"table":{"schema":"public","name":"area","columns":[{"name":"id","type":"integer","identity":"always"}…],"rows":3}}
 *   ["1","aomori","青森圏域",…]            ← one line per row: every value as PostgreSQL prints it (text), or null
 *   …
 *   {"sequences":[{"schema":"public","name":"area_id_seq","lastValue":"3","isCalled":true}…]}
 *   {"end":{"tables":12,"rows":4567}}
 *
 * Values are PostgreSQL's own text form (bigint, numeric, jsonb, timestamptz in UTC…), so nothing is rounded or
 * reinterpreted by JavaScript, and the database parses them back as the column's type. The closing `end` line
 * and the row counts make a truncated file detectable even when it was cut at a gzip block boundary.
 */

export const backupFormat = 'renkei-backup';
export const backupFormatVersion = 1;

export type BackupHeader = {
  format: typeof backupFormat;
  version: typeof backupFormatVersion;
  createdAt: string;
  engine: 'pglite' | 'postgresql';
  serverVersion: string;
  /** kysely migrations applied in the backed-up installation, oldest first */
  migrations: string[];
};

export type BackupColumn = { name: string; type: string; identity: 'always' | 'by default' | null };

export type BackupTable = { schema: string; name: string; columns: BackupColumn[]; rows: (string | null)[][] };

export type BackupSequence = { schema: string; name: string; lastValue: string; isCalled: boolean };

export type BackupContent = { header: BackupHeader; tables: BackupTable[]; sequences: BackupSequence[] };

/** The lines of a backup file (without the gzip), one JSON value each, in order. */
export function* formatBackupLines(content: BackupContent): Generator<string> {
  yield JSON.stringify(content.header);
  let rows = 0;
  for (const table of content.tables) {
    const { rows: tableRows, ...description } = table;
    yield JSON.stringify({ table: { ...description, rows: tableRows.length } });
    for (const row of tableRows) yield JSON.stringify(row);
    rows += tableRows.length;
  }
  yield JSON.stringify({ sequences: content.sequences });
  yield JSON.stringify({ end: { tables: content.tables.length, rows } });
}

/**
 * Reads a whole backup file and checks every line before anything is stored: a corrupt, truncated or foreign
 * file is an AppError INVALID_INPUT that says which line is wrong and how.
 */
export function parseBackupFile(bytes: Uint8Array, fileName: string): BackupContent {
  const fail = (what: string, detail: string) =>
    new AppError('INVALID_INPUT', `Backup ${fileName}: ${detail}`, {
      userMessage: `バックアップファイル ${fileName} を読めません: ${what}（${detail}）`,
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw fail('gzip として壊れているか、途中で切れています', reason);
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let at = 0;
  const next = (expected: string): unknown => {
    const line = lines[at];
    at++;
    if (line === undefined)
      throw fail(`${at} 行目がありません（${expected}のはずです）。ファイルが途中で切れています`, `missing line ${at}`);
    try {
      return JSON.parse(line);
    } catch {
      throw fail(`${at} 行目が JSON ではありません`, `line ${at} is not JSON`);
    }
  };
  const wrong = (expected: string) => fail(`${at} 行目が${expected}ではありません`, `line ${at} is not ${expected}`);

  const header = next('見出し') as Partial<BackupHeader> | null;
  if (header?.format !== backupFormat)
    throw fail('Renkei のバックアップファイルではありません', 'no renkei-backup header');
  if (header.version !== backupFormatVersion) {
    throw fail(
      `形式の版 ${String(header.version)} には対応していません（対応: ${backupFormatVersion}）`,
      'unknown version',
    );
  }
  if (!isStringArray(header.migrations) || typeof header.engine !== 'string') throw wrong('正しい見出し');

  const tables: BackupTable[] = [];
  let totalRows = 0;
  for (;;) {
    const item = next('表の見出し、sequences か end') as Record<string, unknown> | null;
    if (item && 'sequences' in item) {
      const sequences = item.sequences;
      if (!Array.isArray(sequences) || !sequences.every(isSequence)) throw wrong('正しい sequences');
      const end = next('end') as { end?: { tables?: unknown; rows?: unknown } } | null;
      if (!end?.end) throw wrong('end');
      if (end.end.tables !== tables.length || end.end.rows !== totalRows) {
        throw fail(`表や行の数が end と合いません`, `end says ${end.end.tables} tables, ${end.end.rows} rows`);
      }
      if (at !== lines.length) throw fail(`end のあとに余分な行があります（${at + 1} 行目）`, 'data after end');
      return { header: header as BackupHeader, tables, sequences };
    }
    const description = (item as { table?: unknown } | null)?.table as
      | { schema?: unknown; name?: unknown; columns?: unknown; rows?: unknown }
      | undefined;
    if (
      !description ||
      typeof description.schema !== 'string' ||
      typeof description.name !== 'string' ||
      !Array.isArray(description.columns) ||
      !description.columns.every(isColumn) ||
      description.columns.length === 0 ||
      !Number.isSafeInteger(description.rows) ||
      (description.rows as number) < 0
    ) {
      throw wrong('表の見出し');
    }
    const columns = description.columns as BackupColumn[];
    const rows: (string | null)[][] = [];
    for (let i = 0; i < (description.rows as number); i++) {
      const row = next(`表 ${description.schema}.${description.name} の行`);
      if (
        !Array.isArray(row) ||
        row.length !== columns.length ||
        !row.every((v) => v === null || typeof v === 'string')
      ) {
        throw wrong(`表 ${description.schema}.${description.name} の ${columns.length} 列の行`);
      }
      rows.push(row as (string | null)[]);
    }
    totalRows += rows.length;
    tables.push({ schema: description.schema, name: description.name, columns, rows });
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isColumn(value: unknown): value is BackupColumn {
  const c = value as Partial<BackupColumn> | null;
  return (
    typeof c?.name === 'string' &&
    typeof c.type === 'string' &&
    (c.identity === null || c.identity === 'always' || c.identity === 'by default')
  );
}

function isSequence(value: unknown): value is BackupSequence {
  const s = value as Partial<BackupSequence> | null;
  return (
    typeof s?.schema === 'string' &&
    typeof s.name === 'string' &&
    typeof s.lastValue === 'string' &&
    typeof s.isCalled === 'boolean'
  );
}
