import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { operatorActor } from '../../domain/access-policy.js';
import { formatEntryWorkbook } from '../../report/format-entry-workbook.js';
import { getDefaultAreaSlug } from '../../service/default-area-slug.js';
import { applyWorkbookImport } from '../../service/results/apply-workbook-import.js';
import { buildEntryWorkbook } from '../../service/results/build-entry-workbook.js';
import { planWorkbookImport } from '../../service/results/plan-workbook-import.js';
import { UsageError } from '../cli-command.js';
import type { CliIo } from '../cli-io.js';
import { exitCodes } from '../exit-codes.js';
import { withCliDatabase } from '../open-cli-database.js';

const MunicipalityCodeSchema = z.string().regex(/^\d{6}$/);

type Options = { fy: number | undefined; area: string | undefined; municipality: string | undefined };

/** `renkei results workbook`: the entry workbook of a municipality (the central city's has the KPI sheets). */
export async function writeEntryWorkbookFile(io: CliIo, options: Options & { out: string | undefined }) {
  const code = MunicipalityCodeSchema.safeParse(options.municipality);
  if (!code.success) throw new UsageError('--municipality には団体コード（6 桁の数字）を指定してください。');
  if (options.fy === undefined) throw new UsageError('--fy には西暦の年度を指定してください。');
  if (!options.out) throw new UsageError('--out で書き出し先（.xlsx）を指定してください。');
  const fiscalYear = options.fy;
  const model = await withCliDatabase(io, { ensureSchema: true }, async ({ db }) =>
    buildEntryWorkbook(db, operatorActor('cli'), {
      areaSlug: options.area ?? (await getDefaultAreaSlug(db)),
      fiscalYear,
      municipalityCode: code.data,
    }),
  );
  await writeFile(path.resolve(io.cwd, options.out), await formatEntryWorkbook(model));
  const extra = model.kind === 'central' ? `、事業 ${model.projects.length}、成果指標 ${model.kpis.length}` : '';
  io.stderr(
    `書き出しました: ${options.out}（${model.municipality.name}、${fiscalYear}年度、負担分 ${model.parts.length}${extra}）\n`,
  );
  return exitCodes.ok;
}

/**
 * `renkei results import FILE.xlsx`: prints every change (old → new); stores them, as approved like the CSV, only
 * with --yes. A refused workbook lists every problem with its sheet and cell.
 */
export async function importEntryWorkbookFile(
  io: CliIo,
  file: { fileName: string; bytes: Uint8Array },
  options: Options & { yes: boolean },
) {
  const actor = operatorActor('cli');
  return withCliDatabase(io, { ensureSchema: true }, async ({ db }) => {
    const plan = await planWorkbookImport(db, actor, {
      ...file,
      expect: { areaSlug: options.area, fiscalYear: options.fy, municipalityCode: options.municipality },
      approve: true,
    });
    for (const change of plan.changes) {
      for (const field of change.fields) {
        io.stdout(
          `${change.sheet}!${field.cell}\t事業 ${change.projectNumber}\t${field.label}\t${field.before} → ${field.after}\n`,
        );
      }
    }
    const what = `${plan.municipalityName}、${plan.fiscalYear}年度`;
    if (plan.changes.length === 0) {
      io.stderr(`${file.fileName}: ${what}: 変更はありません（何も保存していません）\n`);
    } else if (!options.yes) {
      io.stderr(
        `${file.fileName}: ${what}: ${plan.changes.length} 件の変更。保存するには --yes を付けて実行してください。\n`,
      );
    } else {
      await applyWorkbookImport(db, actor, plan, { approve: true });
      io.stderr(`${file.fileName}: ${what}: ${plan.changes.length} 件を承認済みとして保存しました\n`);
    }
    return exitCodes.ok;
  });
}
