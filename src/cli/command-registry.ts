import type { CliCommand } from './cli-command.js';

/**
 * The commands of `renkei`, loaded only when used: `renkei --help` and a mistyped command answer at once,
 * without loading the database drivers.
 */
export type CommandEntry = {
  name: string;
  /** one line for the command list of `renkei --help` */
  summary: string;
  load: () => Promise<CliCommand>;
};

export const commandRegistry: readonly CommandEntry[] = [
  {
    name: 'parse',
    summary: '文書を読み取り、Vision JSON を標準出力に出す（データベースは使わない）',
    load: async () => (await import('./commands/parse-command.js')).parseCommand,
  },
  {
    name: 'validate',
    summary: '文書を検査し、所見を表で示す（エラーがあれば終了コード 1）',
    load: async () => (await import('./commands/validate-command.js')).validateCommand,
  },
  {
    name: 'import',
    summary: '文書を取り込み、ビジョンの新しい版として保存する',
    load: async () => (await import('./commands/import-command.js')).importCommand,
  },
  {
    name: 'rollback',
    summary: '公開済みの以前の版を現在の版に戻す（--revision N）',
    load: async () => (await import('./commands/rollback-command.js')).rollbackCommand,
  },
  {
    name: 'areas',
    summary: '登録されている圏域の一覧（--area に使う識別名）',
    load: async () => (await import('./commands/areas-command.js')).areasCommand,
  },
  {
    name: 'user',
    summary: '職員のアカウントを作る・一覧する・無効にする・二段階認証を解除する（最初の管理者もこれで作る）',
    load: async () => (await import('./commands/user-command.js')).userCommand,
  },
  {
    name: 'results',
    summary: '年度の実績（成果指標の実績値、事業費の決算額）を CSV から取り込む',
    load: async () => (await import('./commands/results-command.js')).resultsCommand,
  },
  {
    name: 'status',
    summary: '年度の進捗（成果指標の達成状況、事業の評価、事業費と市町村の負担）を示す',
    load: async () => (await import('./commands/status-command.js')).statusCommand,
  },
  {
    name: 'report',
    summary: '年度の進捗状況報告（懇談会向け）を HTML・PDF・Excel で書き出す',
    load: async () => (await import('./commands/report-command.js')).reportCommand,
  },
  {
    name: 'export',
    summary: '現在の版を JSON（Vision JSON）または CSV（事業×年度の事業費）で書き出す',
    load: async () => (await import('./commands/export-command.js')).exportCommand,
  },
  {
    name: 'migrate',
    summary: 'データベースのスキーマを最新にする（PostgreSQL サーバーでは必須の手順）',
    load: async () => (await import('./commands/migrate-command.js')).migrateCommand,
  },
  {
    name: 'backup',
    summary: 'インストール全体を 1 つのファイルに書き出す（--out FILE）',
    load: async () => (await import('./commands/backup-command.js')).backupCommand,
  },
  {
    name: 'restore',
    summary: 'backup のファイルからインストール全体を戻す（空でなければ --force が必要）',
    load: async () => (await import('./commands/restore-command.js')).restoreCommand,
  },
  {
    name: 'serve',
    summary: 'HTTP サーバーを起動する（API: /api/v1/vision, /api/v1/projects）',
    load: async () => (await import('./commands/serve-command.js')).serveCommand,
  },
];
