import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  REPORT_FORMATS,
  readCouncilReport,
  renderCouncilReport,
} from '../../service/council-report/council-report-file.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';
import { FiscalYearOptionSchema } from './results-command.js';

const ReportOptionsSchema = z.object({
  fy: FiscalYearOptionSchema,
  format: z.enum(REPORT_FORMATS),
  out: z.string().min(1),
  area: z.string().min(1).optional(),
});

export const reportCommand: CliCommand = {
  name: 'report',
  help: `使い方: renkei report --fy YYYY --format html|pdf|xlsx --out FILE [--area SLUG]

ビジョン懇談会に出す年度の進捗状況報告を書き出します。表紙と目次、役割別・連携施策別・市町村別の概要
（グラフと表）、事業ごとの位置づけ、参加市町村、年度ごとの事業費の計画と実績、成果指標（現状値、目標値、
実績値、達成率、状況）、取組状況などのコメント、懇談会の所見と対応方針。
運用者の見方です: 公表前の年度や承認前の実績も含みます（公表前の年度は表紙に「未公表（案）」と出ます）。
  html  A4 で印刷できる HTML（ページ番号、圏域と年度の見出し付き）
  pdf   その HTML を Chromium で PDF にしたもの（しおり付き）。Chromium が要ります:
        apt-get install chromium fonts-noto-cjk、または環境変数 CHROMIUM_PATH
  xlsx  Excel ブック: 概要シートと連携施策ごとのシート（金額は千円、合計は数式）

オプション:
  --fy YYYY          年度（西暦）
  --format           html、pdf、xlsx のどれか
  --out FILE         書き出し先
  --area SLUG        圏域（既定: 最初に登録した圏域）
  -h, --help         この説明

${exitCodesHelp}`,
  options: { fy: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, area: { type: 'string' } },
  async run({ values, io }) {
    const parsed = ReportOptionsSchema.safeParse(values);
    if (!parsed.success) {
      throw new UsageError('--fy YYYY（西暦の年度）、--format html|pdf|xlsx、--out FILE が必要です。');
    }
    const { fy, format, out, area } = parsed.data;
    const report = await withCliDatabase(io, { ensureSchema: true }, async ({ db }) =>
      readCouncilReport(db, { areaSlug: area ?? (await getDefaultAreaSlug(db)), fiscalYear: fy, audience: 'staff' }),
    );
    const bytes = await renderCouncilReport(report, format);
    await writeFile(path.resolve(io.cwd, out), bytes);
    io.stderr(
      `書き出しました: ${out}（${format}、${report.area.name} ${fy}年度、${report.projects.length} 事業` +
        `${report.published ? '' : '、未公表'}）\n`,
    );
    return exitCodes.ok;
  },
};
