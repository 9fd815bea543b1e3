import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import { findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';

/**
 * The slug of the installation's default area (the first one created), through the existing lookup: the API's
 * single-area routes answer as that area's routes. NOT_FOUND before any import.
 */
export async function getDefaultAreaSlug(db: Kysely<Database>): Promise<string> {
  const area = await findDefaultArea(db);
  if (!area) {
    throw new AppError('NOT_FOUND', 'No vision has been imported yet', {
      userMessage: 'ビジョンがまだ取り込まれていません。`renkei import ファイル名` で文書を取り込んでください。',
    });
  }
  return area.slug;
}
