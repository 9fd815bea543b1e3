import {
  ENTRY_SHEETS,
  type EntrySheetKind,
  type EntryWorkbook,
  type WorkbookProblem,
} from '../../domain/entry-workbook.js';
import type { WorkbookRow } from '../../import/read-entry-workbook.js';
import { fingerprintValues } from './build-entry-workbook.js';
import type { FieldChange, WorkbookChange } from './plan-workbook-import.js';
import { WorkbookCellReader } from './read-workbook-cells.js';

type Values = Record<string, string | number | null>;

/**
 * One returned row against the results as they stand: undefined when the row is untouched (its values' fingerprint
 * is the one it went out with), unchanged, or bad (its problems are added); else the change, with each changed
 * field's cell. A row edited after someone else changed the record (its version moved on) is a conflict.
 */
export function compareWorkbookRow(
  kind: EntrySheetKind,
  sheet: string,
  row: WorkbookRow,
  current: EntryWorkbook,
  problems: WorkbookProblem[],
): WorkbookChange | undefined {
  const reader = new WorkbookCellReader(sheet, row, problems);
  const target = findTarget(kind, row.id, current);
  if (!target) {
    reader.problem('id', 'このブックの事業・成果指標の行（行をコピーして増やしていないか確かめてください）');
    return undefined;
  }
  const before = problems.length;
  const values = readValues(kind, reader);
  if (!values || problems.length > before) return undefined;
  if (fingerprintValues(Object.values(values)) === reader.cell('fingerprint').value) return undefined;
  const fields = Object.keys(values).flatMap((key): FieldChange[] => {
    if (values[key] === target.values[key]) return [];
    const label = ENTRY_SHEETS[kind].columns.find((c) => c.key === key)?.header.replace(/\s*※入力$/, '') ?? key;
    const cell = reader.cell(key === 'notCountedReason' && values.actual === null ? 'notCounted' : key).address;
    return [{ cell, label, before: show(target.values[key]), after: show(values[key]) }];
  });
  if (fields.length === 0) return undefined;
  const version = Number(reader.cell('version').value);
  if (version !== target.version) {
    const first = fields[0] as FieldChange;
    problems.push({
      sheet,
      cell: first.cell,
      expected: 'ブックを作った後にほかの人が変更していない項目（ダウンロードし直してください）',
      found: `ほかの人が「${first.label}」を ${first.before} に変更済み`,
    });
    return undefined;
  }
  const base = { sheet, projectNumber: target.projectNumber, expectedVersion: target.version, fields };
  if (kind === 'parts') {
    const { amount, comment } = values as { amount: number | null; comment: string };
    return { ...base, kind: 'part', projectKeyId: target.keyId, values: { amount, comment } };
  }
  if (kind === 'projects') {
    const v = values as { actualTotal: number | null; progress: string; nextSteps: string; selfEvaluation: string };
    return { ...base, kind: 'project', values: v };
  }
  const { actual, notCountedReason } = values as { actual: number | null; notCountedReason: string | null };
  return { ...base, kind: 'kpi', kpiNumber: target.kpiNumber, values: { actual, notCountedReason } };
}

type Target = { keyId: number; projectNumber: number; kpiNumber: number; version: number; values: Values };

function findTarget(kind: EntrySheetKind, id: string, current: EntryWorkbook): Target | undefined {
  const keyId = Number(id.slice(2));
  if (kind === 'parts' && id.startsWith('p:')) {
    const part = current.parts.find((p) => p.projectKeyId === keyId);
    return part && { ...part, keyId, kpiNumber: 0, values: { amount: part.amount, comment: part.comment } };
  }
  if (kind === 'projects' && id.startsWith('p:')) {
    const p = current.projects.find((r) => r.projectKeyId === keyId);
    const values = p && {
      actualTotal: p.actualTotal,
      progress: p.progress,
      nextSteps: p.nextSteps,
      selfEvaluation: p.selfEvaluation,
    };
    return p && values && { ...p, keyId, kpiNumber: 0, values };
  }
  const kpi = kind === 'kpis' && id.startsWith('k:') ? current.kpis.find((k) => k.kpiKeyId === keyId) : undefined;
  return kpi && { ...kpi, keyId, values: { actual: kpi.actual, notCountedReason: kpi.notCountedReason } };
}

/** The row's input values in the order their fingerprint was made (build-entry-workbook.ts). */
function readValues(kind: EntrySheetKind, reader: WorkbookCellReader): Values | undefined {
  if (kind === 'parts') return { amount: reader.amount('amount') ?? null, comment: reader.text('comment') ?? '' };
  if (kind === 'projects') {
    return {
      actualTotal: reader.amount('actualTotal') ?? null,
      progress: reader.text('progress') ?? '',
      nextSteps: reader.text('nextSteps') ?? '',
      selfEvaluation: reader.text('selfEvaluation') ?? '',
    };
  }
  return reader.kpiActual();
}

function show(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '（空欄）';
  return typeof value === 'number' ? value.toLocaleString('ja-JP') : value;
}
