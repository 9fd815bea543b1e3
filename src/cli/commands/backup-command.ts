import path from 'node:path';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

export const backupCommand: CliCommand = {
  name: 'backup',
  help: `使い方: renkei backup --out FILE

インストール全体（アプリケーションのすべての表、マイグレーションの記録、シーケンス）を 1 つのファイルに書き出します。
形式は gzip した JSON 行です（docs/adr/0004-backup-format.md）。1 つのトランザクションで読むので、
PostgreSQL ではサーバーを動かしたままでも一貫した内容になります。PGlite（DATA_DIR）ではサーバーを止めてから実行してください。
ファイルは書き終えてから名前を付けるので、途中で止まっても半端なファイルは残りません。
戻すときは renkei restore FILE。

オプション:
  --out FILE   書き出すファイル（例: renkei-2026-12-02.backup.gz）。既にあれば置き換えます
  -h, --help   この説明

環境変数: DATABASE_URL（PostgreSQL）または DATA_DIR（PGlite、既定は data/）

${exitCodesHelp}`,
  options: { out: { type: 'string' } },
  async run({ values, positionals, io }) {
    if (typeof values.out !== 'string' || values.out === '')
      throw new UsageError('--out FILE で書き出すファイルを指定してください。');
    if (positionals.length > 0) throw new UsageError(`余分な引数があります: ${positionals.join(' ')}`);
    const file = path.resolve(io.cwd, values.out);
    const { backupInstallation } = await import('../../service/backup-installation.js');
    const summary = await withCliDatabase(io, { ensureSchema: false }, (database) =>
      backupInstallation(database, file),
    );
    io.stderr(
      `書き出しました: ${file}（${summary.tables} 表、${summary.rows.toLocaleString('ja-JP')} 行、` +
        `${summary.bytes.toLocaleString('ja-JP')} バイト、マイグレーション ${summary.migrations.at(-1) ?? 'なし'}）\n`,
    );
    io.stdout(`${JSON.stringify(summary)}\n`);
    return exitCodes.ok;
  },
};
