import type { Kysely } from 'kysely';
import type { AreaKind } from '../domain/vision.js';
import { readAreaOverviews } from '../store/area-statistics-store.js';
import type { Database } from '../store/database.js';

/** One area of the installation, as the list of areas shows it. */
export type AreaListing = {
  slug: string;
  name: string;
  kind: AreaKind;
  revision: { seq: number; label: string | null; createdAt: string };
  fiscalYears: number[];
  municipalityCount: number;
  projectCount: number;
  /** thousand yen over the plan's years */
  totalCost: number;
  /** the installation's default area: the one `/` shows */
  isDefault: boolean;
};

/** Every area that holds a vision, in the order they were registered (the first is the default). */
export async function listAreas(db: Kysely<Database>): Promise<AreaListing[]> {
  const rows = await readAreaOverviews(db);
  const defaultAreaId = rows.length > 0 ? Math.min(...rows.map((r) => r.areaId)) : undefined;
  return rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    revision: { seq: row.revisionSeq, label: row.revisionLabel, createdAt: row.revisionCreatedAt },
    fiscalYears: row.fiscalYears,
    municipalityCount: row.municipalityCount,
    projectCount: row.projectCount,
    totalCost: row.totalCost,
    isDefault: row.areaId === defaultAreaId,
  }));
}
