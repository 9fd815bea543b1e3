import type { CliCommand } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  help: `使い方: renkei migrate

データベースのスキーマを最新にします。失敗したときは何も変えません。
PostgreSQL（DATABASE_URL）ではサーバーを起動する前に実行してください。
PGlite（既定、DATA_DIR）では起動時や取り込み時にも自動で実行されます。

${exitCodesHelp}`,
  options: {},
  async run({ io }) {
    const { migrateToLatest } = await import('../../store/migrate.js');
    const { applied } = await withCliDatabase(io, { ensureSchema: false }, ({ db }) => migrateToLatest(db));
    io.stdout(applied.length > 0 ? `適用しました: ${applied.join(', ')}\n` : 'スキーマは最新です。\n');
    return exitCodes.ok;
  },
};
