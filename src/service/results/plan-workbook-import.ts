import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/access-policy.js';
import { ENTRY_SHEETS, type EntryWorkbook, type WorkbookProblem } from '../../domain/entry-workbook.js';
import { isEditable, RESULT_STATE_LABELS } from '../../domain/result-state.js';
import { readEntryWorkbook, type WorkbookSheetRows } from '../../import/read-entry-workbook.js';
import type { Database } from '../../store/database.js';
import { entryWorkbookOf } from './build-entry-workbook.js';
import type { KpiResultInput, ProjectResultInput } from './central-results.js';
import { compareWorkbookRow } from './compare-workbook-row.js';
import { loadAreaResults } from './load-area-results.js';
import { ResultsFileRejectedError } from './results-file-rejected-error.js';

/** One field that changes: where it is in the workbook and its value before and after, as shown. */
export type FieldChange = { cell: string; label: string; before: string; after: string };

type ChangeBase = { sheet: string; projectNumber: number; expectedVersion: number; fields: FieldChange[] };
export type WorkbookChange =
  | (ChangeBase & { kind: 'part'; projectKeyId: number; values: { amount: number | null; comment: string } })
  | (ChangeBase & { kind: 'project'; values: ProjectResultInput })
  | (ChangeBase & { kind: 'kpi'; kpiNumber: number; values: KpiResultInput });

/** What a returned workbook would change, checked against the results as they stand; nothing stored yet. */
export type WorkbookImportPlan = {
  areaSlug: string;
  fiscalYear: number;
  municipalityCode: string;
  municipalityName: string;
  revisionId: number;
  changes: WorkbookChange[];
};

/** What the caller expects the workbook to be for (the page's municipality and year; the CLI's --fy). */
export type WorkbookExpectation = { areaSlug?: string; fiscalYear?: number; municipalityCode?: string };

/**
 * Reads a returned entry workbook and lists its changes (old → new), checking every cell first: a bad cell, a part
 * changed meanwhile by someone else (its version moved on), a submitted or approved part edited (unless the
 * operator `approve`s), and a workbook of another municipality, year or revision are all refused, every problem
 * at once. An untouched workbook plans no change.
 */
export async function planWorkbookImport(
  db: Kysely<Database>,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; expect: WorkbookExpectation; approve: boolean },
): Promise<WorkbookImportPlan> {
  const read = await readEntryWorkbook(input.bytes);
  if (!read.ok) throw new ResultsFileRejectedError(input.fileName, read.problems);
  const meta = read.meta;
  const refuse = (expected: string, found: string) =>
    new ResultsFileRejectedError(input.fileName, [{ sheet: '（ブック）', cell: null, expected, found }]);
  const fiscalYear = Number(meta.fiscal_year);
  const areaSlug = meta.area ?? '';
  const code = meta.municipality_code ?? '';
  if (input.expect.areaSlug !== undefined && areaSlug !== input.expect.areaSlug) {
    throw refuse(`圏域「${input.expect.areaSlug}」のブック`, `圏域「${areaSlug}」のブック`);
  }
  if (input.expect.fiscalYear !== undefined && fiscalYear !== input.expect.fiscalYear) {
    throw refuse(`${input.expect.fiscalYear}年度のブック`, `${meta.fiscal_year}年度のブック`);
  }
  const results = await loadAreaResults(db, { areaSlug, audience: 'staff' });
  if (input.expect.municipalityCode !== undefined && code !== input.expect.municipalityCode) {
    const name = (c: string | undefined) => results.municipalities.find((m) => m.code === c)?.name ?? '不明';
    throw refuse(
      `${name(input.expect.municipalityCode)}（${input.expect.municipalityCode}）のブック`,
      `${name(code)}（${code}）のブック`,
    );
  }
  if (Number(meta.revision_id) !== results.revisionId) {
    throw refuse(
      '現在のビジョンで作ったブック（ダウンロードし直してください）',
      `古い版のビジョン（版 ${meta.revision_id}、現在は版 ${results.revisionId}）で作ったブック`,
    );
  }
  const current = entryWorkbookOf(results, actor, { areaSlug, fiscalYear, municipalityCode: code });
  const problems: WorkbookProblem[] = [];
  const changes = collectChanges(read.sheets, current, problems, input.approve);
  if (problems.length > 0) throw new ResultsFileRejectedError(input.fileName, problems);
  return {
    areaSlug,
    fiscalYear,
    municipalityCode: code,
    municipalityName: current.municipality.name,
    revisionId: current.revisionId,
    changes,
  };
}

function collectChanges(
  sheets: readonly WorkbookSheetRows[],
  current: EntryWorkbook,
  problems: WorkbookProblem[],
  approve: boolean,
): WorkbookChange[] {
  const seen = new Map<string, string>();
  const changes: WorkbookChange[] = [];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const where = `${sheet.kind}/${row.id}`;
      const first = seen.get(where);
      const idCell = row.cells.id?.address ?? '?';
      if (first) {
        problems.push({
          sheet: sheet.name,
          cell: idCell,
          expected: '同じ事業・指標は 1 行だけ',
          found: `${first} と重複`,
        });
        continue;
      }
      seen.set(where, idCell);
      const change = compareWorkbookRow(sheet.kind, sheet.name, row, current, problems);
      if (!change) continue;
      if (change.kind === 'part') checkPartEditable(change, current, problems, approve);
      changes.push(change);
    }
  }
  const missing = sheets.length === 0 ? ENTRY_SHEETS.parts.name : undefined;
  if (missing) problems.push({ sheet: missing, cell: null, expected: '記入用のシート', found: 'シートがありません' });
  return changes;
}

function checkPartEditable(
  change: Extract<WorkbookChange, { kind: 'part' }>,
  current: EntryWorkbook,
  problems: WorkbookProblem[],
  approve: boolean,
): void {
  const part = current.parts.find((p) => p.projectKeyId === change.projectKeyId);
  const cell = change.fields[0]?.cell ?? null;
  if (approve && change.values.amount === null) {
    problems.push({
      sheet: change.sheet,
      cell,
      expected: '0 以上の整数（千円）（承認済みとして保存します）',
      found: '（空欄）',
    });
  } else if (!approve && part && !isEditable(part.state)) {
    const state = RESULT_STATE_LABELS[part.state];
    problems.push({
      sheet: change.sheet,
      cell,
      expected: '入力中・差し戻しの事業だけ変更',
      found: `${state}の事業を変更`,
    });
  }
}
