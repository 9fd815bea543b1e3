import { createHash } from 'node:crypto';
import type { Finding, Vision } from '../domain/vision.js';
import { type AreaRow, lockOrCreateArea } from '../store/area-store.js';
import type { RevisionOrigin, RevisionStatus } from '../store/database.js';
import { getRevisionStatus } from '../store/draft-store.js';
import { toComparableName } from '../store/match-stable-keys.js';
import { findRevisionOfDocument } from '../store/read-revision.js';
import { saveVisionRevision } from '../store/save-vision-revision.js';
import { findSourceDocumentId, insertSourceDocument } from '../store/source-document-store.js';
import { assertRemovalsConfirmed } from './removal-guard.js';
import type { WriteContext } from './run-write.js';

export type RevisionSource = { fileName: string; bytes: Uint8Array; text: string };

export type StoredRevision = {
  /** 'unchanged': the same source was stored into the area before; nothing was written */
  status: 'created' | 'unchanged';
  areaSlug: string;
  revisionId: number;
  seq: number;
  projectCount: number;
  /** 'draft' when the caller asked for one and the area already has a public revision */
  revisionStatus: RevisionStatus;
  /** findings added while storing (a document naming another area) */
  addedFindings: Finding[];
};

export type StoreRevisionInput = {
  slug: string;
  vision: Vision;
  source: RevisionSource;
  origin: RevisionOrigin;
  /** 'draft' stops short of publishing (an area's first revision is published all the same: nothing to compare) */
  status?: RevisionStatus;
  /** publish even when projects, budget cells or sheets of the current revision disappear */
  allowRemovals?: boolean;
};

/**
 * Stores a vision as a new revision of the area `slug` (created when new), inside a write (run-write.ts):
 * importing into an existing area needs `vision.import` there, creating an area needs it installation-wide
 * (admins, the operator). The same source bytes stored twice give 'unchanged'. The area keeps the name and kind
 * it was created with: a document naming another area gets an `area_name_mismatch` finding. Publishing a revision
 * that takes projects, budget cells or sheets away is refused (removal-guard.ts) unless `allowRemovals`.
 */
export async function storeRevision(w: WriteContext, input: StoreRevisionInput): Promise<StoredRevision> {
  const { trx } = w;
  const { slug, source } = input;
  const existing = await trx.selectFrom('area').select('id').where('slug', '=', slug).executeTakeFirst();
  w.require('vision.import', existing ? { areaId: existing.id } : {});

  const sha256 = createHash('sha256').update(source.bytes).digest('hex');
  const area = await lockOrCreateArea(trx, { slug, name: input.vision.area.name, kind: input.vision.area.kind });
  const existingDocumentId = await findSourceDocumentId(trx, area.id, sha256);
  const previous = existingDocumentId === undefined ? undefined : await findRevisionOfDocument(trx, existingDocumentId);
  if (previous) {
    const revisionStatus = await getRevisionStatus(trx, previous.revisionId);
    return { status: 'unchanged', areaSlug: slug, ...previous, revisionStatus, addedFindings: [] };
  }

  const addedFindings = existing ? areaNameFindings(area, input.vision) : [];
  const vision = { ...input.vision, findings: [...input.vision.findings, ...addedFindings] };
  const status: RevisionStatus = input.status === 'draft' && area.current_revision_id !== null ? 'draft' : 'published';
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
    status,
    createdBy: w.actor.label,
  });
  if (status === 'published') {
    await assertRemovalsConfirmed(trx, {
      currentId: area.current_revision_id,
      nextId: saved.revisionId,
      findings: vision.findings,
      allowRemovals: input.allowRemovals ?? false,
    });
  }
  w.audit({
    action: !existing ? 'area.create' : status === 'draft' ? 'draft.create' : 'vision.import',
    audience: existing && status === 'draft' ? 'staff' : 'public',
    entity: 'vision_revision',
    entityId: String(saved.revisionId),
    areaId: area.id,
    before: existing ? { currentRevisionId: area.current_revision_id } : null,
    after: { ...saved, status, fileName: source.fileName, sha256, findings: vision.findings.length },
  });
  return { status: 'created', areaSlug: slug, ...saved, revisionStatus: status, addedFindings };
}

/** A warning when the document names another area than the one it goes into (the area is not renamed). */
function areaNameFindings(area: AreaRow, vision: Vision): Finding[] {
  if (toComparableName(vision.area.name) === toComparableName(area.name)) return [];
  const named = vision.area.name === '' ? '圏域名がありません' : `圏域名は「${vision.area.name}」です`;
  return [
    {
      severity: 'warning',
      code: 'area_name_mismatch',
      project: null,
      line: null,
      excerpt: vision.area.name || null,
      message: `取り込み先は「${area.name}」ですが、文書の${named}。圏域の名前と種類は変えていません。`,
    },
  ];
}
