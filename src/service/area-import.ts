import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { AppError } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { deriveAreaSlug } from './derive-area-slug.js';
import { type ImportDocumentInput, type ImportDocumentOptions, importDocument } from './import-document.js';

/** Slugs the pages use for themselves under /areas/: no area may take them. */
export const RESERVED_AREA_SLUGS: readonly string[] = ['compare', 'search'];

export type AreaImportResult = Awaited<ReturnType<typeof importDocument>> & { areaSlug: string };

/**
 * Imports a document into an area (the slug given, or one derived from the document's area name), refusing the
 * slugs of /areas/compare and /areas/search. The CLI and the web form both import through here.
 */
export async function importAreaDocument(
  db: Kysely<Database>,
  actor: Actor,
  input: ImportDocumentInput,
  options: ImportDocumentOptions = {},
): Promise<AreaImportResult> {
  if (input.areaSlug !== undefined) assertUsableSlug(deriveAreaSlug(input.areaSlug));
  let areaSlug = '';
  const result = await importDocument(db, actor, input, {
    ...options,
    onProgress: (progress) => {
      // 'saving' comes before anything is written: refusing here stores nothing
      if (progress.step === 'saving') {
        assertUsableSlug(progress.areaSlug);
        areaSlug = progress.areaSlug;
      }
      options.onProgress?.(progress);
    },
  });
  return { ...result, areaSlug };
}

function assertUsableSlug(slug: string): void {
  if (RESERVED_AREA_SLUGS.includes(slug)) {
    throw new AppError('INVALID_INPUT', `Area slug ${slug} is reserved`, {
      userMessage: `圏域の識別名「${slug}」はページの名前に使われているため使えません。別の識別名を指定してください。`,
    });
  }
}
