import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { AppError } from '../domain/errors.js';
import { formatBackupLines } from '../store/backup-format.js';
import { readBackupContent } from '../store/backup-reader.js';
import type { OpenDatabase } from '../store/connect.js';

export type BackupSummary = { file: string; tables: number; rows: number; migrations: string[]; bytes: number };

/**
 * Writes the whole installation (every application table, Kysely's migration tables, every sequence) to `file`
 * (format: store/backup-format.ts). The file appears whole or not at all: it is written beside the target under
 * a temporary name, flushed to disk, then renamed.
 */
export async function backupInstallation(database: OpenDatabase, file: string): Promise<BackupSummary> {
  const content = await readBackupContent(database.db, database.engine);
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  try {
    const output = createWriteStream(partial, { flags: 'wx' });
    await once(output, 'open');
    await pipeline(
      (function* () {
        for (const line of formatBackupLines(content)) yield `${line}\n`;
      })(),
      createGzip(),
      output,
    );
    const handle = await open(partial, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw new AppError('INVALID_INPUT', `Cannot write backup ${file}`, {
      userMessage: `バックアップファイル ${file} を書けません: ${(error as Error).message}`,
      cause: error,
    });
  }
  const { size } = await stat(file);
  return {
    file,
    tables: content.tables.length,
    rows: content.tables.reduce((sum, t) => sum + t.rows.length, 0),
    migrations: content.header.migrations,
    bytes: size,
  };
}
