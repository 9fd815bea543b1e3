import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { applyDraftEdit, type DraftEdit, type ProjectFields } from '../domain/draft-edit.js';
import { AppError } from '../domain/errors.js';
import type { KeyedProject } from '../domain/keyed-project.js';
import { emptyProject, type Kpi, type Plan, type Project } from '../domain/vision.js';
import { parseBaseline, parseTarget } from '../import/parse-kpi-values.js';
import { type AreaRow, findAreaBySlug, lockArea, setCurrentRevision } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import {
  copyRevisionAsDraft,
  createKpiKey,
  createProjectKey,
  lockRevisionBySeq,
  markPublished,
  replaceDraftProjects,
} from '../store/draft-store.js';
import { findCurrentRevision, type RevisionRow, readKeyedProjects } from '../store/read-revision.js';
import { assertRemovalsConfirmed } from './removal-guard.js';
import { runWrite, type WriteContext } from './run-write.js';

/** A KPI as the editor sends it: texts, read like the document's cells. */
export type KpiTexts = { indicator: string; baseline: string; target: string };

/** An edit as a page or the API asks for it; new ids are made by the service. */
export type DraftEditRequest =
  | { kind: 'fields'; key: number; fields: ProjectFields }
  | { kind: 'kpi'; key: number; kpiKey: number; kpi: KpiTexts }
  | { kind: 'add-kpi'; key: number; kpi: KpiTexts }
  | { kind: 'add-project'; number: number; name: string; placeLikeKey: number }
  | Extract<DraftEdit, { kind: 'budget' | 'remove' | 'renumber' | 'merge' }>;

export type DraftAddress = { areaSlug: string; seq: number };

/** Makes a draft of the area, a copy of its current revision with the same project and KPI ids. */
export async function createDraft(db: Kysely<Database>, actor: Actor, areaSlug: string): Promise<{ seq: number }> {
  const { result } = await runWrite(db, actor, async (w) => {
    const area = await lockEditableArea(w, areaSlug);
    const current = await findCurrentRevision(w.trx, area);
    if (!current) throw notFound(`No published revision of ${area.slug}`, 'この圏域にはまだ公開した版がありません。');
    const draft = await copyRevisionAsDraft(w.trx, current, actor.label);
    w.audit({
      action: 'draft.create',
      audience: 'staff', // a draft is seen by the area's staff only
      entity: 'vision_revision',
      entityId: String(draft.revisionId),
      areaId: area.id,
      before: null,
      after: { seq: draft.seq, basedOnSeq: current.seq },
    });
    return { seq: draft.seq };
  });
  return result;
}

/** Applies one edit to a draft that is still at `expectedVersion` (else CONFLICT, 409); returns its new version. */
export async function editDraft(
  db: Kysely<Database>,
  actor: Actor,
  input: DraftAddress & { expectedVersion: number; edit: DraftEditRequest },
): Promise<{ version: number }> {
  const { result } = await runWrite(db, actor, async (w) => {
    const { area, draft } = await lockDraft(w, input);
    w.expectVersion(input.expectedVersion, draft.version, { version: draft.version });
    const projects = await readKeyedProjects(w.trx, draft.id);
    const edit = await resolveEdit(w.trx, area.id, draft.plan, projects, input.edit);
    const next = applyDraftEdit(projects, edit);
    const version = await replaceDraftProjects(w.trx, draft, next);
    w.audit({
      action: 'draft.edit',
      audience: 'staff', // a draft is seen by the area's staff only
      entity: 'vision_revision',
      entityId: String(draft.id),
      areaId: area.id,
      before: { version: draft.version, project: projectOf(projects, edit.key) },
      after: { version, edit: edit.kind, project: projectOf(next, edit.key) },
    });
    return { version };
  });
  return result;
}

/**
 * Publishes a draft at `expectedVersion`: it becomes the area's current revision and never changes again. Refused
 * (RemovalsRefusedError) when it takes projects, budget cells or sheets away, unless `allowRemovals`.
 */
export async function publishDraft(
  db: Kysely<Database>,
  actor: Actor,
  input: DraftAddress & { expectedVersion: number; allowRemovals: boolean },
): Promise<void> {
  await runWrite(db, actor, async (w) => {
    const { area, draft } = await lockDraft(w, input);
    w.expectVersion(input.expectedVersion, draft.version, { version: draft.version });
    await assertRemovalsConfirmed(w.trx, {
      currentId: area.current_revision_id,
      nextId: draft.id,
      findings: draft.findings,
      allowRemovals: input.allowRemovals,
    });
    await markPublished(w.trx, draft);
    await setCurrentRevision(w.trx, area.id, draft.id);
    w.audit({
      action: 'draft.publish',
      entity: 'vision_revision',
      entityId: String(draft.id),
      areaId: area.id,
      before: { currentRevisionId: area.current_revision_id },
      after: { currentRevisionId: draft.id, seq: draft.seq, allowRemovals: input.allowRemovals },
    });
  });
}

/** The area by slug, its row locked, once the actor is known to hold `vision.edit` there. */
export async function lockEditableArea(w: WriteContext, areaSlug: string): Promise<AreaRow> {
  const found = await findAreaBySlug(w.trx, areaSlug);
  w.require('vision.edit', { areaId: found?.id ?? -1 });
  if (!found) throw notFound(`No area ${areaSlug}`, `圏域「${areaSlug}」は登録されていません。`);
  return lockArea(w.trx, found.id);
}

async function lockDraft(w: WriteContext, input: DraftAddress): Promise<{ area: AreaRow; draft: RevisionRow }> {
  const area = await lockEditableArea(w, input.areaSlug);
  const draft = await lockRevisionBySeq(w.trx, area.id, input.seq);
  if (!draft) throw notFound(`No revision ${input.seq}`, `第 ${input.seq} 版はありません。`);
  if (draft.status !== 'draft') {
    throw new AppError('CONFLICT', `Revision ${input.seq} is published`, {
      userMessage: `第 ${input.seq} 版は公開済みのため変更できません。新しい下書きを作ってください。`,
    });
  }
  return { area, draft };
}

/** The edit with KPI texts read like the document's cells and new ids made for what it adds. */
async function resolveEdit(
  trx: Transaction<Database>,
  areaId: number,
  plan: Plan,
  projects: readonly KeyedProject[],
  request: DraftEditRequest,
): Promise<DraftEdit> {
  const toKpi = (texts: KpiTexts, note: string | null): Kpi => ({
    indicator: texts.indicator.trim(),
    note,
    baseline: parseBaseline(texts.baseline),
    target: parseTarget(texts.target, plan.targetFiscalYear),
  });
  switch (request.kind) {
    case 'kpi': {
      const project = projects.find((p) => p.key === request.key);
      const index = project?.kpiKeys.indexOf(request.kpiKey) ?? -1;
      const note = index < 0 ? null : (project?.project.kpis[index]?.note ?? null);
      return { ...request, kpi: toKpi(request.kpi, note) };
    }
    case 'add-kpi':
      if (!projects.some((p) => p.key === request.key)) throw noSuchProject();
      return {
        kind: 'add-kpi',
        key: request.key,
        kpiKey: await createKpiKey(trx, request.key),
        kpi: toKpi(request.kpi, null),
      };
    case 'add-project': {
      const like = projects.find((p) => p.key === request.placeLikeKey)?.project;
      if (!like) throw noSuchProject();
      const key = await createProjectKey(trx, areaId);
      return { kind: 'add-project', key, project: newProject(request, like) };
    }
    default:
      return request;
  }
}

function newProject(request: { number: number; name: string }, like: Project): Project {
  const project = emptyProject(request.number, request.name.trim());
  return { ...project, isNew: true, role: like.role, policyArea: like.policyArea, subField: like.subField };
}

const projectOf = (projects: readonly KeyedProject[], key: number) =>
  projects.find((p) => p.key === key)?.project ?? null;

function noSuchProject(): AppError {
  return new AppError('INVALID_INPUT', 'No such project in the draft', {
    userMessage: '指定の事業はこの下書きにありません。',
  });
}

function notFound(message: string, userMessage: string): AppError {
  return new AppError('NOT_FOUND', message, { userMessage });
}
