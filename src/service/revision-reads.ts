import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../domain/access-policy.js';
import { type BudgetCellHistory, summarizeBudgetHistory } from '../domain/budget-history.js';
import { AppError } from '../domain/errors.js';
import type { KeyedProject } from '../domain/keyed-project.js';
import { type Disappearances, diffRevisions, listDisappearances, type RevisionDiff } from '../domain/revision-diff.js';
import { type AreaRow, listAreaNames } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import {
  findRevisionBySeq,
  findRevisionSeq,
  listRevisions,
  type RevisionListItem,
  readBudgetCellRecords,
} from '../store/draft-store.js';
import { type RevisionRow, readKeyedProjects } from '../store/read-revision.js';
import { getArea } from './area-lookup.js';

/** Who reads: an account (or the operator), or nobody signed in (the public). */
export type Reader = Actor | undefined;

const seesDrafts = (reader: Reader, area: AreaRow) =>
  reader !== undefined && isAllowed(reader, 'drafts.read', { areaId: area.id });

export type AreaRevisions = {
  area: AreaRow;
  revisions: RevisionListItem[];
  /** the reader may make drafts, edit, publish and roll back in this area */
  canEdit: boolean;
};

/** The revisions of an area the reader may see: published ones for the public, drafts too for the area's staff. */
export async function listRevisionsFor(db: Kysely<Database>, reader: Reader, areaSlug: string): Promise<AreaRevisions> {
  const area = await getArea(db, areaSlug);
  return {
    area,
    revisions: await listRevisions(db, area.id, seesDrafts(reader, area)),
    canEdit: reader !== undefined && isAllowed(reader, 'vision.edit', { areaId: area.id }),
  };
}

/** A revision the reader may see (a draft only with `drafts.read` in the area); NOT_FOUND otherwise. */
export async function getVisibleRevision(
  db: Kysely<Database>,
  reader: Reader,
  area: AreaRow,
  seq: number,
): Promise<RevisionRow> {
  const revision = await findRevisionBySeq(db, area.id, seq);
  if (!revision || (revision.status === 'draft' && !seesDrafts(reader, area))) {
    throw new AppError('NOT_FOUND', `No visible revision ${seq} of ${area.slug}`, {
      userMessage: `圏域「${area.name}」に第 ${seq} 版はありません。`,
    });
  }
  return revision;
}

export type RevisionComparison = {
  area: AreaRow;
  from: RevisionRow;
  to: RevisionRow;
  diff: RevisionDiff;
  /** what `to` takes away from `from` (the confirmation a publication asks for) */
  disappearances: Disappearances;
};

/** The diff between two revisions of an area, by stable project and KPI ids. */
export async function compareRevisions(
  db: Kysely<Database>,
  reader: Reader,
  input: { areaSlug: string; from: number; to: number },
): Promise<RevisionComparison> {
  const area = await getArea(db, input.areaSlug);
  const from = await getVisibleRevision(db, reader, area, input.from);
  const to = await getVisibleRevision(db, reader, area, input.to);
  const diff = diffRevisions(await readKeyedProjects(db, from.id), await readKeyedProjects(db, to.id));
  return { area, from, to, diff, disappearances: listDisappearances(diff, to.findings) };
}

/** A draft with its projects and their ids, for the editor (the reader must hold `vision.edit` there). */
export async function getDraftForEditing(
  db: Kysely<Database>,
  reader: Actor,
  input: { areaSlug: string; seq: number },
): Promise<{ area: AreaRow; draft: RevisionRow; projects: KeyedProject[]; basedOnSeq: number | null }> {
  const area = await getArea(db, input.areaSlug);
  const draft = await getVisibleRevision(db, reader, area, input.seq);
  if (!isAllowed(reader, 'vision.edit', { areaId: area.id })) {
    throw new AppError('FORBIDDEN', `${reader.label} may not edit drafts of ${area.slug}`, {
      userMessage: 'この圏域の下書きを編集する権限がありません。',
    });
  }
  if (draft.status !== 'draft') {
    throw new AppError('CONFLICT', `Revision ${input.seq} is published`, {
      userMessage: `第 ${input.seq} 版は公開済みのため変更できません。`,
    });
  }
  const basedOnSeq = draft.based_on_revision_id === null ? null : await findRevisionSeq(db, draft.based_on_revision_id);
  return { area, draft, projects: await readKeyedProjects(db, draft.id), basedOnSeq };
}

/** The re-estimates of each budget cell of a project of the area's current revision (public: published only). */
export async function readProjectBudgetHistory(
  db: Kysely<Database>,
  currentRevisionId: number,
  projectNumber: number,
): Promise<BudgetCellHistory[]> {
  const [project] = await readKeyedProjects(db, currentRevisionId, { number: projectNumber });
  if (!project) return [];
  return summarizeBudgetHistory(await readBudgetCellRecords(db, project.key));
}

/** The areas whose drafts the actor may make and edit, in creation order. */
export async function listEditableAreas(
  db: Kysely<Database>,
  actor: Actor,
): Promise<Array<{ slug: string; name: string }>> {
  const areas = await listAreaNames(db);
  return areas
    .filter((a) => isAllowed(actor, 'vision.edit', { areaId: a.id }))
    .map(({ slug, name }) => ({ slug, name }));
}
