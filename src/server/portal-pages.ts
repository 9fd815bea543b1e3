import type { Context } from 'hono';
import { findDataStamp, type PortalSnapshot, readPortalSnapshot } from '../service/read-portal.js';
import type { AppDeps } from './app-deps.js';
import { createDataStampReader } from './data-stamp-reader.js';
import { PageCache } from './page-cache.js';

/** Areas whose snapshot is kept: a national installation has about 130; the oldest read is dropped past this. */
const SNAPSHOT_LIMIT = 256;

/**
 * The shared state of the public pages: one data stamp, read at most once per TTL; each area's snapshot, read
 * once per stamp; rendered pages, kept until the stamp changes. `respond` answers a page from the cache (with its
 * ETag and a 304 for a matching If-None-Match) or renders it. `refresh` makes the next request read the stamp
 * again: a process that has just imported shows the new data at once, other processes within the TTL.
 */
export type PortalPages = {
  stamp(): Promise<string>;
  /** the snapshot of an area by slug; the default area's for undefined */
  snapshot(areaSlug: string | undefined): Promise<PortalSnapshot>;
  respond(c: Context, key: string, render: (stamp: string) => Promise<unknown> | unknown): Promise<Response>;
  refresh(): void;
};

export function createPortalPages(deps: AppDeps): PortalPages {
  const cache = new PageCache();
  const ttl = deps.dataStampTtlMs ?? 1000;
  let currentStamp = createDataStampReader(() => findDataStamp(deps.db), ttl);
  const snapshots = new Map<string, { stamp: string; snapshot: Promise<PortalSnapshot> }>();

  const snapshotFor = (areaSlug: string | undefined, stamp: string): Promise<PortalSnapshot> => {
    const key = areaSlug ?? '';
    const entry = snapshots.get(key);
    if (entry && entry.stamp === stamp) return entry.snapshot;
    const snapshot = readPortalSnapshot(deps.db, areaSlug);
    snapshots.delete(key);
    snapshots.set(key, { stamp, snapshot });
    snapshot.catch(() => {
      if (snapshots.get(key)?.snapshot === snapshot) snapshots.delete(key);
    });
    if (snapshots.size > SNAPSHOT_LIMIT) {
      const oldest = snapshots.keys().next().value;
      if (oldest !== undefined) snapshots.delete(oldest);
    }
    return snapshot;
  };

  return {
    stamp: () => currentStamp(),
    snapshot: async (areaSlug) => snapshotFor(areaSlug, await currentStamp()),
    respond: async (c, key, render) => {
      const stamp = await currentStamp();
      let entry = cache.find(key, stamp);
      if (!entry) {
        const page = (await render(stamp)) as { toString(): string | Promise<string> };
        entry = cache.store(key, stamp, String(await page.toString()));
      }
      c.header('ETag', entry.etag);
      c.header('Cache-Control', 'no-cache');
      if (c.req.header('If-None-Match') === entry.etag) return c.body(null, 304);
      c.header('Content-Type', 'text/html; charset=UTF-8');
      return c.body(entry.body);
    },
    refresh: () => {
      currentStamp = createDataStampReader(() => findDataStamp(deps.db), ttl);
    },
  };
}
