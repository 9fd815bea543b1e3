import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

export const restoreCommand: CliCommand = {
  name: 'restore',
  help: `使い方: renkei restore FILE [--force]

renkei backup で書き出したファイルからインストール全体を戻します。
ファイルは最初に全体を検査し、壊れている・途中で切れているときは何も変えずに終了コード 1 で終わります。
スキーマをバックアップの時点にそろえ、すべての行を 1 つのトランザクションで戻し（すべて戻すか、何も変えないか）、
そのあとこの版のマイグレーションを適用します。
戻し先にデータがあるときは何も変えずに終了コード 1 で終わります。--force を付けると、すべて置き換えます。
PGlite（DATA_DIR）ではサーバーを止めてから実行してください。

オプション:
  --force      データのあるインストールを、バックアップの内容ですべて置き換える
  -h, --help   この説明

環境変数: DATABASE_URL（PostgreSQL）または DATA_DIR（PGlite、既定は data/）

${exitCodesHelp}`,
  options: { force: { type: 'boolean' } },
  async run({ values, positionals, io }) {
    const [file, ...extra] = positionals;
    if (file === undefined) throw new UsageError('戻すバックアップファイルを指定してください。');
    if (extra.length > 0)
      throw new UsageError(`ファイルは 1 つだけ指定してください（余分な引数: ${extra.join(' ')}）。`);
    const bytes = await readFile(path.resolve(io.cwd, file)).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        error.code === 'ENOENT'
          ? `ファイルが見つかりません: ${file}`
          : `ファイルを読めません: ${file}（${error.code}）`,
      );
    });
    const { readBackupFile, restoreInstallation } = await import('../../service/restore-installation.js');
    let content: ReturnType<typeof readBackupFile>;
    try {
      content = readBackupFile({ fileName: file, bytes });
    } catch (error) {
      // a damaged file is refused like a document with errors: exit 1, nothing touched
      if (!(error instanceof AppError)) throw error;
      io.stderr(`${error.userMessage ?? error.message}\n何も変えていません。\n`);
      return exitCodes.refused;
    }
    io.stderr(
      `読み込み: ${file}（${content.header.engine} で ${content.header.createdAt} に作成、${content.tables.length} 表）\n`,
    );
    const summary = await withCliDatabase(io, { ensureSchema: false }, (database) =>
      restoreInstallation(database, content, {
        force: values.force === true,
        onProgress: (line) => io.stderr(`${line}\n`),
      }),
    );
    io.stderr(`戻しました: ${summary.tables} 表、${summary.rows.toLocaleString('ja-JP')} 行\n`);
    io.stdout(`${JSON.stringify(summary)}\n`);
    return exitCodes.ok;
  },
};
