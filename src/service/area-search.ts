import type { Kysely } from 'kysely';
import { toSearchKey } from '../domain/search-key.js';
import { type ProjectSearchResult, searchProjectsAcrossAreas } from '../store/cross-area-store.js';
import type { Database } from '../store/database.js';

/** Projects found across areas: `total` matches, the first `hits` of them. */
export type AreaSearchResult = ProjectSearchResult;

/**
 * The current projects of every area matching every word of `text` (split by spaces; compared by search key, so
 * full- and half-width forms and ヶ/ケ find each other), at most `limit` of them, with the total count.
 */
export function searchAllAreas(db: Kysely<Database>, text: string, limit: number): Promise<AreaSearchResult> {
  const keys = text
    .normalize('NFKC')
    .split(/\s+/)
    .map(toSearchKey)
    .filter((k) => k !== '');
  return searchProjectsAcrossAreas(db, keys, limit);
}
