import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { type Finding, hasErrors } from '../domain/vision.js';
import type { Database } from '../store/database.js';
import { deriveAreaSlug } from './derive-area-slug.js';
import { ImportRejectedError } from './import-rejected-error.js';
import type { DocumentParser } from './parse-document-bytes.js';
import { parseDocumentBytesInWorker } from './parse-document-bytes-in-worker.js';
import { runWrite } from './run-write.js';
import { type StoredRevision, storeRevision } from './store-revision.js';

export type ImportDocumentInput = {
  fileName: string;
  bytes: Uint8Array;
  /** the area to import into; derived from the document's area name when absent */
  areaSlug?: string | undefined;
  /** stop short of publishing: the revision is stored as a draft (an area's first revision is published) */
  draft?: boolean;
  /** publish even when projects, budget cells or sheets of the current revision disappear */
  allowRemovals?: boolean;
};

export type ImportDocumentResult = StoredRevision & { findings: Finding[] };

export type ImportProgress =
  | { step: 'parsed'; projectCount: number; findingCount: number }
  | { step: 'saving'; areaSlug: string };

export type ImportDocumentOptions = {
  /** the importer; replaceable so that tests can feed a built Vision */
  parse?: DocumentParser;
  onProgress?: (progress: ImportProgress) => void;
};

/**
 * Imports a vision document as a new revision of its area, all or nothing, in one write (run-write.ts) made by
 * `actor`. Refuses (ImportRejectedError, code IMPORT_REJECTED) bytes that are not UTF-8 text and documents with error
 * findings; stores nothing then. The same bytes imported twice give 'unchanged'.
 */
export async function importDocument(
  db: Kysely<Database>,
  actor: Actor,
  input: ImportDocumentInput,
  options: ImportDocumentOptions = {},
): Promise<ImportDocumentResult> {
  const { text, vision, findings } = await parseDocumentBytesInWorker(input, options.parse);
  options.onProgress?.({ step: 'parsed', projectCount: vision.projects.length, findingCount: findings.length });
  if (hasErrors(findings)) throw new ImportRejectedError(input.fileName, findings);

  const slug = deriveAreaSlug(input.areaSlug ?? vision.area.name);
  options.onProgress?.({ step: 'saving', areaSlug: slug });
  const { result } = await runWrite(db, actor, (w) =>
    storeRevision(w, {
      slug,
      vision,
      source: { fileName: input.fileName, bytes: input.bytes, text },
      origin: 'import',
      status: input.draft ? 'draft' : 'published',
      allowRemovals: input.allowRemovals ?? false,
    }),
  );
  return { ...result, findings: [...findings, ...result.addedFindings] };
}
