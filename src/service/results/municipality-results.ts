import type { Kysely, Transaction } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import {
  isEditable,
  nextResultState,
  type ResultState,
  type ResultTransition,
  TRANSITION_BY,
} from '../../domain/result-state.js';
import { checkThousandYen } from '../../domain/thousand-yen.js';
import type { AreaRow } from '../../store/area-store.js';
import type { Database } from '../../store/database.js';
import {
  findMunicipalityResult,
  type MunicipalityResultRow,
  writeMunicipalityResult,
} from '../../store/municipality-result-store.js';
import { findCurrentRevision } from '../../store/read-revision.js';
import { getArea } from '../area-lookup.js';
import { runWrite, VersionConflictError, type WriteContext } from '../run-write.js';
import { assembleYearStatus } from './assemble-year-status.js';
import { loadAreaResults } from './load-area-results.js';
import { checkFiscalYear } from './locate-project.js';

/** One municipality's part of a project's result for a fiscal year (決算額 in 千円, and a comment). */
export type MunicipalityResult = {
  areaSlug: string;
  fiscalYear: number;
  projectNumber: number;
  municipalityCode: string;
  municipalityName: string;
  /** 千円; null when not entered yet */
  amount: number | null;
  comment: string;
  /** 0 before the first entry; each change (and each step of its state) adds one */
  version: number;
  state: ResultState;
  /** why the central city returned it (state 'returned') */
  returnReason: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
};

export type ResultAddress = { areaSlug: string; fiscalYear: number; projectNumber: number; municipalityCode: string };

export type ResultChange = ResultAddress & {
  amount: number | null;
  comment: string;
  /** the version the caller read (0 for none yet): a stale one is refused with the current values */
  expectedVersion: number;
};

/**
 * Reads a municipality's part. Results are not public yet: only accounts that may read the area's unpublished data
 * see them; for anyone else the area's results do not exist (NOT_FOUND, so nothing leaks across areas).
 */
export async function getMunicipalityResult(
  db: Kysely<Database>,
  actor: Actor,
  address: ResultAddress,
): Promise<MunicipalityResult> {
  const target = await locate(db, address);
  if (!isAllowed(actor, 'drafts.read', { areaId: target.area.id })) throw notFound(address);
  const row = await findMunicipalityResult(db, target.key);
  return toResult(address, target.municipalityName, row);
}

/**
 * Records a municipality's part through the one write path: the actor must be that municipality's staff; the
 * version must be the one the caller started from; the change is audited (before → after).
 */
export async function recordMunicipalityResult(
  db: Kysely<Database>,
  actor: Actor,
  change: ResultChange,
): Promise<MunicipalityResult> {
  const write = runWrite(db, actor, (w) => writeMunicipalityPart(w, change));
  try {
    return (await write).result;
  } catch (error) {
    // two first entries raced and the other was committed first: the same answer as a stale version
    if ((error as { code?: string }).code !== '23505') throw error;
    const current = await getMunicipalityResult(db, actor, change);
    throw new VersionConflictError(change.expectedVersion, current.version, current);
  }
}

/**
 * The body of recordMunicipalityResult inside a write the caller opened (a workbook import writes many parts in one
 * transaction). Returns the part unchanged, auditing nothing, when the values are already there.
 */
export async function writeMunicipalityPart(w: WriteContext, change: ResultChange): Promise<MunicipalityResult> {
  checkThousandYen(change.amount, '決算額');
  const actor = w.actor;
  const target = await locate(w.trx, change);
  requireEntry(w, target);
  const before = await findMunicipalityResult(w.trx, target.key, { lock: true });
  const current = toResult(change, target.municipalityName, before);
  w.expectVersion(change.expectedVersion, current.version, current);
  if (before && before.amount === change.amount && before.comment === change.comment) return current;
  if (!isEditable(current.state)) throw locked(current.state);
  const saved = await writeMunicipalityResult(w.trx, {
    ...target.key,
    areaId: target.area.id,
    amount: change.amount,
    comment: change.comment,
    state: current.state,
    returnReason: current.returnReason,
    version: current.version + 1,
    updatedBy: actor.label,
  });
  w.audit({
    action: 'result.record',
    entity: 'municipality_result',
    entityId: `${change.fiscalYear}/${change.projectNumber}/${change.municipalityCode}`,
    areaId: target.area.id,
    before: before ? { amount: before.amount, comment: before.comment, version: before.version } : null,
    after: { amount: saved.amount, comment: saved.comment, version: saved.version },
    audience: 'staff', // only a draft or returned part can change, and the public sees approved parts only
  });
  return toResult(change, target.municipalityName, saved);
}

export type StateChange = ResultAddress & {
  transition: ResultTransition;
  /** required to return a result: what the municipality should correct */
  reason?: string | undefined;
  expectedVersion: number;
};

/**
 * One step of a part's life (domain/result-state.ts): the municipality submits its own part; the central city
 * (results.review) approves or returns it with a reason. Audited, version-checked like an edit.
 */
export async function changeMunicipalityResultState(
  db: Kysely<Database>,
  actor: Actor,
  change: StateChange,
): Promise<MunicipalityResult> {
  const reason = change.reason?.trim() ?? '';
  if (change.transition === 'return' && reason === '') {
    throw new AppError('INVALID_INPUT', 'A return needs a reason', {
      userMessage: '差し戻すときは、その理由（直してほしいこと）を入力してください。',
    });
  }
  const { result } = await runWrite(db, actor, async (w) => {
    const target = await locate(w.trx, change);
    if (TRANSITION_BY[change.transition] === 'municipality') requireEntry(w, target);
    else w.require('results.review', { areaId: target.area.id });
    const before = await findMunicipalityResult(w.trx, target.key, { lock: true });
    const current = toResult(change, target.municipalityName, before);
    w.expectVersion(change.expectedVersion, current.version, current);
    const state = nextResultState(current.state, change.transition);
    if (!before || (change.transition === 'submit' && before.amount === null)) {
      throw new AppError('CONFLICT', 'Nothing entered to submit', {
        userMessage: '決算額を入力してから提出してください（負担がない場合は 0 を入力します）。',
      });
    }
    const saved = await writeMunicipalityResult(w.trx, {
      ...target.key,
      areaId: target.area.id,
      amount: before.amount,
      comment: before.comment,
      state,
      returnReason: state === 'returned' ? reason : null,
      version: current.version + 1,
      updatedBy: actor.label,
    });
    w.audit({
      action: `result.${change.transition}`,
      entity: 'municipality_result',
      entityId: `${change.fiscalYear}/${change.projectNumber}/${change.municipalityCode}`,
      areaId: target.area.id,
      before: { state: current.state, version: current.version },
      after: { state, version: saved.version, ...(state === 'returned' ? { reason } : {}) },
      // the public sees approved parts only: a step into or out of 'approved' shows once the year is published
      audience: current.state === 'approved' || state === 'approved' ? { resultsOfYear: change.fiscalYear } : 'staff',
    });
    return toResult(change, target.municipalityName, saved);
  });
  return result;
}

export type WorklistItem = MunicipalityResult & {
  projectName: string;
  /** this municipality's share of the plan and of the actual by the project's rule (千円; null without a rule) */
  planShare: number | null;
  actualShare: number | null;
  rule: string | null;
};

export type MunicipalityWorklist = {
  area: { slug: string; name: string };
  municipality: { code: string; name: string };
  fiscalYears: number[];
  fiscalYear: number;
  items: WorklistItem[];
  /** what the municipality pays over all its projects this year (null when a share is unknown) */
  totals: { plan: number | null; actual: number | null };
};

/**
 * The projects a municipality takes part in, with its entered part for the fiscal year and what it pays by each
 * project's cost-share rule: the entry form's rows.
 */
export async function listMunicipalityWorklist(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaId: number; municipalityId: number; fiscalYear: number | undefined },
): Promise<MunicipalityWorklist> {
  const area = await db.selectFrom('area').selectAll().where('id', '=', input.areaId).executeTakeFirstOrThrow();
  const municipality = await db
    .selectFrom('municipality')
    .select(['id', 'code', 'name', 'is_central_city'])
    .where('id', '=', input.municipalityId)
    .executeTakeFirstOrThrow();
  if (!mayEnter(actor, { areaId: input.areaId, municipalityId: municipality.id }, municipality.is_central_city)) {
    throw new AppError('FORBIDDEN', 'Not this municipality', { userMessage: 'この市町村の実績は入力できません。' });
  }
  if (municipality.code === null) throw notFound({ areaSlug: area.slug });
  const results = await loadAreaResults(db, { areaSlug: area.slug, audience: 'staff' });
  const fiscalYears = results.vision.plan.fiscalYears;
  const fiscalYear = input.fiscalYear ?? fiscalYears[0] ?? 0;
  checkFiscalYear(fiscalYears, fiscalYear);
  const code = municipality.code;
  const items = assembleYearStatus(results, fiscalYear).projects.flatMap((project) => {
    const part = project.parts.find((p) => p.municipalityCode === code);
    const share = project.spending.shares.find((s) => s.municipalityCode === code);
    if (!part) return [];
    return [
      {
        areaSlug: area.slug,
        fiscalYear,
        projectNumber: project.number,
        municipalityCode: code,
        municipalityName: municipality.name,
        amount: part.amount,
        comment: part.comment,
        version: part.version,
        state: part.state === 'none' ? 'draft' : part.state,
        returnReason: part.returnReason,
        updatedAt: null,
        updatedBy: part.updatedBy,
        projectName: project.name,
        planShare: share?.plan ?? null,
        actualShare: share?.actual ?? null,
        rule: project.spending.rule?.description ?? null,
      } satisfies WorklistItem,
    ];
  });
  const total = (pick: (item: WorklistItem) => number | null) =>
    items.every((item) => pick(item) !== null) ? items.reduce((sum, item) => sum + (pick(item) ?? 0), 0) : null;
  return {
    area: { slug: area.slug, name: area.name },
    municipality: { code, name: municipality.name },
    fiscalYears,
    fiscalYear,
    items,
    totals: { plan: total((i) => i.planShare), actual: total((i) => i.actualShare) },
  };
}

type Target = {
  area: AreaRow;
  municipalityName: string;
  isCentralCity: boolean;
  key: { projectKeyId: number; fiscalYear: number; municipalityId: number };
};

/** Finds the area, project (in the current revision), fiscal year and municipality of an address; NOT_FOUND else. */
async function locate(db: Kysely<Database> | Transaction<Database>, address: ResultAddress): Promise<Target> {
  const area = await getArea(db, address.areaSlug);
  const revision = await findCurrentRevision(db, area);
  if (!revision?.plan.fiscalYears.includes(address.fiscalYear)) throw notFound(address);
  const project = await db
    .selectFrom('project_version')
    .select(['project_key_id', 'participants'])
    .where('revision_id', '=', revision.id)
    .where('number', '=', address.projectNumber)
    .executeTakeFirst();
  const municipality = await db
    .selectFrom('municipality')
    .select(['id', 'name', 'is_central_city'])
    .where('area_id', '=', area.id)
    .where('code', '=', address.municipalityCode)
    .executeTakeFirst();
  const takesPart = municipality && (municipality.is_central_city || project?.participants.includes(municipality.name));
  if (!project || !municipality || !takesPart) throw notFound(address);
  return {
    area,
    municipalityName: municipality.name,
    isCentralCity: municipality.is_central_city,
    key: { projectKeyId: project.project_key_id, fiscalYear: address.fiscalYear, municipalityId: municipality.id },
  };
}

function toResult(
  address: ResultAddress,
  municipalityName: string,
  row: MunicipalityResultRow | undefined,
): MunicipalityResult {
  return {
    areaSlug: address.areaSlug,
    fiscalYear: address.fiscalYear,
    projectNumber: address.projectNumber,
    municipalityCode: address.municipalityCode,
    municipalityName,
    amount: row?.amount === null || row?.amount === undefined ? null : Number(row.amount),
    comment: row?.comment ?? '',
    version: row?.version ?? 0,
    state: row?.state ?? 'draft',
    returnReason: row?.return_reason ?? null,
    updatedAt: row ? String(row.updated_at) : null,
    updatedBy: row?.updated_by ?? null,
  };
}

/**
 * Who enters a part: that municipality's staff; the central city's own part also its central staff, who answer for
 * the central city. Someone who may not even read the area's unpublished data gets NOT_FOUND (nothing leaks).
 */
function requireEntry(w: WriteContext, target: Target): void {
  const scope = { areaId: target.area.id, municipalityId: target.key.municipalityId };
  if (!isAllowed(w.actor, 'drafts.read', scope)) throw notFound({});
  const byCentralStaff = target.isCentralCity && isAllowed(w.actor, 'results.review', scope);
  w.require(byCentralStaff ? 'results.review' : 'results.edit', scope);
}

/** Whether the actor enters this municipality's parts (the entry page, the entry workbook). */
export function mayEnter(
  actor: Actor,
  scope: { areaId: number; municipalityId: number },
  isCentralCity: boolean,
): boolean {
  return isAllowed(actor, 'results.edit', scope) || (isCentralCity && isAllowed(actor, 'results.review', scope));
}

function locked(state: ResultState): AppError {
  return new AppError('CONFLICT', `Result is ${state}`, {
    userMessage:
      state === 'approved'
        ? '承認済みの実績は変更できません。中心市に差し戻しを依頼してください。'
        : '提出済みの実績は変更できません。中心市が差し戻すと、もう一度入力できます。',
  });
}

function notFound(address: Partial<ResultAddress>): AppError {
  return new AppError('NOT_FOUND', `No result at ${JSON.stringify(address)}`, {
    userMessage: '指定された実績はありません（圏域・年度・事業番号・市町村を確認してください）。',
  });
}
