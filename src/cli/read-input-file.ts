import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './cli-command.js';

/** The single FILE argument of a command. */
export function requireOneFile(positionals: readonly string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('文書ファイルを指定してください。');
  if (extra.length > 0) throw new UsageError(`ファイルは 1 つだけ指定してください（余分な引数: ${extra.join(' ')}）。`);
  return file;
}

/** Reads a document the user named; a missing or unreadable file is a usage error with a clear message. */
export async function readInputFile(file: string, cwd: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const absolute = path.resolve(cwd, file);
  try {
    return { fileName: path.basename(absolute), bytes: await readFile(absolute) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`ファイルが見つかりません: ${file}`);
    if (code === 'EISDIR') throw new UsageError(`ファイルではなくフォルダです: ${file}`);
    if (code === 'EACCES') throw new UsageError(`ファイルを読む権限がありません: ${file}`);
    throw error;
  }
}
