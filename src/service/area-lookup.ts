import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import { type AreaRow, findAreaBySlug, findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findCurrentRevision, findPublishedRevision, type RevisionRow } from '../store/read-revision.js';

/** An area with one of its revisions. */
export type AreaRevision = { area: AreaRow; revision: RevisionRow };

/** Which published revision: the area's current one, or one by its number. */
export type RevisionSelector = number | 'latest';

/**
 * The area of a slug as typed in a URL or on the command line (see findAreaBySlug), or the installation's default
 * area when no slug is given. NOT_FOUND otherwise: the one lookup pages, API, downloads and CLI share.
 */
export async function getArea(db: Kysely<Database>, slug: string | undefined): Promise<AreaRow> {
  const area = slug === undefined ? await findDefaultArea(db) : await findAreaBySlug(db, slug);
  if (!area) {
    throw new AppError('NOT_FOUND', slug === undefined ? 'No area yet' : `No area ${slug}`, {
      userMessage:
        slug === undefined ? 'ビジョンがまだ取り込まれていません。' : `圏域「${slug}」は登録されていません。`,
    });
  }
  return area;
}

/** A published revision of the area: its current one ('latest') or the one with this number; NOT_FOUND else. */
export async function getPublishedRevision(
  db: Kysely<Database>,
  slug: string | undefined,
  selector: RevisionSelector = 'latest',
): Promise<AreaRevision> {
  const area = await getArea(db, slug);
  const revision =
    selector === 'latest' ? await findCurrentRevision(db, area) : await findPublishedRevision(db, area.id, selector);
  if (!revision) {
    throw new AppError('NOT_FOUND', `No revision ${selector} of area ${area.slug}`, {
      userMessage:
        selector === 'latest'
          ? `圏域「${area.name}」のビジョンはまだ公開されていません。`
          : `圏域「${area.name}」に第 ${selector} 版はありません。`,
    });
  }
  return { area, revision };
}
