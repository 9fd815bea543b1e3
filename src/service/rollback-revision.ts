import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import { setCurrentRevision } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findRevisionSeq } from '../store/draft-store.js';
import { findPublishedRevision } from '../store/read-revision.js';
import { lockEditableArea } from './draft-revisions.js';
import { runWrite } from './run-write.js';

export type RollbackResult = { status: 'changed' | 'unchanged'; seq: number; previousSeq: number | null };

/**
 * Makes an earlier published revision the area's current one again (a rollback), audited as `vision.rollback`.
 * The revisions themselves do not change; publishing or rolling forward later works the same way.
 */
export async function rollbackToRevision(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; seq: number },
): Promise<RollbackResult> {
  const { result } = await runWrite(db, actor, async (w) => {
    const area = await lockEditableArea(w, input.areaSlug);
    const target = await findPublishedRevision(w.trx, area.id, input.seq);
    if (!target) {
      throw new AppError('NOT_FOUND', `No published revision ${input.seq} of ${area.slug}`, {
        userMessage: `圏域「${area.name}」に公開済みの第 ${input.seq} 版はありません。`,
      });
    }
    const previous = area.current_revision_id;
    const previousSeq = previous === null ? null : await findRevisionSeq(w.trx, previous);
    if (previous === target.id) return { status: 'unchanged' as const, seq: target.seq, previousSeq };
    await setCurrentRevision(w.trx, area.id, target.id);
    w.audit({
      action: 'vision.rollback',
      entity: 'area',
      entityId: String(area.id),
      areaId: area.id,
      before: { currentRevisionId: previous, seq: previousSeq },
      after: { currentRevisionId: target.id, seq: target.seq },
    });
    return { status: 'changed' as const, seq: target.seq, previousSeq };
  });
  return result;
}
