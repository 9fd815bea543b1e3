import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Project, Vision } from '../domain/vision.js';
import { type AreaRow, findAreaBySlug, findDefaultArea } from '../store/area-store.js';
import type { Database } from '../store/database.js';
import {
  findLatestRevision,
  hasAnyRevision,
  type RevisionRow,
  readProjects,
  readVision,
} from '../store/read-revision.js';
import { deriveAreaSlug } from './derive-area-slug.js';

/** The Vision JSON of the area's latest revision (the installation's default area when no slug is given). */
export async function getCurrentVision(db: Kysely<Database>, areaSlug?: string): Promise<Vision> {
  const { area, revision } = await getCurrentRevision(db, areaSlug);
  return readVision(db, area, revision);
}

/** The projects of the current revision, in document order, in Vision JSON shape. */
export async function listProjects(db: Kysely<Database>, areaSlug?: string): Promise<Project[]> {
  const { revision } = await getCurrentRevision(db, areaSlug);
  return readProjects(db, revision.id);
}

/** One project of the current revision by its number; NOT_FOUND when the revision has none. */
export async function getProject(db: Kysely<Database>, number: number, areaSlug?: string): Promise<Project> {
  const { revision } = await getCurrentRevision(db, areaSlug);
  const [project] = await readProjects(db, revision.id, { number });
  if (!project) {
    throw new AppError('NOT_FOUND', `No project ${number} in revision ${revision.seq}`, {
      userMessage: `事業番号 ${number} の事業はありません。`,
    });
  }
  return project;
}

/** True once any vision revision is stored (main.ts imports the sample document otherwise). */
export function hasImportedVision(db: Kysely<Database>): Promise<boolean> {
  return hasAnyRevision(db);
}

async function getCurrentRevision(
  db: Kysely<Database>,
  areaSlug: string | undefined,
): Promise<{ area: AreaRow; revision: RevisionRow }> {
  const area = areaSlug === undefined ? await findDefaultArea(db) : await findAreaBySlug(db, deriveAreaSlug(areaSlug));
  if (!area && areaSlug !== undefined) {
    throw new AppError('NOT_FOUND', `No area ${areaSlug}`, {
      userMessage: `圏域「${areaSlug}」は登録されていません。`,
    });
  }
  const revision = area && (await findLatestRevision(db, area.id));
  if (!area || !revision) {
    throw new AppError('NOT_FOUND', 'No vision has been imported yet', {
      userMessage: 'ビジョンがまだ取り込まれていません。`renkei import ファイル名` で文書を取り込んでください。',
    });
  }
  return { area, revision };
}
