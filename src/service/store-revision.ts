import { createHash } from 'node:crypto';
import type { Vision } from '../domain/vision.js';
import { lockOrCreateArea, updateAreaDescription } from '../store/area-store.js';
import type { RevisionOrigin } from '../store/database.js';
import { findRevisionOfDocument } from '../store/read-revision.js';
import { saveVisionRevision } from '../store/save-vision-revision.js';
import { findSourceDocumentId, insertSourceDocument } from '../store/source-document-store.js';
import type { WriteContext } from './run-write.js';

export type RevisionSource = { fileName: string; bytes: Uint8Array; text: string };

export type StoredRevision = {
  /** 'unchanged': the same source was stored into the area before; nothing was written */
  status: 'created' | 'unchanged';
  areaSlug: string;
  revisionId: number;
  seq: number;
  projectCount: number;
};

/**
 * Stores a vision as a new published revision of the area `slug` (created when new), inside a write
 * (run-write.ts): importing into an existing area needs `vision.import` there, creating an area needs it
 * installation-wide (admins, the operator). The same source bytes stored twice give 'unchanged'.
 */
export async function storeRevision(
  w: WriteContext,
  input: { slug: string; vision: Vision; source: RevisionSource; origin: RevisionOrigin },
): Promise<StoredRevision> {
  const { trx } = w;
  const { slug, vision, source } = input;
  const existing = await trx.selectFrom('area').select('id').where('slug', '=', slug).executeTakeFirst();
  w.require('vision.import', existing ? { areaId: existing.id } : {});

  const sha256 = createHash('sha256').update(source.bytes).digest('hex');
  const area = await lockOrCreateArea(trx, { slug, name: vision.area.name, kind: vision.area.kind });
  const existingDocumentId = await findSourceDocumentId(trx, area.id, sha256);
  const previous = existingDocumentId === undefined ? undefined : await findRevisionOfDocument(trx, existingDocumentId);
  if (previous) return { status: 'unchanged', areaSlug: slug, ...previous };

  if (area.name !== vision.area.name || area.kind !== vision.area.kind) {
    await updateAreaDescription(trx, area.id, { name: vision.area.name, kind: vision.area.kind });
  }
  const sourceDocumentId = await insertSourceDocument(trx, {
    areaId: area.id,
    fileName: source.fileName,
    sha256,
    byteSize: source.bytes.byteLength,
    content: source.text,
  });
  const saved = await saveVisionRevision(trx, {
    areaId: area.id,
    sourceDocumentId,
    vision,
    origin: input.origin,
    status: 'published',
    createdBy: w.actor.label,
  });
  w.audit({
    action: existing ? 'vision.import' : 'area.create',
    entity: 'vision_revision',
    entityId: String(saved.revisionId),
    areaId: area.id,
    before: existing ? { currentRevisionId: area.current_revision_id } : null,
    after: { ...saved, fileName: source.fileName, sha256, findings: vision.findings.length },
  });
  return { status: 'created', areaSlug: slug, ...saved };
}
