import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { createOpenDataReader, type OpenDataSet } from '../../service/open-data.js';
import { getCurrentVision } from '../../service/read-vision.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import type { CliIo } from '../cli-io.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

const ExportOptionsSchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'open-data']).default('json'),
  out: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
});

export const exportCommand: CliCommand = {
  name: 'export',
  help: `使い方: renkei export [--format json|csv|xlsx|open-data] [--out FILE] [--area SLUG]

現在の版（最後に取り込んだ版）を書き出します。
  json       Vision JSON（renkei parse と同じ形）
  csv        事業費（/downloads の budgets.csv と同じ）: 事業と年度ごとに 1 行、続いて事業ごとに文書の「計」の行
             （is_total が true）。UTF-8（BOM 付き）、改行 CRLF。金額は千円単位の数字だけ。金額のない欄は
             mark に blank（空欄）か dash（－）。各行に全国地方公共団体コード（中心市）。
  xlsx       すべての表を 1 シートずつにした Excel ブック（--out が必要）
  open-data  /downloads と同じファイル一式（CSV、データ辞書、vision.json、xlsx、datapackage.json）を
             --out のフォルダに書く

オプション:
  --format json|csv|xlsx|open-data  形式（既定: json）
  --out FILE         標準出力ではなくファイル（open-data ではフォルダ）に書く
  --area SLUG        圏域（既定: 最初に登録した圏域）
  -h, --help         この説明

${exitCodesHelp}`,
  options: { format: { type: 'string' }, out: { type: 'string' }, area: { type: 'string' } },
  async run({ values, io }) {
    const parsed = ExportOptionsSchema.safeParse(values);
    if (!parsed.success) {
      throw new UsageError(
        `--format は json、csv、xlsx、open-data のどれかを指定してください（指定: ${String(values.format)}）。`,
      );
    }
    const { format, out, area } = parsed.data;
    if ((format === 'xlsx' || format === 'open-data') && out === undefined) {
      throw new UsageError(`--format ${format} には --out で書き出し先を指定してください。`);
    }
    if (format === 'json') {
      const vision = await withCliDatabase(io, { ensureSchema: true }, ({ db }) => getCurrentVision(db, area));
      await writeText(io, out, `${JSON.stringify(vision, null, 2)}\n`, `json、${vision.projects.length} 事業`);
      return exitCodes.ok;
    }
    const set = await withCliDatabase(io, { ensureSchema: true }, ({ db }) =>
      createOpenDataReader(db, 1).read(area, 'latest'),
    );
    if (format === 'open-data') {
      await writeFolder(io, out as string, set);
      return exitCodes.ok;
    }
    const file = fileOf(set, format === 'csv' ? 'budgets.csv' : 'open-data.xlsx');
    if (out === undefined) {
      io.stdout(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)); // keep the BOM: Excel needs it
    } else {
      await writeFile(path.resolve(io.cwd, out), file.bytes);
      io.stderr(`書き出しました: ${out}（${format}、${set.vision.projects.length} 事業）\n`);
    }
    return exitCodes.ok;
  },
};

function fileOf(set: OpenDataSet, name: string) {
  const file = set.files.find((f) => f.name === name);
  if (!file) throw new Error(`open-data file ${name} missing`);
  return file;
}

async function writeText(io: CliIo, out: string | undefined, text: string, summary: string): Promise<void> {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeFile(path.resolve(io.cwd, out), text);
  io.stderr(`書き出しました: ${out}（${summary}）\n`);
}

async function writeFolder(io: CliIo, out: string, set: OpenDataSet): Promise<void> {
  const folder = path.resolve(io.cwd, out);
  await mkdir(folder, { recursive: true });
  for (const file of set.files) await writeFile(path.join(folder, file.name), file.bytes);
  io.stderr(
    `書き出しました: ${out}/（第${set.ref.seq}版、${set.files.length} ファイル: ${set.files.map((f) => f.name).join(', ')}）\n`,
  );
}
