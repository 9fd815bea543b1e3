import { AppError } from '../domain/errors.js';
import { type BackupContent, parseBackupFile } from '../store/backup-format.js';
import { findTablesWithRows, loadBackupContent, notEmptyError, readAppliedMigrations } from '../store/backup-loader.js';
import type { OpenDatabase } from '../store/connect.js';
import { listPendingMigrations, migrateTo, migrateToLatest } from '../store/migrate.js';

export type RestoreSummary = {
  tables: number;
  rows: number;
  /** migrations the backup was taken at */
  migrations: string[];
  /** migrations applied after loading, to bring an older backup up to this version of Renkei */
  upgraded: string[];
};

export type RestoreOptions = {
  /** replace a non-empty installation (otherwise refused) */
  force: boolean;
  onProgress?: (line: string) => void;
};

/** Reads and checks a whole backup file (AppError INVALID_INPUT saying which line is wrong), touching nothing. */
export function readBackupFile(input: { fileName: string; bytes: Uint8Array }): BackupContent {
  return parseBackupFile(input.bytes, input.fileName);
}

/**
 * Restores a backup (read by readBackupFile, so a corrupt or truncated file never gets here) into the
 * installation. The schema is brought to the backup's migrations, the rows are loaded in one
 * transaction (all or nothing), then later migrations of this version bring the data up to date.
 * An installation that holds data is refused unless `force`.
 */
export async function restoreInstallation(
  database: OpenDatabase,
  content: BackupContent,
  options: RestoreOptions,
): Promise<RestoreSummary> {
  const { db } = database;
  const wanted = content.header.migrations;
  const applied = await readAppliedMigrations(db);
  const known = [...applied, ...(await listPendingMigrations(db))];
  const unknown = wanted.filter((name) => !known.includes(name));
  if (wanted.length === 0 || unknown.length > 0 || wanted.some((name, i) => known[i] !== name)) {
    throw new AppError('CONFLICT', `Backup migrations do not fit this version: ${wanted.join(', ')}`, {
      userMessage:
        `このバックアップ（マイグレーション: ${wanted.join(', ') || 'なし'}）はこの版の Renkei では戻せません` +
        `${unknown.length > 0 ? `（この版にないマイグレーション: ${unknown.join(', ')}。新しい版で作られたバックアップです）` : ''}。何も変えていません。`,
    });
  }
  const filled = await findTablesWithRows(db);
  if (filled.length > 0 && !options.force) throw notEmptyError(filled);
  const last = wanted.at(-1) as string;
  if (applied.length > wanted.length && filled.length > 0) {
    throw new AppError('CONFLICT', 'The installation is newer than the backup', {
      userMessage:
        `戻し先のスキーマ（${applied.at(-1)}）はバックアップ（${last}）より新しいため、データを残したまま戻せません。` +
        '空のデータフォルダ（またはデータベース）に戻してください。何も変えていません。',
    });
  }
  if (applied.join('\n') !== wanted.join('\n')) {
    options.onProgress?.(`スキーマをバックアップの時点（${last}）にします…`);
    await migrateTo(db, last);
  }
  options.onProgress?.('行を戻しています（1 つのトランザクション）…');
  const loaded = await loadBackupContent(db, content, { replace: options.force });
  const { applied: upgraded } = await migrateToLatest(db);
  if (upgraded.length > 0) options.onProgress?.(`スキーマを更新しました: ${upgraded.join(', ')}`);
  return { ...loaded, migrations: wanted, upgraded };
}
