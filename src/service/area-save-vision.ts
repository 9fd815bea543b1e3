import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hasErrors, type Vision } from '../domain/vision.js';
import { lockOrCreateArea, updateAreaDescription } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findRevisionOfDocument } from '../store/read-revision.js';
import { saveVisionRevision } from '../store/save-vision-revision.js';
import { findSourceDocumentId, insertSourceDocument } from '../store/source-document-store.js';
import { deriveAreaSlug } from './derive-area-slug.js';
import { ImportRejectedError } from './import-rejected-error.js';

export type SaveAreaVisionInput = {
  areaSlug: string;
  /** a Vision built by a program (a generator, another system's export), not read from a document */
  vision: Vision;
  /** what the source record is called, e.g. `synthetic-042.json` */
  sourceName: string;
  /** the source as text, kept like an imported document's text; the Vision JSON when not given */
  sourceText?: string;
};

export type SavedAreaVision = {
  /** 'unchanged': the same source was saved into the area before; nothing was written */
  status: 'created' | 'unchanged';
  areaSlug: string;
  revisionId: number;
  seq: number;
  projectCount: number;
};

/**
 * Stores a ready Vision as a new revision of an area, in one transaction, the way importDocument stores a parsed
 * document (area row lock, source record, saveVisionRevision). For data that does not come from a document:
 * the synthetic national dataset, other systems' exports. Refuses a Vision that carries error findings.
 */
export async function saveAreaVision(db: Kysely<Database>, input: SaveAreaVisionInput): Promise<SavedAreaVision> {
  const { vision } = input;
  if (hasErrors(vision.findings)) throw new ImportRejectedError(input.sourceName, vision.findings);
  const areaSlug = deriveAreaSlug(input.areaSlug);
  const content = input.sourceText ?? JSON.stringify(vision);
  const bytes = Buffer.from(content, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return db.transaction().execute(async (trx): Promise<SavedAreaVision> => {
    const area = await lockOrCreateArea(trx, { slug: areaSlug, name: vision.area.name, kind: vision.area.kind });
    const existingId = await findSourceDocumentId(trx, area.id, sha256);
    const existing = existingId === undefined ? undefined : await findRevisionOfDocument(trx, existingId);
    if (existing) return { status: 'unchanged', areaSlug, ...existing };
    if (area.name !== vision.area.name || area.kind !== vision.area.kind) {
      await updateAreaDescription(trx, area.id, { name: vision.area.name, kind: vision.area.kind });
    }
    const sourceDocumentId = await insertSourceDocument(trx, {
      areaId: area.id,
      fileName: input.sourceName,
      sha256,
      byteSize: bytes.byteLength,
      content,
    });
    const saved = await saveVisionRevision(trx, { areaId: area.id, sourceDocumentId, vision });
    return { status: 'created', areaSlug, ...saved };
  });
}
