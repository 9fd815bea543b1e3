import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import type { EntryWorkbook, KpiRow, PartRow, ProjectRow } from '../../domain/entry-workbook.js';
import { AppError } from '../../domain/errors.js';
import type { Database } from '../../store/database.js';
import { findMunicipalityByCode } from '../../store/municipality-store.js';
import { assembleYearStatus, type YearStatus } from './assemble-year-status.js';
import { type AreaResults, loadAreaResults } from './load-area-results.js';
import { checkFiscalYear } from './locate-project.js';
import { mayEnter } from './municipality-results.js';

export type EntryWorkbookRequest = { areaSlug: string; fiscalYear: number; municipalityCode: string };

/**
 * The entry workbook of a municipality for a fiscal year, as it stands now: its part of each project it takes part
 * in; for the central city also every project's total and comments and every KPI's actual. Only who may enter the
 * municipality's parts gets it (the central city's: its central staff).
 */
export async function buildEntryWorkbook(
  db: Kysely<Database>,
  actor: Actor,
  request: EntryWorkbookRequest,
): Promise<EntryWorkbook> {
  const results = await loadAreaResults(db, { areaSlug: request.areaSlug, audience: 'staff' });
  return entryWorkbookOf(results, actor, request);
}

/**
 * Refuses, before any upload is read, an actor who may not enter the municipality's parts (FORBIDDEN) or a
 * municipality not in the area (NOT_FOUND); gives its name.
 */
export async function checkEntryWorkbookAccess(
  db: Kysely<Database>,
  actor: Actor,
  request: Omit<EntryWorkbookRequest, 'fiscalYear'>,
): Promise<{ municipalityName: string }> {
  const row = await findMunicipalityByCode(db, { areaSlug: request.areaSlug, code: request.municipalityCode });
  if (!row) throw municipalityNotFound(request.municipalityCode);
  if (!mayEnter(actor, { areaId: row.area_id, municipalityId: row.id }, row.is_central_city)) throw notYours();
  return { municipalityName: row.name };
}

/** The workbook from results already read (the import compares a returned workbook with this). */
export function entryWorkbookOf(results: AreaResults, actor: Actor, request: EntryWorkbookRequest): EntryWorkbook {
  const municipality = results.municipalities.find((m) => m.code === request.municipalityCode);
  if (!municipality?.code) throw municipalityNotFound(request.municipalityCode);
  const scope = { areaId: results.area.id, municipalityId: municipality.id };
  if (!mayEnter(actor, scope, municipality.isCentralCity)) throw notYours();
  checkFiscalYear(results.vision.plan.fiscalYears, request.fiscalYear);
  const status = assembleYearStatus(results, request.fiscalYear);
  const central = municipality.isCentralCity && isAllowed(actor, 'results.review', { areaId: results.area.id });
  const parts = status.projects.flatMap((project): PartRow[] => {
    const part = project.parts.find((p) => p.municipalityCode === municipality.code);
    if (!part) return [];
    const share = project.spending.shares.find((s) => s.municipalityCode === municipality.code);
    return [
      {
        projectKeyId: results.index.keyOf(project.number)?.projectKeyId ?? -1,
        projectNumber: project.number,
        projectName: project.name,
        rule: project.spending.rule?.description ?? null,
        plan: project.spending.plan,
        planShare: share?.plan ?? null,
        state: part.state === 'none' ? 'draft' : part.state,
        amount: part.amount,
        comment: part.comment,
        version: part.version,
        fingerprint: fingerprintValues([part.amount, part.comment]),
      },
    ];
  });
  return {
    kind: central ? 'central' : 'municipality',
    area: status.area,
    fiscalYear: request.fiscalYear,
    municipality: { code: municipality.code, name: municipality.name },
    revisionId: results.revisionId,
    parts,
    projects: central ? projectRows(results, status) : [],
    kpis: central ? kpiRows(results, request.fiscalYear) : [],
  };
}

function projectRows(results: AreaResults, status: YearStatus): ProjectRow[] {
  const fiscalYear = status.fiscalYear;
  return status.projects.map((project) => {
    const projectKeyId = results.index.keyOf(project.number)?.projectKeyId ?? -1;
    const row = results.index.projectResultOf(projectKeyId, fiscalYear);
    const values = {
      actualTotal: row?.actual_total ?? null,
      progress: row?.progress ?? '',
      nextSteps: row?.next_steps ?? '',
      selfEvaluation: row?.self_evaluation ?? '',
    };
    return {
      projectKeyId,
      projectNumber: project.number,
      projectName: project.name,
      plan: project.spending.plan,
      ...values,
      version: row?.version ?? 0,
      fingerprint: fingerprintValues(Object.values(values)),
    };
  });
}

function kpiRows(results: AreaResults, fiscalYear: number): KpiRow[] {
  return results.vision.projects.flatMap((project) => {
    const keys = results.index.keyOf(project.number)?.kpiKeyIds ?? [];
    return project.kpis.flatMap((kpi, i): KpiRow[] => {
      const kpiKeyId = keys[i];
      // a KPI merged into another project's is entered there
      if (kpiKeyId === undefined || kpi.target.kind === 'merged_into') return [];
      const row = results.index.kpiResultOf(kpiKeyId, fiscalYear);
      const actual = row?.actual ?? null;
      const notCountedReason = row?.not_counted_reason ?? null;
      return [
        {
          kpiKeyId,
          projectNumber: project.number,
          kpiNumber: i + 1,
          indicator: kpi.indicator,
          targetText: kpi.target.text,
          actual,
          notCountedReason,
          version: row?.version ?? 0,
          fingerprint: fingerprintValues([actual, notCountedReason]),
        },
      ];
    });
  });
}

/** A short digest of a row's entered values: tells an untouched row (same digest) from an edited one. */
export function fingerprintValues(values: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
}

function municipalityNotFound(code: string): AppError {
  return new AppError('NOT_FOUND', `No municipality ${code}`, {
    userMessage: `団体コード ${code} の市町村はこの圏域にありません。`,
  });
}

function notYours(): AppError {
  return new AppError('FORBIDDEN', 'Not this municipality', { userMessage: 'この市町村の実績は入力できません。' });
}
