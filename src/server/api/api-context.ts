import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { Kysely } from 'kysely';
import { getAreaRevision, type RevisionData, readRevisionData } from '../../service/api-read-areas.js';
import type { AreaRevision } from '../../service/area-lookup.js';
import type { Database } from '../../store/database.js';
import type { AppContext } from '../app-deps.js';
import { type CachedBody, ResponseCache, sendCached } from '../response-cache.js';

/** A 200 JSON answer whose body has type T (what the route's response schema says), or its 304. */
export type JsonResponse<T> = Response & TypedResponse<JSONParsed<T>, 200, 'json'>;

/** What every API route uses: the database, cached answers, and revisions read once. */
export type ApiContext = {
  db: Kysely<Database>;
  /**
   * Answers the JSON that `build` makes, kept encoded under `key` until the data stamp changes: a cached
   * answer costs no query (the stamp is read at most once a second). ETag from the bytes, 304 on a match,
   * `Cache-Control: no-cache` (clients revalidate every time). Errors thrown by `build` are not kept.
   */
  respond<T>(c: Context, key: string, build: () => Promise<T>): Promise<JsonResponse<T>>;
  /** The area's revision (`latest` or a seq) with its projects, KPIs and stable ids. */
  revisionData(slug: string, seq: number | 'latest'): Promise<RevisionData>;
};

const JSON_TYPE = 'application/json; charset=utf-8';
/** revisions are immutable: their data can be kept whatever the stamp; this bounds how many */
const REVISIONS_KEPT = 16;

export function createApiContext(deps: AppContext): ApiContext {
  const cache = new ResponseCache();
  const currentStamp = deps.freshness.stamp;
  const building = new Map<string, Promise<CachedBody>>();
  const revisions = new Map<string, Promise<RevisionData>>();

  const build = (key: string, stamp: string, make: () => Promise<unknown>): Promise<CachedBody> => {
    const flight = `${stamp}\n${key}`;
    let pending = building.get(flight);
    if (!pending) {
      // one build per key and stamp, however many requests arrive while it runs
      pending = make()
        .then((value) => cache.store(key, stamp, JSON.stringify(value)))
        .finally(() => building.delete(flight));
      building.set(flight, pending);
    }
    return pending;
  };

  const readRevision = (ref: AreaRevision): Promise<RevisionData> => {
    // the area's name and kind are part of the Vision JSON and change with a later import
    const key = `${ref.revision.id}\n${ref.area.name}\n${ref.area.kind}`;
    let data = revisions.get(key);
    if (!data) {
      data = readRevisionData(deps.db, ref);
      data.catch(() => revisions.delete(key));
      revisions.set(key, data);
      if (revisions.size > REVISIONS_KEPT) revisions.delete(revisions.keys().next().value as string);
    }
    return data;
  };

  return {
    db: deps.db,
    async respond<T>(c: Context, key: string, make: () => Promise<T>) {
      const stamp = await currentStamp();
      const entry = cache.find(key, stamp) ?? (await build(key, stamp, make));
      return sendCached(c, entry, JSON_TYPE, { gzip: true }) as JsonResponse<T>;
    },
    async revisionData(slug, seq) {
      return readRevision(await getAreaRevision(deps.db, slug, seq));
    },
  };
}
