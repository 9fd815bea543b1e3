import { type Finding, hasErrors } from '../../domain/vision.js';
import { ImportRejectedError } from '../../service/import-rejected-error.js';
import { parseDocumentBytes } from '../../service/parse-document-bytes.js';
import type { CliCommand } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { formatFindingsTable } from '../format-findings-table.js';
import { readInputFile, requireOneFile } from '../read-input-file.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  help: `使い方: renkei validate FILE

ビジョン文書を読み取り、所見（エラー・警告・情報）を表にして標準出力に出します。
データベースには何も書きません。エラーの所見がある文書は renkei import で取り込めません。

${exitCodesHelp}`,
  options: {},
  async run({ positionals, io }) {
    const input = await readInputFile(requireOneFile(positionals), io.cwd);
    let findings: readonly Finding[];
    try {
      findings = (await parseDocumentBytes(input)).findings;
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      findings = error.findings; // not UTF-8 text: the decoder's finding is the whole report
    }
    io.stdout(formatFindingsTable(findings));
    return hasErrors(findings) ? exitCodes.refused : exitCodes.ok;
  },
};
