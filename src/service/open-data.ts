import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
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
import { type AreaRow, findAreaBySlug, findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import { findRevisionBySeq, listAreaRevisions, type RevisionListRow } from '../store/open-data-store.js';
import { findLatestRevision, type RevisionRow, readVision } from '../store/read-revision.js';
import { deriveAreaSlug } from './derive-area-slug.js';

/** Which revision: its number, or the newest. */
export type RevisionSelector = number | 'latest';

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
};

/** The files of one revision. They never change: a revision is immutable once stored. */
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
  const { area, revision } = await findStoredRevision(db, areaSlug, selector);
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
  const sets = new Map<number, Promise<OpenDataSet>>();

  const build = async (area: AreaRow, revision: RevisionRow): Promise<OpenDataSet> => {
    const ref = toRef(area, revision);
    const vision = await readVision(db, area, revision);
    const files = await buildOpenDataFiles(vision, {
      areaSlug: ref.areaSlug,
      seq: ref.seq,
      label: ref.label,
      publishedAt: ref.publishedAt,
    });
    return { ref, vision, files, catalogs: new Map() };
  };

  return {
    async read(areaSlug: string | undefined, selector: RevisionSelector): Promise<OpenDataSet> {
      const { area, revision } = await findStoredRevision(db, areaSlug, selector);
      let set = sets.get(revision.id);
      if (set) {
        sets.delete(revision.id); // the most recently used goes last
      } else {
        set = build(area, revision);
        set.catch(() => sets.delete(revision.id));
      }
      sets.set(revision.id, set);
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

async function findStoredRevision(
  db: Kysely<Database>,
  areaSlug: string | undefined,
  selector: RevisionSelector,
): Promise<{ area: AreaRow; revision: RevisionRow }> {
  const area = await findArea(db, areaSlug);
  const revision =
    selector === 'latest' ? await findLatestRevision(db, area.id) : await findRevisionBySeq(db, area.id, selector);
  if (!revision) {
    throw new AppError('NOT_FOUND', `No revision ${selector} of area ${area.slug}`, {
      userMessage:
        selector === 'latest'
          ? `圏域「${area.name}」のビジョンはまだ取り込まれていません。`
          : `圏域「${area.name}」に第${selector}版はありません。`,
    });
  }
  return { area, revision };
}

async function findArea(db: Kysely<Database>, areaSlug: string | undefined): Promise<AreaRow> {
  const area = areaSlug === undefined ? await findDefaultArea(db) : await findAreaBySlug(db, safeSlug(areaSlug));
  if (!area) {
    throw new AppError('NOT_FOUND', areaSlug === undefined ? 'No area yet' : `No area ${areaSlug}`, {
      userMessage:
        areaSlug === undefined ? 'ビジョンがまだ取り込まれていません。' : `圏域「${areaSlug}」は登録されていません。`,
    });
  }
  return area;
}

/** A slug as typed in a URL: normalised like stored slugs; text that can make none matches no area. */
function safeSlug(text: string): string {
  try {
    return deriveAreaSlug(text);
  } catch {
    return '';
  }
}

function toRef(area: AreaRow, revision: RevisionRow): OpenDataRevisionRef {
  return {
    areaId: area.id,
    areaSlug: area.slug,
    areaName: area.name,
    revisionId: revision.id,
    seq: revision.seq,
    label: revision.label,
    publishedAt: revision.created_at,
  };
}
