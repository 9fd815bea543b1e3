import { type Kysely, sql } from 'kysely';
import type { AreaKind } from '../domain/vision.js';
import { withCurrentProjectCosts, withLatestRevisions } from './area-statistics-store.js';
import type { Database } from './database.js';

/**
 * Reads across every area's current revision, for a national view: spending by fiscal year and policy area,
 * projects and cost per municipality, and text search. These are the heaviest reads of a national portal
 * (bench/national-reads.ts measures them).
 */

export type SpendingRow = {
  kind: AreaKind;
  role: number;
  policyArea: number;
  fiscalYear: number;
  /** thousand yen; blank and dash cells count 0 */
  amount: number;
  projects: number;
  areas: number;
};

/** Projected spending per area kind, role, policy area and fiscal year, over every area's current revision. */
export async function sumSpendingByFiscalYearAndPolicyArea(db: Kysely<Database>): Promise<SpendingRow[]> {
  // Per area first, then across areas: two hash aggregations instead of sorting every cell for count(distinct).
  // Within an area a project has one cell per year, so count(*) there counts projects.
  const rows = await withLatestRevisions(db)
    .with('per_area', (qb) =>
      qb
        .selectFrom('latest')
        .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
        .innerJoin('budget_cell as bc', 'bc.project_version_id', 'pv.id')
        .where('bc.fiscal_year', 'is not', null)
        .select([
          'latest.area_id',
          'pv.role',
          'pv.policy_area',
          'bc.fiscal_year',
          sql<number>`coalesce(sum(bc.amount), 0)`.as('amount'),
          (eb) => eb.fn.countAll<number>().as('projects'),
        ])
        .groupBy(['latest.area_id', 'pv.role', 'pv.policy_area', 'bc.fiscal_year']),
    )
    .selectFrom('per_area')
    .innerJoin('area', 'area.id', 'per_area.area_id')
    .select([
      'area.kind',
      'per_area.role',
      'per_area.policy_area as policyArea',
      'per_area.fiscal_year as fiscalYear',
      sql<number>`sum(per_area.amount)`.as('amount'),
      sql<number>`sum(per_area.projects)`.as('projects'),
      (eb) => eb.fn.countAll<number>().as('areas'),
    ])
    .groupBy(['area.kind', 'per_area.role', 'per_area.policy_area', 'per_area.fiscal_year'])
    .orderBy('area.kind')
    .orderBy('per_area.role')
    .orderBy('per_area.policy_area')
    .orderBy('per_area.fiscal_year')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    role: r.role,
    policyArea: r.policyArea,
    fiscalYear: r.fiscalYear as number,
    amount: Number(r.amount),
    projects: Number(r.projects),
    areas: Number(r.areas),
  }));
}

export type MunicipalityStatusRow = {
  areaSlug: string;
  code: string | null;
  name: string;
  isCentralCity: boolean;
  /** projects it takes part in (the central city takes part in all of its area's) */
  projects: number;
  /** sum of those projects' cost (the area's cost, not the municipality's share) */
  cost: number;
};

/** For every municipality of every area's current revision: how many projects it takes part in, and their cost. */
export async function summarizeMunicipalities(db: Kysely<Database>): Promise<MunicipalityStatusRow[]> {
  // Partners: each project's participant names, joined by (revision, name) to the revision's municipalities (a
  // hash join, not a containment test per pair). Central cities: every project of their revision.
  const rows = await withCurrentProjectCosts(db)
    .with('current_municipality', (qb) =>
      qb
        .selectFrom('latest')
        .innerJoin('revision_municipality as rm', 'rm.revision_id', 'latest.revision_id')
        .innerJoin('municipality as m', 'm.id', 'rm.municipality_id')
        .select([
          'latest.area_id',
          'latest.revision_id',
          'rm.position',
          'm.id',
          'm.code',
          'm.name',
          'm.is_central_city',
        ]),
    )
    .with('partner_status', (qb) =>
      qb
        .selectFrom('project_cost as pc')
        .innerJoin(sql<{ name: string }>`jsonb_array_elements_text(pc.participants)`.as('p'), (join) => join.onTrue())
        .innerJoin('current_municipality as cm', (join) =>
          join.onRef('cm.revision_id', '=', 'pc.revision_id').onRef('cm.name', '=', 'p.name'),
        )
        .where('cm.is_central_city', '=', false)
        .select(['cm.id', (eb) => eb.fn.countAll<number>().as('projects'), sql<number>`sum(pc.cost)`.as('cost')])
        .groupBy('cm.id'),
    )
    .with('revision_status', (qb) =>
      qb
        .selectFrom('project_cost as pc')
        .select([
          'pc.revision_id',
          (eb) => eb.fn.countAll<number>().as('projects'),
          sql<number>`sum(pc.cost)`.as('cost'),
        ])
        .groupBy('pc.revision_id'),
    )
    .selectFrom('current_municipality as cm')
    .innerJoin('area', 'area.id', 'cm.area_id')
    .leftJoin('partner_status as ps', 'ps.id', 'cm.id')
    .leftJoin('revision_status as rs', 'rs.revision_id', 'cm.revision_id')
    .select([
      'area.slug as areaSlug',
      'cm.code',
      'cm.name',
      'cm.is_central_city as isCentralCity',
      sql<number>`case when cm.is_central_city then rs.projects else ps.projects end`.as('projects'),
      sql<number>`case when cm.is_central_city then rs.cost else ps.cost end`.as('cost'),
    ])
    .orderBy('cm.area_id')
    .orderBy('cm.position')
    .execute();
  return rows.map((r) => ({
    areaSlug: r.areaSlug,
    code: r.code,
    name: r.name,
    isCentralCity: r.isCentralCity,
    projects: Number(r.projects ?? 0),
    cost: Number(r.cost ?? 0),
  }));
}

export type ProjectSearchHit = {
  areaSlug: string;
  areaName: string;
  number: number;
  name: string;
  isNew: boolean;
};

export type ProjectSearchResult = { total: number; hits: ProjectSearchHit[] };

/**
 * The current projects of every area whose name, content, effect or KPI indicators hold every one of `keys`
 * (search keys: domain/search-key.ts), in area then document order; `limit` hits and the total count.
 */
export async function searchProjectsAcrossAreas(
  db: Kysely<Database>,
  keys: readonly string[],
  limit: number,
): Promise<ProjectSearchResult> {
  if (keys.length === 0) return { total: 0, hits: [] };
  const rows = await withLatestRevisions(db)
    .with('matched', (qb) =>
      qb
        .selectFrom('latest')
        .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
        .select(['latest.area_id', 'pv.number', 'pv.name', 'pv.is_new', 'pv.position'])
        .where((eb) =>
          eb.and(
            keys.map((key) => {
              const pattern = `%${escapeLike(key)}%`;
              // search_key: stored generated columns (migration 0002)
              return sql<boolean>`(pv.search_key like ${pattern} or exists (select from kpi as k
                where k.project_version_id = pv.id and k.search_key like ${pattern}))`;
            }),
          ),
        ),
    )
    .selectFrom('matched')
    .innerJoin('area', 'area.id', 'matched.area_id')
    .select([
      'area.slug as areaSlug',
      'area.name as areaName',
      'matched.number',
      'matched.name',
      'matched.is_new as isNew',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('area.id')
    .orderBy('matched.position')
    .limit(limit)
    .execute();
  return {
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map((r) => ({
      areaSlug: r.areaSlug,
      areaName: r.areaName,
      number: r.number,
      name: r.name,
      isNew: r.isNew,
    })),
  };
}

/** `%`, `_` and `\` match themselves in a LIKE pattern (PostgreSQL's default escape character is `\`). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
