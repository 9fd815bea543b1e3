import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.js';
import type { Project, Vision } from '../domain/vision.js';
import type { Database } from '../store/database.js';
import { hasAnyRevision, readProjects, readVision } from '../store/read-revision.js';
import { getPublishedRevision } from './area-lookup.js';

/** The Vision JSON of the area's latest revision (the installation's default area when no slug is given). */
export async function getCurrentVision(db: Kysely<Database>, areaSlug?: string): Promise<Vision> {
  const { area, revision } = await getPublishedRevision(db, areaSlug);
  return readVision(db, area, revision);
}

/** The projects of the current revision, in document order, in Vision JSON shape. */
export async function listProjects(db: Kysely<Database>, areaSlug?: string): Promise<Project[]> {
  const { revision } = await getPublishedRevision(db, areaSlug);
  return readProjects(db, revision.id);
}

/** One project of the current revision by its number; NOT_FOUND when the revision has none. */
export async function getProject(db: Kysely<Database>, number: number, areaSlug?: string): Promise<Project> {
  const { revision } = await getPublishedRevision(db, areaSlug);
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
