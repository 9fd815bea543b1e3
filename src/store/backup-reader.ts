import { type Kysely, sql, type Transaction } from 'kysely';
import { type CatalogTable, qualifiedName, quoteIdentifier, readCatalog } from './backup-catalog.js';
import type { BackupContent, BackupHeader, BackupSequence, BackupTable } from './backup-format.js';
import { backupFormat, backupFormatVersion } from './backup-format.js';

// biome-ignore lint/suspicious/noExplicitAny: a backup reads whatever tables the installation has
type AnyDb = Kysely<any>;

/** Kysely's migration table: its rows say which migrations the data belongs to. */
export const migrationTable = { schema: 'public', name: 'kysely_migration' } as const;

/**
 * Reads every application table and sequence in one repeatable-read transaction, so the backup is one consistent
 * picture even while a PostgreSQL server keeps serving writes. Values are read as PostgreSQL's text form with
 * fixed output settings (UTC, ISO dates), so the same data gives the same file on PGlite and on PostgreSQL.
 */
export async function readBackupContent(db: AnyDb, engine: BackupHeader['engine']): Promise<BackupContent> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await setCanonicalOutput(trx);
      const catalog = await readCatalog(trx);
      const tables: BackupTable[] = [];
      for (const table of catalog.tables) {
        tables.push({ ...describeTable(table), rows: await readRows(trx, table) });
      }
      const sequences: BackupSequence[] = [];
      for (const sequence of catalog.sequences) {
        const { rows } = await sql<{ last_value: string; is_called: boolean }>`
          select last_value::text as last_value, is_called from ${sql.raw(qualifiedName(sequence))}`.execute(trx);
        const state = rows[0];
        if (state) sequences.push({ ...sequence, lastValue: state.last_value, isCalled: state.is_called });
      }
      const { rows: version } = await sql<{ server_version: string }>`show server_version`.execute(trx);
      const header: BackupHeader = {
        format: backupFormat,
        version: backupFormatVersion,
        createdAt: new Date().toISOString(),
        engine,
        serverVersion: version[0]?.server_version ?? '',
        migrations: migrationNames(tables),
      };
      return { header, tables, sequences };
    });
}

/** Output settings for the length of the transaction, so values print the same way on every engine. */
export async function setCanonicalOutput(trx: Transaction<unknown>): Promise<void> {
  for (const setting of [
    `set local timezone = 'UTC'`,
    `set local datestyle = 'ISO, YMD'`,
    `set local intervalstyle = 'postgres'`,
    'set local extra_float_digits = 1',
    `set local bytea_output = 'hex'`,
  ]) {
    await sql.raw(setting).execute(trx);
  }
}

function describeTable(table: CatalogTable): Omit<BackupTable, 'rows'> {
  return { schema: table.schema, name: table.name, columns: table.columns };
}

async function readRows(trx: Transaction<unknown>, table: CatalogTable): Promise<(string | null)[][]> {
  const select = table.columns.map((c, i) => `${quoteIdentifier(c.name)}::text as c${i}`).join(', ');
  // a stable order, so that two backups of the same data are the same file
  const order =
    table.primaryKey.length > 0
      ? table.primaryKey.map(quoteIdentifier).join(', ')
      : table.columns.map((_, i) => `c${i}`).join(', ');
  const { rows } = await sql<Record<string, string | null>>`
    select ${sql.raw(select)} from ${sql.raw(qualifiedName(table))} order by ${sql.raw(order)}`.execute(trx);
  return rows.map((row) => table.columns.map((_, i) => row[`c${i}`] ?? null));
}

function migrationNames(tables: BackupTable[]): string[] {
  const table = tables.find((t) => t.schema === migrationTable.schema && t.name === migrationTable.name);
  const nameAt = table?.columns.findIndex((c) => c.name === 'name') ?? -1;
  if (!table || nameAt < 0) return [];
  return table.rows.map((row) => row[nameAt] ?? '').sort();
}
