import { parseArgs } from 'node:util';
import { AppError } from '../domain/errors.js';
import { ImportRejectedError } from '../service/import-rejected-error.js';
import { describeProblemLocation, ResultsFileRejectedError } from '../service/results/results-file-rejected-error.js';
import { type CliCommand, type CliOptionValues, UsageError } from './cli-command.js';
import type { CliIo } from './cli-io.js';
import { commandRegistry } from './command-registry.js';
import { exitCodeByErrorCode, exitCodes, exitCodesHelp } from './exit-codes.js';
import { formatFindingsTable } from './format-findings-table.js';

const topUsage = 'usage: renkei <command> [options]   （説明: renkei --help）\n';

function topHelp(): string {
  const width = Math.max(...commandRegistry.map((c) => c.name.length));
  const list = commandRegistry.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `renkei — 連携中枢都市圏ビジョンの取り込み・保存・提供

使い方: renkei <command> [options]
        renkei <command> --help   （コマンドごとの説明）

コマンド:
${list}

環境変数:
  DATABASE_URL     PostgreSQL サーバー（例: postgres://user@127.0.0.1:5432/renkei）。なければ PGlite
  DATA_DIR         PGlite のデータフォルダ（既定: パッケージの data/）
  PORT             serve のポート（既定: 3000）

${exitCodesHelp}`;
}

/** Runs one `renkei` command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(topUsage);
    return exitCodes.usage;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout(topHelp());
    return exitCodes.ok;
  }
  const entry = commandRegistry.find((c) => c.name === (name === 'help' ? rest[0] : name));
  if (!entry) {
    io.stderr(`不明なコマンドです: ${name === 'help' ? rest[0] : name}\n${topUsage}`);
    return exitCodes.usage;
  }
  const command = await entry.load();
  if (name === 'help') {
    io.stdout(command.help);
    return exitCodes.ok;
  }
  return runCommand(command, rest, io);
}

async function runCommand(command: CliCommand, args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return reportUsageError(command, describeParseArgsError(error), io);
  }
  if (parsed.values.help) {
    io.stdout(command.help);
    return exitCodes.ok;
  }
  try {
    // no option is `multiple`, so every value is a string or a boolean
    const values = parsed.values as CliOptionValues;
    return await command.run({ values, positionals: parsed.positionals, io });
  } catch (error) {
    return reportError(command, error, io);
  }
}

function reportUsageError(command: CliCommand, message: string, io: CliIo): number {
  io.stderr(`${message}\nusage: renkei ${command.name} --help で使い方を表示します。\n`);
  return exitCodes.usage;
}

function reportError(command: CliCommand, error: unknown, io: CliIo): number {
  if (error instanceof UsageError) return reportUsageError(command, error.message, io);
  if (error instanceof ImportRejectedError) {
    io.stderr(`${error.fileName} は取り込めません。\n${formatFindingsTable(error.findings)}`);
    return exitCodes.refused;
  }
  if (error instanceof ResultsFileRejectedError) {
    for (const p of error.problems) {
      io.stderr(`${error.fileName}: ${describeProblemLocation(p)}: ${p.expected} が必要です（値: ${p.found}）\n`);
    }
    io.stderr(`${error.userMessage}\n`);
    return exitCodes.refused;
  }
  if (error instanceof AppError) {
    io.stderr(`${error.userMessage ?? error.message}\n`);
    return exitCodeByErrorCode[error.code];
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `\n  原因: ${error.cause.message}` : '';
  io.stderr(`失敗しました: ${error instanceof Error ? error.message : String(error)}${cause}\n`);
  if (io.env.RENKEI_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
  return exitCodes.failure;
}

/** node:util parseArgs speaks English; name the offending option in the CLI's language. */
function describeParseArgsError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不明なオプションです: ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `オプションの値が正しくありません: ${message}`;
  return message;
}
