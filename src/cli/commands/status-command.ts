import { z } from 'zod';
import { countStatuses } from '../../domain/achievement.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import { assembleYearStatus, type YearStatus } from '../../service/results/assemble-year-status.js';
import { loadAreaResults } from '../../service/results/load-area-results.js';
import { toStatusJson } from '../../service/results/status-json.js';
import { type CliCommand, UsageError } from '../cli-command.js';
import { exitCodes, exitCodesHelp } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';
import { FiscalYearOptionSchema } from './results-command.js';

const StatusOptionsSchema = z.object({
  fy: FiscalYearOptionSchema,
  format: z.enum(['json', 'table']).default('table'),
  area: z.string().min(1).optional(),
});

export const statusCommand: CliCommand = {
  name: 'status',
  help: `使い方: renkei status --fy YYYY [--format json|table] [--area SLUG]

年度の進捗を示します（公開前の実績も含む、運用者の見方）。
  table  事業ごとに評価（A〜D）、成果指標の達成状況、事業費の計画と実績（既定）
  json   { fiscalYear, projects: [{ number, grade, kpis: [{ number, actual, attainment, progress, status }],
           spending: { plan, actual, shares: [{ municipalityCode, plan, actual }] } }] }
         status は 達成・概ね順調・遅れ・未評価 のどれか。金額は千円。値がないところは null。
判定の決まりは docs/achievement.md にあります。

${exitCodesHelp}`,
  options: { fy: { type: 'string' }, format: { type: 'string' }, area: { type: 'string' } },
  async run({ values, io }) {
    const parsed = StatusOptionsSchema.safeParse(values);
    if (!parsed.success) {
      throw new UsageError('--fy YYYY（西暦の年度）が必要です。--format は json か table です。');
    }
    const { fy, format, area } = parsed.data;
    const status = await withCliDatabase(io, { ensureSchema: true }, async ({ db }) => {
      const results = await loadAreaResults(db, {
        areaSlug: area ?? (await getDefaultAreaSlug(db)),
        audience: 'staff',
      });
      if (!results.vision.plan.fiscalYears.includes(fy)) {
        throw new UsageError(
          `${fy}年度はこの計画の期間（${results.vision.plan.fiscalYears.join('、')}年度）にありません。`,
        );
      }
      return assembleYearStatus(results, fy);
    });
    io.stdout(format === 'json' ? `${JSON.stringify(toStatusJson(status), null, 2)}\n` : formatTable(status));
    return exitCodes.ok;
  },
};

function formatTable(status: YearStatus): string {
  const counts = countStatuses(status.projects.flatMap((p) => p.kpis.map((k) => k.status)));
  const lines = [
    `${status.area.name} ${status.fiscalYear}年度（${status.published ? '公表済み' : '未公表'}）`,
    `成果指標: ${Object.entries(counts)
      .map(([level, n]) => `${level} ${n}`)
      .join('、')}`,
    ['事業', '評価', '計画(千円)', '実績(千円)', '成果指標'].join('\t'),
  ];
  for (const p of status.projects) {
    const kpis = p.kpis.map((k) => k.status ?? '－').join(' ');
    lines.push([p.number, p.grade ?? '－', p.spending.plan ?? '－', p.spending.actual ?? '－', kpis].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}
