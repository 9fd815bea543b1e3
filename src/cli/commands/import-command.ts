import { operatorActor } from '../../domain/access-policy.js';
import { importAreaDocument } from '../../service/area-import.js';
import type { CliCommand } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { formatFindingsTable } from '../format-findings-table.js';
import { withCliDatabase } from '../open-cli-database.js';
import { readInputFile, requireOneFile } from '../read-input-file.js';

export const importCommand: CliCommand = {
  name: 'import',
  help: `使い方: renkei import FILE [--area SLUG] [--draft] [--allow-removals]

ビジョン文書を読み取り、1 つのトランザクションで新しい版として保存します（すべて保存するか、何も保存しないか）。
1 つのインストールに複数の圏域を置けます。圏域ごとに版を重ね、ページは /areas/SLUG/ に出ます。
同じ内容のファイルをもう一度取り込んでも何も変わりません（status: "unchanged"）。
エラーの所見がある文書は取り込まず、所見の表を示して終了コード 1 で終わります。
いまの版にある事業・事業費の年度・事業シートが新しい版で消える場合（文書が途中で切れているなど）は、
消える内容を示して終了コード 1 で終わります（何も保存しません）。確かめたうえで公開するなら --allow-removals。
圏域の名前と種類は圏域を作ったときのままです。文書の圏域名が違えば警告の所見を出します。
経過は標準エラーに、結果は 1 行の JSON で標準出力に出します。

オプション:
  --area SLUG        取り込む圏域の識別名（省略時は文書の圏域名から作る。例: --area hachinohe）
                     compare と search は使えません（/areas/compare などのページ名）
  --draft            公開せず下書きとして保存する（職員ページの「ビジョンの版と下書き」で変更点を確かめて公開）
  --allow-removals   いまの版から事業・事業費・事業シートが消えても公開する
  -h, --help   この説明

環境変数: DATABASE_URL（PostgreSQL）または DATA_DIR（PGlite、既定は data/）

${exitCodesHelp}`,
  options: { area: { type: 'string' }, draft: { type: 'boolean' }, 'allow-removals': { type: 'boolean' } },
  async run({ values, positionals, io }) {
    const input = await readInputFile(requireOneFile(positionals), io.cwd);
    io.stderr(`読み込み: ${input.fileName}（${input.bytes.byteLength.toLocaleString('ja-JP')} バイト）\n`);
    const result = await withCliDatabase(io, { ensureSchema: true }, ({ db }) =>
      importAreaDocument(
        db,
        operatorActor('cli'),
        {
          ...input,
          areaSlug: typeof values.area === 'string' ? values.area : undefined,
          draft: values.draft === true,
          allowRemovals: values['allow-removals'] === true,
        },
        {
          onProgress: (p) =>
            io.stderr(
              p.step === 'parsed'
                ? `読み取り: ${p.projectCount} 事業、所見 ${p.findingCount} 件\n`
                : `保存中（圏域 ${p.areaSlug}）…\n`,
            ),
        },
      ),
    );
    if (result.findings.length > 0) io.stderr(formatFindingsTable(result.findings));
    io.stderr(
      result.status === 'unchanged'
        ? `同じ文書は取り込み済みです（第 ${result.seq} 版）。何も変えていません。\n`
        : result.revisionStatus === 'draft'
          ? `下書きとして保存しました: 圏域 ${result.areaSlug} の第 ${result.seq} 版、${result.projectCount} 事業（未公開）\n`
          : `取り込みました: 圏域 ${result.areaSlug} の第 ${result.seq} 版、${result.projectCount} 事業\n`,
    );
    const { findings, addedFindings, ...summary } = result;
    io.stdout(`${JSON.stringify({ ...summary, findingCount: findings.length })}\n`);
    return exitCodes.ok;
  },
};
