import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/vision.js';
import type { Database } from '../../store/database.js';
import { findCurrentRevision, readProjects } from '../../store/read-revision.js';
import { readRevisionKeys } from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';
import { runWrite } from '../run-write.js';
import { parseResultsCsv, type ResultsCsvProblem, type ResultsCsvRow, readTypedNumber } from './parse-results-csv.js';
import { ResultsFileRejectedError } from './results-file-rejected-error.js';
import { type ResultEntry, writeResultEntry } from './write-result-entry.js';

export type ResultsImportSummary = { kind: 'kpi' | 'spending'; rows: number; changed: number; unchanged: number };

type Context = {
  fiscalYear: number;
  projects: Map<number, Project & { projectKeyId: number; kpiKeyIds: number[] }>;
  municipalities: Map<string, { id: number; name: string; isCentralCity: boolean }>;
};

/**
 * `renkei results import`: KPI actuals or spending of one fiscal year from CSV, for the area's current revision.
 * Every row is checked first and every problem is listed at once (line, column, expected, found); nothing is
 * stored unless all rows are valid. What is stored counts as approved (the operator vouches for it) and each
 * change is audited through the one write path.
 */
export async function importResultsCsv(
  db: Kysely<Database>,
  actor: Actor,
  input: { fileName: string; text: string; fiscalYear: number; areaSlug: string },
): Promise<ResultsImportSummary> {
  const parsed = parseResultsCsv(input.text);
  if (!parsed.ok) throw new ResultsFileRejectedError(input.fileName, parsed.problems);
  const { result } = await runWrite(db, actor, async (w) => {
    const area = await getArea(w.trx, input.areaSlug);
    w.require('results.review', { areaId: area.id });
    const context = await loadContext(w.trx, area, input.fiscalYear);
    const problems: ResultsCsvProblem[] = [];
    const entries = parsed.rows.flatMap((row) => {
      const entry = readRow(parsed.kind, row, context, problems);
      return entry ? [entry] : [];
    });
    findDuplicates(entries, problems);
    if (problems.length > 0) throw new ResultsFileRejectedError(input.fileName, problems);
    let changed = 0;
    for (const { entry } of entries) {
      if (await writeResultEntry(w, { areaId: area.id, fiscalYear: input.fiscalYear }, entry)) changed += 1;
    }
    return { kind: parsed.kind, rows: entries.length, changed, unchanged: entries.length - changed };
  });
  return result;
}

async function loadContext(
  db: Kysely<Database>,
  area: Awaited<ReturnType<typeof getArea>>,
  fiscalYear: number,
): Promise<Context> {
  const revision = await findCurrentRevision(db, area);
  if (!revision) throw new AppError('NOT_FOUND', 'No revision', { userMessage: 'この圏域にはビジョンがありません。' });
  if (!revision.plan.fiscalYears.includes(fiscalYear)) {
    throw new AppError('INVALID_INPUT', `Fiscal year ${fiscalYear} not in plan`, {
      userMessage: `--fy ${fiscalYear} はこの計画の期間（${revision.plan.fiscalYears.join('、')}年度）にありません。`,
    });
  }
  const keys = new Map((await readRevisionKeys(db, revision.id)).map((k) => [k.number, k]));
  const projects = new Map(
    (await readProjects(db, revision.id)).map((p) => {
      const key = keys.get(p.number);
      return [p.number, { ...p, projectKeyId: key?.projectKeyId ?? -1, kpiKeyIds: key?.kpiKeyIds ?? [] }];
    }),
  );
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'code', 'name', 'is_central_city'])
    .where('area_id', '=', area.id)
    .execute();
  const municipalities = new Map(
    rows.flatMap((m) => (m.code ? [[m.code, { id: m.id, name: m.name, isCentralCity: m.is_central_city }]] : [])),
  );
  return { fiscalYear, projects, municipalities };
}

type CheckedEntry = { line: number; key: string; entry: ResultEntry };

/** One row checked against the vision; its problems are added to `problems`. */
function readRow(
  kind: 'kpi' | 'spending',
  row: ResultsCsvRow,
  context: Context,
  problems: ResultsCsvProblem[],
): CheckedEntry | undefined {
  const before = problems.length;
  const problem = (column: string, expected: string) =>
    problems.push({ line: row.line, column, expected, found: row.cells[column] || '（空欄）' });
  const project = context.projects.get(readWhole(row.cells.project_number) ?? -1);
  if (!project) problem('project_number', `この圏域の事業番号（${describeNumbers(context)}）`);
  if (readWhole(row.cells.fiscal_year) !== context.fiscalYear)
    problem('fiscal_year', `${context.fiscalYear}（--fy と同じ年度）`);
  if (kind === 'kpi') {
    const kpiNumber = readWhole(row.cells.kpi_number) ?? -1;
    const kpi = project?.kpis[kpiNumber - 1];
    if (project && !kpi) problem('kpi_number', `1〜${project.kpis.length}（事業 ${project.number} の成果指標の番号）`);
    if (kpi?.target.kind === 'merged_into') {
      problem('kpi_number', `統合先（NO.${kpi.target.mergedInto}）の成果指標に入力（この指標は統合済み）`);
    }
    const actual = readActual(row.cells.actual ?? '');
    if (!actual) problem('actual', '数値、または「未集計」（理由を続けて書けます: 未集計：理由）');
    if (problems.length > before || !project || !actual) return undefined;
    const kpiKeyId = project.kpiKeyIds[kpiNumber - 1] ?? -1;
    return { line: row.line, key: `kpi ${kpiKeyId}`, entry: { kind: 'kpi', kpiKeyId, ...actual } };
  }
  const code = row.cells.municipality_code ?? '';
  const municipality = code === '' ? undefined : context.municipalities.get(code.normalize('NFKC'));
  const takesPart = municipality && (municipality.isCentralCity || project?.participants.includes(municipality.name));
  if (code !== '' && !takesPart)
    problem('municipality_code', `この事業に参加する市町村の団体コード（6 桁）、または空欄（事業全体）`);
  const amount = readTypedNumber(row.cells.amount ?? '');
  if (amount === undefined || !Number.isSafeInteger(amount) || amount < 0) problem('amount', '0 以上の整数（千円）');
  if (problems.length > before || !project || amount === undefined) return undefined;
  const entry: ResultEntry = municipality
    ? { kind: 'part', projectKeyId: project.projectKeyId, municipalityId: municipality.id, amount }
    : { kind: 'total', projectKeyId: project.projectKeyId, amount };
  const key = `${entry.kind} ${project.projectKeyId} ${municipality?.id ?? ''}`;
  return { line: row.line, key, entry };
}

function findDuplicates(entries: readonly CheckedEntry[], problems: ResultsCsvProblem[]): void {
  const firstLine = new Map<string, number>();
  for (const { key, line } of entries) {
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, line);
    else problems.push({ line, column: null, expected: '同じ項目は 1 行だけ', found: `${first} 行目と重複` });
  }
}

/** `12.5`, `１，２３４`, or 「未集計」 with an optional reason after a colon or in brackets. */
function readActual(text: string): { actual: number | null; notCountedReason: string | null } | undefined {
  const notCounted = text.normalize('NFKC').match(/^未集計\s*(?:[:：]\s*(.*)|\((.*)\))?$/);
  if (notCounted) return { actual: null, notCountedReason: (notCounted[1] ?? notCounted[2] ?? '').trim() || '未集計' };
  const value = readTypedNumber(text);
  return value === undefined ? undefined : { actual: value, notCountedReason: null };
}

function readWhole(text: string | undefined): number | undefined {
  const value = readTypedNumber(text ?? '');
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

function describeNumbers(context: Context): string {
  const numbers = [...context.projects.keys()].sort((a, b) => a - b);
  return numbers.length === 0 ? 'なし' : `${numbers[0]}〜${numbers.at(-1)}`;
}
