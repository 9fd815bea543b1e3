import { hasErrors } from '../../domain/vision.js';
import { parseDocumentBytes } from '../../service/parse-document-bytes.js';
import type { CliCommand } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { summarizeFindings } from '../format-findings-table.js';
import { readInputFile, requireOneFile } from '../read-input-file.js';

export const parseCommand: CliCommand = {
  name: 'parse',
  help: `使い方: renkei parse FILE

ビジョン文書（PDF、Word の .docx、またはテキスト: UTF-8・Shift_JIS）を読み取り、Vision JSON を標準出力に出します。
ファイルの種類は中身で判定します（拡張子は見ません）。PDF の所見には行のほかにページ（page）が付きます。
所見（findings）も JSON に含まれます。データベースには何も書きません。

例: renkei parse samples/aomori-vision-r4-03.txt > vision.json

${exitCodesHelp}（エラーの所見があるときも JSON は出力し、終了コード 1 で終わります）
`,
  options: {},
  async run({ positionals, io }) {
    const file = requireOneFile(positionals);
    const { vision, findings } = await parseDocumentBytes(await readInputFile(file, io.cwd));
    io.stdout(`${JSON.stringify(vision, null, 2)}\n`);
    if (!hasErrors(findings)) return exitCodes.ok;
    io.stderr(`${summarizeFindings(findings)}。一覧は renkei validate ${file} で表示できます。\n`);
    return exitCodes.refused;
  },
};
