import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { AppError } from '../domain/errors.js';
import { type Catalog, type CatalogTable, orderByReferences, qualifiedName, readCatalog } from './backup-catalog.js';
import type { BackupContent, BackupTable } from './backup-format.js';
import { migrationTable, setCanonicalOutput } from './backup-reader.js';

// biome-ignore lint/suspicious/noExplicitAny: a restore writes whatever tables the installation has
type AnyDb = Kysely<any>;

/** PostgreSQL allows 65,535 parameters a statement; stay well below. */
const maxParameters = 30_000;
const maxRowsPerInsert = 500;

/**
 * Schema bookkeeping: rows there say which migrations ran (Kysely's tables, migration 0008's fingerprint), they are
 * not the installation's data.
 */
const migrationTables = new Set([
  qualifiedName(migrationTable),
  qualifiedName({ schema: migrationTable.schema, name: 'kysely_migration_lock' }),
  qualifiedName({ schema: migrationTable.schema, name: 'schema_fingerprint' }),
]);

/** Applied kysely migrations, oldest first; none when the database was never migrated. */
export async function readAppliedMigrations(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ exists: boolean }>`
    select to_regclass(${qualifiedName(migrationTable)}) is not null as exists`.execute(db);
  if (!rows[0]?.exists) return [];
  const names = await sql<{ name: string }>`
    select name from ${sql.raw(qualifiedName(migrationTable))} order by name`.execute(db);
  return names.rows.map((r) => r.name);
}

/**
 * Rows every migrated installation holds from its first start (migration 0003: the data version, the secret):
 * they do not make an installation "not empty", and the backup's replace them.
 */
const seededByMigrations = new Set(['"public"."data_version"', '"public"."installation_secret"']);

/** Application tables that hold at least one row (Kysely's migration tables and seeded state do not count). */
export async function findTablesWithRows(db: AnyDb): Promise<string[]> {
  const catalog = await readCatalog(db);
  const filled: string[] = [];
  for (const table of catalog.tables) {
    const name = qualifiedName(table);
    if (migrationTables.has(name) || seededByMigrations.has(name)) continue;
    const { rows } = await sql<{ filled: boolean }>`
      select exists (select 1 from ${sql.raw(name)}) as filled`.execute(db);
    if (rows[0]?.filled) filled.push(name);
  }
  return filled;
}

/**
 * Replaces every row of every application table and the state of every sequence with the backup's, in one
 * transaction: all or nothing. The schema must already be the backup's (same migrations); a table or column that
 * differs is refused before anything is written. Without `replace`, a table that holds rows is refused too.
 *
 * User triggers are switched off for the load (ALTER TABLE … DISABLE TRIGGER USER, which the tables' owner may do,
 * unlike session_replication_role): an append-only guard would refuse the TRUNCATE of a forced restore, and an
 * insert trigger that writes elsewhere would add rows the backup already holds. Tables are loaded parents first.
 */
export async function loadBackupContent(
  db: AnyDb,
  content: BackupContent,
  options: { replace: boolean },
): Promise<{ tables: number; rows: number }> {
  return db.transaction().execute(async (trx) => {
    await setCanonicalOutput(trx);
    const catalog = await readCatalog(trx);
    const targets = matchTables(catalog, content);
    if (!options.replace) {
      const filled = await findTablesWithRows(trx);
      if (filled.length > 0) throw notEmptyError(filled);
    }
    const guarded = catalog.tables.filter((t) => t.hasUserTriggers);
    for (const table of guarded)
      await sql`alter table ${sql.raw(qualifiedName(table))} disable trigger user`.execute(trx);
    await sql`truncate table ${sql.raw(catalog.tables.map(qualifiedName).join(', '))}`.execute(trx);
    let rows = 0;
    for (const target of orderByReferences(catalog.tables)) {
      const source = targets.get(qualifiedName(target)) as BackupTable;
      await insertRows(trx, target, source);
      rows += source.rows.length;
    }
    await restoreSequences(trx, catalog, content);
    // deferred foreign keys (area ⇄ vision_revision) are checked now that every row is in: PostgreSQL alters no
    // table with pending trigger events, and vision_revision has user triggers to switch back on (migration 0004)
    await sql`set constraints all immediate`.execute(trx);
    for (const table of guarded)
      await sql`alter table ${sql.raw(qualifiedName(table))} enable trigger user`.execute(trx);
    return { tables: catalog.tables.length, rows };
  });
}

/** Each table of the database with its backup table; refuses any difference of tables or columns. */
function matchTables(catalog: Catalog, content: BackupContent): Map<string, BackupTable> {
  const inBackup = new Map(content.tables.map((t) => [qualifiedName(t), t]));
  const problems: string[] = [];
  for (const table of catalog.tables) {
    const source = inBackup.get(qualifiedName(table));
    if (!source) {
      problems.push(`表 ${qualifiedName(table)} がバックアップにありません`);
      continue;
    }
    const describe = (c: { name: string; type: string; identity: string | null }) =>
      `${c.name} ${c.type}${c.identity ? ` (identity ${c.identity})` : ''}`;
    const here = table.columns.map(describe).join(', ');
    const there = source.columns.map(describe).join(', ');
    if (here !== there)
      problems.push(`表 ${qualifiedName(table)} の列が違います（データベース: ${here} / バックアップ: ${there}）`);
  }
  const known = new Set(catalog.tables.map(qualifiedName));
  for (const name of inBackup.keys()) if (!known.has(name)) problems.push(`表 ${name} がデータベースにありません`);
  if (problems.length > 0) {
    throw new AppError('CONFLICT', `Backup does not match the database schema: ${problems.join('; ')}`, {
      userMessage: `バックアップとデータベースのスキーマが合いません。何も変えていません。\n  ${problems.join('\n  ')}`,
    });
  }
  return inBackup;
}

async function insertRows(trx: Transaction<unknown>, target: CatalogTable, source: BackupTable): Promise<void> {
  if (source.rows.length === 0) return;
  const columns = sql.raw(target.columns.map((c) => `"${c.name.replaceAll('"', '""')}"`).join(', '));
  // text → the column's type through its input function: the exact value PostgreSQL printed
  const casts = target.columns.map((c) => sql.raw(`::text::${c.type}`));
  const overriding = target.columns.some((c) => c.identity === 'always') ? sql`overriding system value` : sql``;
  const perInsert = Math.max(1, Math.min(maxRowsPerInsert, Math.floor(maxParameters / target.columns.length)));
  for (let start = 0; start < source.rows.length; start += perInsert) {
    const values: RawBuilder<unknown>[] = source.rows
      .slice(start, start + perInsert)
      .map((row) => sql`(${sql.join(row.map((value, i) => sql`${value}${casts[i]}`))})`);
    try {
      await sql`insert into ${sql.raw(qualifiedName(target))} (${columns}) ${overriding} values ${sql.join(values)}`.execute(
        trx,
      );
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AppError('CONFLICT', `Rows of ${qualifiedName(target)} could not be restored: ${reason}`, {
        userMessage: `表 ${qualifiedName(target)} の行（${start + 1} 行目から）を戻せません: ${reason}。何も変えていません。`,
        cause,
      });
    }
  }
}

async function restoreSequences(trx: Transaction<unknown>, catalog: Catalog, content: BackupContent): Promise<void> {
  const known = new Set(catalog.sequences.map(qualifiedName));
  for (const sequence of content.sequences) {
    const name = qualifiedName(sequence);
    if (!known.has(name)) {
      throw new AppError('CONFLICT', `Sequence ${name} is not in the database`, {
        userMessage: `バックアップのシーケンス ${name} がデータベースにありません。何も変えていません。`,
      });
    }
    await sql`select setval(${name}::regclass, ${sequence.lastValue}::bigint, ${sequence.isCalled})`.execute(trx);
  }
}

export function notEmptyError(filled: string[]): AppError {
  const shown = filled.slice(0, 5).join(', ') + (filled.length > 5 ? ` ほか ${filled.length - 5} 表` : '');
  return new AppError('CONFLICT', `The installation is not empty (${filled.join(', ')}); restore needs --force`, {
    userMessage:
      `戻し先は空ではありません（データのある表: ${shown}）。何も変えていません。` +
      'すべて置き換えるときは --force を付けてください。\n' +
      'Refused: the target installation is not empty; nothing was changed. Use --force to replace everything.',
  });
}
