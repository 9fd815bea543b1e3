import { z } from 'zod';
import { detectDocumentKind } from '../../document-readers/detect-document-kind.js';
import { operatorActor } from '../../domain/access-policy.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import { importResultsCsv } from '../../service/results/import-results-csv.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';
import { readInputFile, requireOneFile } from '../read-input-file.js';
import { importEntryWorkbookFile, writeEntryWorkbookFile } from './results-workbook.js';

export const FiscalYearOptionSchema = z.coerce.number().int().min(1900).max(2200);

export const resultsCommand: CliCommand = {
  name: 'results',
  help: `使い方: renkei results import FILE --fy YYYY [--area SLUG] [--yes]
       renkei results workbook --fy YYYY --municipality CODE --out FILE.xlsx [--area SLUG]

workbook: 市町村の実績記入用ブック（Excel）を書き出します。中心市の団体コードなら、事業全体の決算額・
取組状況と成果指標のシートもある中心市用のブックです。

import: 年度の実績を取り込みます。ファイルの種類は名前ではなく中身で見分けます。
記入用ブック（.xlsx）: すべてのセルを確かめ、変更点（変更前 → 変更後）を表示します。--yes を付けたときだけ
  保存します（承認済みとして）。ほかの市町村・年度・古い版のブックや、ブックを作った後にほかの人が変更した
  項目は、理由を示して取り込みません。--fy・--municipality を付けると、ブックがそれと同じか確かめます。
CSV（UTF-8、BOM の有無は問わない）: 見出し行で種類を見分けます。
  成果指標の実績値: project_number,kpi_number,fiscal_year,actual
      kpi_number は事業の中での成果指標の順番（1 から）。actual は数値、または「未集計」
      （理由を続けて書けます: 未集計：理由）。
  事業費の実績（決算額、千円）: project_number,fiscal_year,municipality_code,amount
      市町村の負担分は 1 行に 1 市町村。municipality_code が空欄の行は事業全体の決算額。
すべての行を確かめてから保存します。問題があれば、その全部を行と列で示し、何も保存しません。
取り込んだ値は承認済みとして保存され、操作記録に「cli」として残ります。

オプション:
  --fy YYYY            年度（西暦、例: 2022）。CSV の各行の fiscal_year と一致すること
  --area SLUG          圏域（既定: 最初に登録した圏域）
  --municipality CODE  市町村の団体コード（6 桁）
  --out FILE           記入用ブックの書き出し先
  --yes                記入用ブックの変更を保存する（付けないと表示だけ）

${exitCodesHelp}`,
  options: {
    fy: { type: 'string' },
    area: { type: 'string' },
    municipality: { type: 'string' },
    out: { type: 'string' },
    yes: { type: 'boolean' },
  },
  async run({ values, positionals, io }) {
    const [action, ...rest] = positionals;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const fy = FiscalYearOptionSchema.safeParse(values.fy);
    if (values.fy !== undefined && !fy.success)
      throw new UsageError(`--fy には西暦の年度を指定してください（指定: ${String(values.fy)}）。`);
    const options = { fy: fy.data, area: text(values.area), municipality: text(values.municipality) };
    if (action === 'workbook') return writeEntryWorkbookFile(io, { ...options, out: text(values.out) });
    if (action !== 'import')
      throw new UsageError('renkei results import FILE または renkei results workbook の形で指定してください。');
    const file = requireOneFile(rest);
    const { fileName, bytes } = await readInputFile(file, io.cwd);
    if (detectDocumentKind(bytes) === 'xlsx') {
      return importEntryWorkbookFile(io, { fileName, bytes }, { ...options, yes: values.yes === true });
    }
    if (!fy.success) throw new UsageError('CSV の取り込みには --fy で西暦の年度を指定してください。');
    const csv = decodeUtf8(bytes, file);
    const summary = await withCliDatabase(io, { ensureSchema: true }, async ({ db }) =>
      importResultsCsv(db, operatorActor('cli'), {
        fileName,
        text: csv,
        fiscalYear: fy.data,
        areaSlug: typeof values.area === 'string' ? values.area : await getDefaultAreaSlug(db),
      }),
    );
    const what = summary.kind === 'kpi' ? '成果指標の実績値' : '事業費の実績';
    io.stderr(`${fileName}: ${what} ${summary.rows} 行（変更 ${summary.changed}、同じ値 ${summary.unchanged}）\n`);
    return exitCodes.ok;
  },
};

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} は UTF-8 のテキストではありません。CSV を UTF-8 で保存し直してください。`);
  }
}
