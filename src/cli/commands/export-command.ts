import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatProjectBudgetCsv } from '../../report/format-project-budget-csv.js';
import { getCurrentVision } from '../../service/read-vision.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

const ExportOptionsSchema = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  out: z.string().min(1).optional(),
  area: z.string().min(1).optional(),
});

export const exportCommand: CliCommand = {
  name: 'export',
  help: `使い方: renkei export [--format json|csv] [--out FILE] [--area SLUG]

現在の版（最後に取り込んだ版）を書き出します。
  json  Vision JSON（renkei parse と同じ形）
  csv   事業費: 事業と年度ごとに 1 行（project_number, project_name, role, policy_area, sub_field,
        fiscal_year, fiscal_year_wareki, amount_thousand_yen, mark）。UTF-8（BOM 付き）、改行 CRLF。
        金額は千円単位の数字だけ。金額のない欄は mark に blank（空欄）か dash（－）。

オプション:
  --format json|csv  形式（既定: json）
  --out FILE         標準出力ではなくファイルに書く
  --area SLUG        圏域（既定: 最初に登録した圏域）
  -h, --help         この説明

${exitCodesHelp}`,
  options: { format: { type: 'string' }, out: { type: 'string' }, area: { type: 'string' } },
  async run({ values, io }) {
    const parsed = ExportOptionsSchema.safeParse(values);
    if (!parsed.success) {
      throw new UsageError(`--format は json か csv を指定してください（指定: ${String(values.format)}）。`);
    }
    const { format, out, area } = parsed.data;
    const vision = await withCliDatabase(io, { ensureSchema: true }, ({ db }) => getCurrentVision(db, area));
    const text = format === 'json' ? `${JSON.stringify(vision, null, 2)}\n` : formatProjectBudgetCsv(vision.projects);
    if (out === undefined) {
      io.stdout(text);
    } else {
      await writeFile(path.resolve(io.cwd, out), text);
      io.stderr(`書き出しました: ${out}（${format}、${vision.projects.length} 事業）\n`);
    }
    return exitCodes.ok;
  },
};
