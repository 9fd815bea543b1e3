import type { Kysely, Transaction } from 'kysely';
import type { BudgetCellRecord } from '../domain/budget-history.js';
import { AppError } from '../domain/errors.js';
import type { KeyedProject } from '../domain/keyed-project.js';
import type { Database, RevisionStatus } from './database.js';
import type { RevisionRow } from './read-revision.js';
import { readKeyedProjects } from './read-revision.js';
import { insertKeyedProjects, nextRevisionSeq } from './save-vision-revision.js';

/** A revision of the area by its number, draft or published (callers decide who may see a draft). */
export function findRevisionBySeq(db: Kysely<Database>, areaId: number, seq: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('vision_revision')
    .selectAll()
    .where('area_id', '=', areaId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}

/** The number (seq) of a revision by its id; null when there is none. */
export async function findRevisionSeq(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db.selectFrom('vision_revision').select('seq').where('id', '=', id).executeTakeFirst();
  return row?.seq ?? null;
}

/** Whether a revision (by id) is a draft or published. */
export async function getRevisionStatus(db: Kysely<Database>, id: number): Promise<RevisionStatus> {
  const row = await db.selectFrom('vision_revision').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  return row.status;
}

/** The same, locked until the transaction ends (an edit or a publication of a draft). */
export function lockRevisionBySeq(
  trx: Transaction<Database>,
  areaId: number,
  seq: number,
): Promise<RevisionRow | undefined> {
  return trx
    .selectFrom('vision_revision')
    .selectAll()
    .where('area_id', '=', areaId)
    .where('seq', '=', seq)
    .forUpdate()
    .executeTakeFirst();
}

export type RevisionListItem = Pick<
  RevisionRow,
  'id' | 'seq' | 'label' | 'status' | 'origin' | 'created_at' | 'created_by' | 'published_at' | 'version'
> & { basedOnSeq: number | null; projectCount: number };

/** Every revision of the area, oldest first; drafts only when `withDrafts`. */
export async function listRevisions(
  db: Kysely<Database>,
  areaId: number,
  withDrafts: boolean,
): Promise<RevisionListItem[]> {
  let query = db
    .selectFrom('vision_revision as r')
    .leftJoin('vision_revision as based', 'based.id', 'r.based_on_revision_id')
    .select((eb) => [
      'r.id',
      'r.seq',
      'r.label',
      'r.status',
      'r.origin',
      'r.created_at',
      'r.created_by',
      'r.published_at',
      'r.version',
      'based.seq as basedOnSeq',
      eb
        .selectFrom('project_version')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('project_version.revision_id', '=', 'r.id')
        .as('projectCount'),
    ])
    .where('r.area_id', '=', areaId);
  if (!withDrafts) query = query.where('r.status', '=', 'published');
  const rows = await query.orderBy('r.seq').execute();
  return rows.map((row) => ({
    ...row,
    basedOnSeq: row.basedOnSeq ?? null,
    projectCount: Number(row.projectCount ?? 0),
  }));
}

/**
 * Replaces a draft's projects with `projects` (keys kept) and bumps its version: the one write of a draft's
 * content. Refuses a revision that is not a draft (the database would too, migration 0004).
 */
export async function replaceDraftProjects(
  trx: Transaction<Database>,
  draft: RevisionRow,
  projects: readonly KeyedProject[],
): Promise<number> {
  assertDraft(draft);
  const versionIds = trx.selectFrom('project_version').select('id').where('revision_id', '=', draft.id);
  await trx.deleteFrom('kpi').where('project_version_id', 'in', versionIds).execute();
  await trx.deleteFrom('budget_cell').where('project_version_id', 'in', versionIds).execute();
  await trx.deleteFrom('project_version').where('revision_id', '=', draft.id).execute();
  await insertKeyedProjects(trx, draft.id, projects);
  const { version } = await trx
    .updateTable('vision_revision')
    .set({
      version: draft.version + 1,
      vision: JSON.stringify({ ...draft.vision, projects: projects.map((p) => p.project) }),
    })
    .where('id', '=', draft.id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}

/**
 * A new draft of the area, a copy of `from` (its plan, structure, municipalities, projects and their ids), based
 * on it. The caller holds the area's row lock.
 */
export async function copyRevisionAsDraft(
  trx: Transaction<Database>,
  from: RevisionRow,
  createdBy: string,
): Promise<{ revisionId: number; seq: number }> {
  const seq = await nextRevisionSeq(trx, from.area_id);
  const { id } = await trx
    .insertInto('vision_revision')
    .values({
      area_id: from.area_id,
      source_document_id: null,
      seq,
      label: null, // the label is the printed document's (「R4年3月」); a draft made here has none
      plan: JSON.stringify(from.plan),
      structure: JSON.stringify(from.structure),
      findings: JSON.stringify(from.findings),
      vision: JSON.stringify(from.vision),
      status: 'draft',
      origin: 'draft',
      based_on_revision_id: from.id,
      created_by: createdBy,
      published_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('revision_municipality')
    .columns(['revision_id', 'municipality_id', 'position'])
    .expression((eb) =>
      eb
        .selectFrom('revision_municipality')
        .select([eb.val(id).as('revision_id'), 'municipality_id', 'position'])
        .where('revision_id', '=', from.id),
    )
    .execute();
  await insertKeyedProjects(trx, id, await readKeyedProjects(trx, from.id));
  return { revisionId: id, seq };
}

/** Marks a draft published (from then on the database refuses any change to it). */
export async function markPublished(trx: Transaction<Database>, draft: RevisionRow): Promise<void> {
  assertDraft(draft);
  await trx
    .updateTable('vision_revision')
    .set({ status: 'published', published_at: new Date().toISOString() })
    .where('id', '=', draft.id)
    .execute();
}

/** A new project id of the area (a project added in a draft). */
export async function createProjectKey(trx: Transaction<Database>, areaId: number): Promise<number> {
  const row = await trx.insertInto('project_key').values({ area_id: areaId }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A new KPI id within a project (a KPI added in a draft). */
export async function createKpiKey(trx: Transaction<Database>, projectKeyId: number): Promise<number> {
  const row = await trx
    .insertInto('kpi_key')
    .values({ project_key_id: projectKeyId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function assertDraft(revision: RevisionRow): void {
  if (revision.status !== 'draft') {
    throw new AppError('CONFLICT', `Revision ${revision.id} is published`, {
      userMessage: `第 ${revision.seq} 版は公開済みのため変更できません。新しい下書きを作ってください。`,
    });
  }
}

/** Every fiscal-year budget cell of a project (by its stable id) in the area's published revisions. */
export async function readBudgetCellRecords(db: Kysely<Database>, projectKeyId: number): Promise<BudgetCellRecord[]> {
  const rows = await db
    .selectFrom('budget_cell')
    .innerJoin('project_version', 'project_version.id', 'budget_cell.project_version_id')
    .innerJoin('vision_revision', 'vision_revision.id', 'project_version.revision_id')
    .select([
      'vision_revision.seq',
      'vision_revision.label',
      'vision_revision.published_at',
      'budget_cell.fiscal_year',
      'budget_cell.amount',
      'budget_cell.mark',
    ])
    .where('project_version.project_key_id', '=', projectKeyId)
    .where('vision_revision.status', '=', 'published')
    .where('budget_cell.fiscal_year', 'is not', null)
    .orderBy('vision_revision.seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    label: r.label,
    publishedAt: String(r.published_at),
    fiscalYear: r.fiscal_year as number,
    cell: r.mark === null ? { amount: r.amount as number, mark: null } : { amount: null, mark: r.mark },
  }));
}
