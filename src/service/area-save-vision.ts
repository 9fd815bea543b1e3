import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access-policy.js';
import { hasErrors, type Vision } from '../domain/vision.js';
import type { Database } from '../store/database.js';
import { deriveAreaSlug } from './derive-area-slug.js';
import { ImportRejectedError } from './import-rejected-error.js';
import { runWrite } from './run-write.js';
import { type StoredRevision, storeRevision } from './store-revision.js';

export type SaveAreaVisionInput = {
  areaSlug: string;
  /** a Vision built by a program (a generator, another system's export), not read from a document */
  vision: Vision;
  /** what the source record is called, e.g. `synthetic-042.json` */
  sourceName: string;
  /** the source as text, kept like an imported document's text; the Vision JSON when not given */
  sourceText?: string;
};

export type SavedAreaVision = StoredRevision;

/**
 * Stores a ready Vision as a new revision of an area, through the same write as importDocument (store-revision.ts). For data that does not come from a document:
 * the synthetic national dataset, other systems' exports. Refuses a Vision that carries error findings.
 */
export async function saveAreaVision(
  db: Kysely<Database>,
  actor: Actor,
  input: SaveAreaVisionInput,
): Promise<SavedAreaVision> {
  const { vision } = input;
  if (hasErrors(vision.findings)) throw new ImportRejectedError(input.sourceName, vision.findings);
  const areaSlug = deriveAreaSlug(input.areaSlug);
  const content = input.sourceText ?? JSON.stringify(vision);
  const bytes = Buffer.from(content, 'utf8');
  const { result } = await runWrite(db, actor, (w) =>
    storeRevision(w, {
      slug: areaSlug,
      vision,
      source: { fileName: input.sourceName, bytes, text: content },
      origin: 'program',
    }),
  );
  return result;
}
