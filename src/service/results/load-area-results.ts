import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import {
  type AchievementThresholds,
  DEFAULT_ACHIEVEMENT_THRESHOLDS,
  DEFAULT_GRADE_THRESHOLDS,
  type GradeThresholds,
} from '../../domain/achievement.js';
import { AppError } from '../../domain/errors.js';
import { findLatestPopulation, type Population } from '../../domain/municipality-populations.js';
import type { Vision } from '../../domain/vision.js';
import type { Database } from '../../store/database.js';
import { findCurrentRevision, readVision } from '../../store/read-revision.js';
import {
  type AreaResultRows,
  type RevisionKeys,
  readAreaResultRows,
  readRevisionKeys,
} from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';

/** What a reader may see of the results: the public sees published fiscal years and approved parts only. */
export type ResultsAudience = 'public' | 'staff';

export type MunicipalityOfArea = {
  id: number;
  code: string | null;
  name: string;
  isCentralCity: boolean;
  population: Population | null;
};

/** Everything the yearly views are assembled from, read once (a handful of small queries). */
export type AreaResults = {
  area: { id: number; slug: string; name: string };
  /** the current revision the vision was read from */
  revisionId: number;
  vision: Vision;
  keys: RevisionKeys;
  municipalities: MunicipalityOfArea[];
  rows: AreaResultRows;
  audience: ResultsAudience;
  thresholds: AchievementThresholds;
  grades: GradeThresholds;
  /** the rows by their keys: the views look each project up once, not by scanning (a 10× vision has 3,000 parts) */
  index: ResultIndex;
};

type Rows = AreaResultRows;
export type ResultIndex = {
  keyOf(projectNumber: number): RevisionKeys[number] | undefined;
  partsOf(projectKeyId: number, fiscalYear: number): Rows['municipalityParts'];
  projectResultOf(projectKeyId: number, fiscalYear: number): Rows['projectResults'][number] | undefined;
  kpiResultOf(kpiKeyId: number, fiscalYear: number): Rows['kpiResults'][number] | undefined;
  ruleOf(projectKeyId: number): Rows['costShareRules'][number] | undefined;
};

function indexRows(keys: RevisionKeys, rows: Rows): ResultIndex {
  const group = <T>(items: readonly T[], keyOf: (item: T) => string) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(keyOf(item), [...(map.get(keyOf(item)) ?? []), item]);
    return map;
  };
  const parts = group(rows.municipalityParts, (p) => `${p.project_key_id}/${p.fiscal_year}`);
  const projectResults = new Map(rows.projectResults.map((r) => [`${r.project_key_id}/${r.fiscal_year}`, r]));
  const kpiResults = new Map(rows.kpiResults.map((r) => [`${r.kpi_key_id}/${r.fiscal_year}`, r]));
  const rules = new Map(rows.costShareRules.map((r) => [r.project_key_id, r]));
  const keyByNumber = new Map(keys.map((k) => [k.number, k]));
  return {
    keyOf: (projectNumber) => keyByNumber.get(projectNumber),
    partsOf: (projectKeyId, fiscalYear) => parts.get(`${projectKeyId}/${fiscalYear}`) ?? [],
    projectResultOf: (projectKeyId, fiscalYear) => projectResults.get(`${projectKeyId}/${fiscalYear}`),
    kpiResultOf: (kpiKeyId, fiscalYear) => kpiResults.get(`${kpiKeyId}/${fiscalYear}`),
    ruleOf: (projectKeyId) => rules.get(projectKeyId),
  };
}

/** The audience an actor reads as in an area: staff when they may read its unpublished data. */
export function audienceOf(actor: Actor | undefined, areaId: number): ResultsAudience {
  return actor && isAllowed(actor, 'drafts.read', { areaId }) ? 'staff' : 'public';
}

/**
 * Loads an area's current revision with every result row, filtered to what `audience` may see: for the public,
 * only fiscal years whose results were published, and of the municipalities' parts only the approved ones.
 */
export async function loadAreaResults(
  db: Kysely<Database>,
  input: { areaSlug: string; audience: ResultsAudience } | { areaSlug: string; actor: Actor | undefined },
): Promise<AreaResults> {
  const area = await getArea(db, input.areaSlug);
  const audience = 'audience' in input ? input.audience : audienceOf(input.actor, area.id);
  const revision = await findCurrentRevision(db, area);
  if (!revision) {
    throw new AppError('NOT_FOUND', `Area ${area.slug} has no revision`, {
      userMessage: 'この圏域にはビジョンがまだ取り込まれていません。',
    });
  }
  const [vision, keys, rows, municipalityRows] = await Promise.all([
    readVision(db, area, revision),
    readRevisionKeys(db, revision.id),
    readAreaResultRows(db, area.id),
    db
      .selectFrom('municipality')
      .select(['id', 'code', 'name', 'is_central_city'])
      .where('area_id', '=', area.id)
      .orderBy('position')
      .execute(),
  ]);
  const municipalities = municipalityRows.map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    isCentralCity: m.is_central_city,
    population: findLatestPopulation(m.code) ?? null,
  }));
  const visible = audience === 'public' ? publicRows(rows) : rows;
  return {
    area: { id: area.id, slug: area.slug, name: area.name },
    revisionId: revision.id,
    vision,
    keys,
    municipalities,
    rows: visible,
    index: indexRows(keys, visible),
    audience,
    thresholds: rows.areaSetting?.achievement_thresholds ?? DEFAULT_ACHIEVEMENT_THRESHOLDS,
    grades: rows.areaSetting?.grade_thresholds ?? DEFAULT_GRADE_THRESHOLDS,
  };
}

function publicRows(rows: AreaResultRows): AreaResultRows {
  const published = new Set(rows.publishedYears.map((y) => y.fiscal_year));
  return {
    ...rows,
    municipalityParts: rows.municipalityParts.filter((p) => published.has(p.fiscal_year) && p.state === 'approved'),
    projectResults: rows.projectResults.filter((r) => published.has(r.fiscal_year)),
    kpiResults: rows.kpiResults.filter((r) => published.has(r.fiscal_year)),
  };
}
