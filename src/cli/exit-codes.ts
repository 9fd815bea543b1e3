import type { AppErrorCode } from '../domain/errors.js';

/** Exit codes scripts can rely on; listed in every --help. */
export const exitCodes = {
  ok: 0,
  /** the document has errors (import refused), there is nothing to export, or the data is in use */
  refused: 1,
  /** wrong command line: unknown command or option, missing file, bad environment variable */
  usage: 2,
  /** anything else: database unreachable, unexpected error */
  failure: 3,
} as const;

export const exitCodeByErrorCode: Record<AppErrorCode, number> = {
  NOT_FOUND: exitCodes.refused,
  IMPORT_REJECTED: exitCodes.refused,
  CONFLICT: exitCodes.refused,
  FORBIDDEN: exitCodes.refused,
  UNAUTHENTICATED: exitCodes.refused,
  PRECONDITION_REQUIRED: exitCodes.refused,
  PAYLOAD_TOO_LARGE: exitCodes.refused,
  UNAVAILABLE: exitCodes.failure,
  INVALID_INPUT: exitCodes.usage,
  CONFIG_INVALID: exitCodes.usage,
  INTERNAL: exitCodes.failure,
};

export const exitCodesHelp = `終了コード:
  0  成功
  1  文書にエラーがある（取り込まなかった）、出力するデータがない、またはデータフォルダが使用中
  2  使い方の誤り（不明なコマンドやオプション、ファイルがない、環境変数の誤り）
  3  そのほかの失敗（データベースに接続できないなど）
`;
