import type { Kysely } from 'kysely';
import type { Vision } from '../domain/vision.js';
import {
  buildCatalogFile,
  buildOpenDataFiles,
  downloadFileName,
  type OpenDataFile,
  type OpenDataUrls,
} from '../report/build-open-data-files.js';
import { describeOpenDataTables } from '../report/build-open-data-tables.js';
import { type DictionaryEntry, listDictionaryEntries } from '../report/data-dictionary.js';
import { openDataLicense, updateFrequency } from '../report/open-data-license.js';
import type { AreaRow } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { listAreaRevisions, type RevisionListRow } from '../store/open-data-store.js';
import { type RevisionRow, readVision } from '../store/read-revision.js';
import { getPublishedRevision, type RevisionSelector } from './area-lookup.js';
import { type OpenDataResults, readOpenDataResults } from './results/open-data-results.js';

/** A stored revision as the downloads name it. */
export type OpenDataRevisionRef = {
  areaId: number;
  areaSlug: string;
  areaName: string;
  revisionId: number;
  seq: number;
  label: string | null;
  /** ISO date-time the revision was stored */
  publishedAt: string;
  /** the area's current revision: its set carries the published results, which change after a publication */
  isCurrent: boolean;
};

/**
 * The files of one revision: the revision's own never change (it is immutable once stored); the result tables of
 * the current revision change when published results do.
 */
export type OpenDataSet = {
  ref: OpenDataRevisionRef;
  vision: Vision;
  files: OpenDataFile[];
  /** catalog.jsonld per files URL (it names absolute URLs) */
  catalogs: Map<string, OpenDataFile>;
};

/** The revision a download asks for; NOT_FOUND when the area or the revision does not exist. */
export async function getOpenDataRevision(
  db: Kysely<Database>,
  areaSlug: string | undefined,
  selector: RevisionSelector,
): Promise<OpenDataRevisionRef> {
  const { area, revision } = await getPublishedRevision(db, areaSlug, selector);
  return toRef(area, revision);
}

/** The area's revisions, newest first, for the list of earlier versions. */
export function listOpenDataRevisions(db: Kysely<Database>, areaId: number): Promise<RevisionListRow[]> {
  return listAreaRevisions(db, areaId);
}

/**
 * Reads the files of revisions, building each revision's set once and keeping the most recent `limit` sets
 * in memory (a set of a 55-project vision is about 0.5 MB).
 */
export function createOpenDataReader(db: Kysely<Database>, limit = 16) {
  const sets = new Map<string, Promise<OpenDataSet>>();

  const build = async (area: AreaRow, revision: RevisionRow, results: OpenDataResults): Promise<OpenDataSet> => {
    const ref = toRef(area, revision);
    const vision = await readVision(db, area, revision);
    const info = { areaSlug: ref.areaSlug, seq: ref.seq, label: ref.label, publishedAt: ref.publishedAt };
    const files = await buildOpenDataFiles(vision, info, results.records);
    return { ref, vision, files, catalogs: new Map() };
  };

  // which revision a URL names, per data stamp: a download of a kept set then costs no query at all, so a burst of
  // downloads does not queue the other requests behind it on PGlite's one connection
  let resolvedFor = '';
  type Resolved = { area: AreaRow; revision: RevisionRow; results: OpenDataResults };
  const resolved = new Map<string, Promise<Resolved>>();
  const lookUp = async (areaSlug: string | undefined, selector: RevisionSelector): Promise<Resolved> => {
    const { area, revision } = await getPublishedRevision(db, areaSlug, selector);
    return { area, revision, results: await readOpenDataResults(db, area, revision) };
  };
  const resolve = (areaSlug: string | undefined, selector: RevisionSelector, stamp: string | undefined) => {
    if (stamp === undefined) return lookUp(areaSlug, selector);
    if (stamp !== resolvedFor) {
      resolved.clear();
      resolvedFor = stamp;
    }
    const key = `${areaSlug ?? ''}\n${selector}`;
    let found = resolved.get(key);
    if (!found) {
      found = lookUp(areaSlug, selector);
      found.catch(() => resolved.delete(key));
      if (resolved.size >= 1000) resolved.clear(); // arbitrary slugs cannot fill memory
      resolved.set(key, found);
    }
    return found;
  };

  return {
    /** The set a URL names; `stamp` (the data version) lets the answer be kept until the data changes. */
    async read(areaSlug: string | undefined, selector: RevisionSelector, stamp?: string): Promise<OpenDataSet> {
      const { area, revision, results } = await resolve(areaSlug, selector, stamp);
      // whether the revision is current is part of the set (its ref): a rollback or a new import changes it
      const key = `${revision.id}/${area.current_revision_id}/${results.key}`;
      let set = sets.get(key);
      if (set) {
        sets.delete(key); // the most recently used goes last
      } else {
        set = build(area, revision, results);
        set.catch(() => sets.delete(key));
      }
      sets.set(key, set);
      if (sets.size > limit) {
        const oldest = sets.keys().next().value;
        if (oldest !== undefined) sets.delete(oldest);
      }
      return set;
    },
  };
}

export type OpenDataReader = ReturnType<typeof createOpenDataReader>;

/** Every file of the set, catalog.jsonld last, with links under `urls`. */
export function listOpenDataFiles(set: OpenDataSet, urls: OpenDataUrls): OpenDataFile[] {
  let catalog = set.catalogs.get(urls.filesBase);
  if (!catalog) {
    catalog = buildCatalogFile(set.vision, set.ref, set.files, urls);
    if (set.catalogs.size >= 8) set.catalogs.clear(); // a few origins at most (proxies, localhost)
    set.catalogs.set(urls.filesBase, catalog);
  }
  return [...set.files, catalog];
}

/** The name a file of the set is saved under (ASCII: area code, revision, file). */
export function downloadNameOf(set: OpenDataSet, file: OpenDataFile): string {
  return downloadFileName(set.vision, set.ref, file.name);
}

/** The data dictionary: the same for every revision and area (columns never depend on the data). */
export function listOpenDataDictionary(): DictionaryEntry[] {
  return listDictionaryEntries(describeOpenDataTables());
}

/** The terms and the update frequency every download set is published with. */
export const openDataTerms = { license: openDataLicense, updateFrequency: updateFrequency.label } as const;

function toRef(area: AreaRow, revision: RevisionRow): OpenDataRevisionRef {
  return {
    areaId: area.id,
    areaSlug: area.slug,
    areaName: area.name,
    revisionId: revision.id,
    seq: revision.seq,
    label: revision.label,
    publishedAt: revision.created_at,
    isCurrent: area.current_revision_id === revision.id,
  };
}
