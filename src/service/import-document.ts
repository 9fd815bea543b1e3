import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { type Finding, hasErrors } from '../domain/vision.js';
import { lockOrCreateArea, updateAreaDescription } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findRevisionOfDocument } from '../store/read-revision.js';
import { saveVisionRevision } from '../store/save-vision-revision.js';
import { findSourceDocumentId, insertSourceDocument } from '../store/source-document-store.js';
import { deriveAreaSlug } from './derive-area-slug.js';
import { ImportRejectedError } from './import-rejected-error.js';
import type { DocumentParser } from './parse-document-bytes.js';
import { parseDocumentBytesInWorker } from './parse-document-bytes-in-worker.js';

export type ImportDocumentInput = {
  fileName: string;
  bytes: Uint8Array;
  /** the area to import into; derived from the document's area name when absent */
  areaSlug?: string | undefined;
};

export type ImportDocumentResult = {
  /** 'unchanged': these exact bytes were imported into the area before; nothing was written */
  status: 'created' | 'unchanged';
  revisionId: number;
  seq: number;
  projectCount: number;
  findings: Finding[];
};

export type ImportProgress =
  | { step: 'parsed'; projectCount: number; findingCount: number }
  | { step: 'saving'; areaSlug: string };

export type ImportDocumentOptions = {
  /** the importer; replaceable so that tests can feed a built Vision */
  parse?: DocumentParser;
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Imports a vision document as a new revision of its area, all or nothing, in one transaction.
 * Refuses (ImportRejectedError, code IMPORT_REJECTED) bytes that are not UTF-8 text and documents with error
 * findings; stores nothing then. The same bytes imported twice give 'unchanged'.
 */
export async function importDocument(
  db: Kysely<Database>,
  input: ImportDocumentInput,
  options: ImportDocumentOptions = {},
): Promise<ImportDocumentResult> {
  const { text, vision, findings } = await parseDocumentBytesInWorker(input, options.parse);
  options.onProgress?.({ step: 'parsed', projectCount: vision.projects.length, findingCount: findings.length });
  if (hasErrors(findings)) throw new ImportRejectedError(input.fileName, findings);

  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const slug = deriveAreaSlug(input.areaSlug ?? vision.area.name);
  options.onProgress?.({ step: 'saving', areaSlug: slug });

  return db.transaction().execute(async (trx) => {
    const area = await lockOrCreateArea(trx, { slug, name: vision.area.name, kind: vision.area.kind });
    const existingDocumentId = await findSourceDocumentId(trx, area.id, sha256);
    if (existingDocumentId !== undefined) {
      const revision = await findRevisionOfDocument(trx, existingDocumentId);
      if (revision) return { status: 'unchanged', ...revision, findings };
    }
    if (area.name !== vision.area.name || area.kind !== vision.area.kind) {
      await updateAreaDescription(trx, area.id, { name: vision.area.name, kind: vision.area.kind });
    }
    const sourceDocumentId = await insertSourceDocument(trx, {
      areaId: area.id,
      fileName: input.fileName,
      sha256,
      byteSize: input.bytes.byteLength,
      content: text,
    });
    const saved = await saveVisionRevision(trx, { areaId: area.id, sourceDocumentId, vision });
    return { status: 'created', ...saved, findings };
  });
}
