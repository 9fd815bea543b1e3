import type { Context } from 'hono';
import { type PortalSnapshot, readPortalSnapshot } from '../service/read-portal.js';
import { type PublishedResults, readPublishedResults } from '../service/results/read-published-results.js';
import { loadChartRuntime } from '../web/charts/chart-runtime.js';
import type { AppContext } from './app-deps.js';
import { ResponseCache, sendCached } from './response-cache.js';

/** Areas whose snapshot is kept: a national installation has about 130; the oldest read is dropped past this. */
const SNAPSHOT_LIMIT = 256;

/**
 * The shared state of the public pages: each area's snapshot, read once per data stamp (the app's one
 * DataFreshness); rendered pages, kept until the stamp changes. `respond` answers a page from the cache (with its
 * ETag and a 304 for a matching If-None-Match) or renders it.
 */
export type PortalPages = {
  /** the snapshot of an area by slug; the default area's for undefined */
  snapshot(areaSlug: string | undefined): Promise<PortalSnapshot>;
  respond(c: Context, key: string, render: (stamp: string) => Promise<unknown> | unknown): Promise<Response>;
  /** the area's published results (the public's view), read once per data stamp */
  published(snapshot: PortalSnapshot): Promise<PublishedResults>;
};

const HTML_TYPE = 'text/html; charset=UTF-8';

export function createPortalPages(deps: AppContext): PortalPages {
  const cache = new ResponseCache({ maxEntries: 2000 });
  const currentStamp = deps.freshness.stamp;
  const snapshots = new Map<string, { stamp: string; snapshot: Promise<PortalSnapshot> }>();

  const snapshotFor = (areaSlug: string | undefined, stamp: string): Promise<PortalSnapshot> => {
    const key = areaSlug ?? '';
    const entry = snapshots.get(key);
    if (entry && entry.stamp === stamp) return entry.snapshot;
    const previous = entry?.snapshot.catch(() => undefined);
    const snapshot = (previous ?? Promise.resolve(undefined)).then((p) => readPortalSnapshot(deps.db, areaSlug, p));
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

  const published = new Map<string, { stamp: string; results: Promise<PublishedResults> }>();
  const publishedFor = (snapshot: PortalSnapshot): Promise<PublishedResults> => {
    const entry = published.get(snapshot.area.slug);
    if (entry && entry.stamp === snapshot.stamp) return entry.results;
    const results = readPublishedResults(deps.db, snapshot.area.slug);
    published.delete(snapshot.area.slug);
    published.set(snapshot.area.slug, { stamp: snapshot.stamp, results });
    results.catch(() => {
      if (published.get(snapshot.area.slug)?.results === results) published.delete(snapshot.area.slug);
    });
    if (published.size > SNAPSHOT_LIMIT) {
      const oldest = published.keys().next().value;
      if (oldest !== undefined) published.delete(oldest);
    }
    return results;
  };

  return {
    snapshot: async (areaSlug) => snapshotFor(areaSlug, await currentStamp()),
    published: publishedFor,
    respond: async (c, key, render) => {
      const stamp = await currentStamp();
      let entry = cache.find(key, stamp);
      if (!entry) {
        await loadChartRuntime(); // charts render synchronously, inside the page
        const page = (await render(stamp)) as { toString(): string | Promise<string> };
        entry = cache.store(key, stamp, String(await page.toString()));
      }
      return sendCached(c, entry, HTML_TYPE);
    },
  };
}
