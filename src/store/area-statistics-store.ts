import { type Kysely, sql } from 'kysely';
import type { AreaKind, TargetKind } from '../domain/vision.js';
import type { Database } from './database.js';

/**
 * Per-area figures of every area's current revision, computed in SQL so that a page comparing 130 areas reads a
 * few hundred rows, not 130 visions. `withLatestRevisions` is the one definition of "current" for these reads.
 */

export function withLatestRevisions(db: Kysely<Database>) {
  return db.with('latest', (qb) =>
    qb
      .selectFrom('area')
      .select(['area.current_revision_id as revision_id', 'area.id as area_id'])
      .where('area.current_revision_id', 'is not', null)
      .$narrowType<{ revision_id: number }>(),
  );
}

/**
 * `latest` plus `project_cost`: every current project with its area, participants and cost (the printed total,
 * else the sum of its years; blank and dash count 0). The total is one indexed row per project
 * (budget_cell_total_unique); the years are summed only where no total was printed.
 */
export function withCurrentProjectCosts(db: Kysely<Database>) {
  return withLatestRevisions(db).with('project_cost', (qb) =>
    qb
      .selectFrom('latest')
      .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
      .leftJoin('budget_cell as total', (join) =>
        join.onRef('total.project_version_id', '=', 'pv.id').on('total.fiscal_year', 'is', null),
      )
      .select([
        'latest.area_id',
        'latest.revision_id',
        'pv.id as project_version_id',
        'pv.participants',
        sql<number>`coalesce(total.amount, (select sum(y.amount) from budget_cell as y
          where y.project_version_id = pv.id and y.fiscal_year is not null), 0)`.as('cost'),
      ]),
  );
}

export type AreaOverviewRow = {
  areaId: number;
  slug: string;
  name: string;
  kind: AreaKind;
  revisionSeq: number;
  revisionLabel: string | null;
  revisionCreatedAt: string;
  fiscalYears: number[];
  municipalityCount: number;
  projectCount: number;
  /** sum of each project's cost: the printed total, else the sum of its years (blank and dash count 0) */
  totalCost: number;
};

/** Every area that has a revision, in creation order, with its newest revision's counts and total cost. */
export async function readAreaOverviews(db: Kysely<Database>): Promise<AreaOverviewRow[]> {
  const rows = await withCurrentProjectCosts(db)
    .with('project_totals', (qb) =>
      qb
        .selectFrom('project_cost')
        .select([
          'project_cost.area_id',
          (eb) => eb.fn.countAll<number>().as('projects'),
          sql<number>`sum(project_cost.cost)`.as('cost'),
        ])
        .groupBy('project_cost.area_id'),
    )
    .with('municipality_counts', (qb) =>
      qb
        .selectFrom('latest')
        .innerJoin('revision_municipality as rm', 'rm.revision_id', 'latest.revision_id')
        .select(['latest.area_id', (eb) => eb.fn.countAll<number>().as('municipalities')])
        .groupBy('latest.area_id'),
    )
    .selectFrom('latest')
    .innerJoin('area', 'area.id', 'latest.area_id')
    .innerJoin('vision_revision as r', 'r.id', 'latest.revision_id')
    .leftJoin('project_totals', 'project_totals.area_id', 'latest.area_id')
    .leftJoin('municipality_counts', 'municipality_counts.area_id', 'latest.area_id')
    .select([
      'area.id as areaId',
      'area.slug',
      'area.name',
      'area.kind',
      'r.seq as revisionSeq',
      'r.label as revisionLabel',
      'r.created_at as revisionCreatedAt',
      sql<number[]>`r.plan -> 'fiscalYears'`.as('fiscalYears'),
      'municipality_counts.municipalities',
      'project_totals.projects',
      'project_totals.cost',
    ])
    .orderBy('area.id')
    .execute();
  return rows.map((row) => ({
    areaId: row.areaId,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    revisionSeq: row.revisionSeq,
    revisionLabel: row.revisionLabel,
    revisionCreatedAt: String(row.revisionCreatedAt),
    fiscalYears: [...(typeof row.fiscalYears === 'string' ? JSON.parse(row.fiscalYears) : row.fiscalYears)],
    municipalityCount: Number(row.municipalities ?? 0),
    projectCount: Number(row.projects ?? 0),
    totalCost: Number(row.cost ?? 0),
  }));
}

export type AreaYearCostRow = { areaId: number; fiscalYear: number; amount: number };

/** Projected cost per area and fiscal year (blank and dash cells count 0; years with no cell are absent). */
export async function readAreaCostsByFiscalYear(db: Kysely<Database>): Promise<AreaYearCostRow[]> {
  const rows = await withLatestRevisions(db)
    .selectFrom('latest')
    .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
    .innerJoin('budget_cell as bc', 'bc.project_version_id', 'pv.id')
    .where('bc.fiscal_year', 'is not', null)
    .select([
      'latest.area_id as areaId',
      'bc.fiscal_year as fiscalYear',
      sql<number>`coalesce(sum(bc.amount), 0)`.as('amount'),
    ])
    .groupBy(['latest.area_id', 'bc.fiscal_year'])
    .orderBy('latest.area_id')
    .orderBy('bc.fiscal_year')
    .execute();
  return rows.map((r) => ({ areaId: r.areaId, fiscalYear: r.fiscalYear as number, amount: Number(r.amount) }));
}

export type AreaTargetKindRow = { areaId: number; kind: TargetKind; count: number };

/** How many KPIs of each target kind each area's current revision has. */
export async function readAreaTargetKinds(db: Kysely<Database>): Promise<AreaTargetKindRow[]> {
  const rows = await withLatestRevisions(db)
    .selectFrom('latest')
    .innerJoin('project_version as pv', 'pv.revision_id', 'latest.revision_id')
    .innerJoin('kpi', 'kpi.project_version_id', 'pv.id')
    .select(['latest.area_id as areaId', 'kpi.target_kind as kind', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['latest.area_id', 'kpi.target_kind'])
    .orderBy('latest.area_id')
    .execute();
  return rows.map((r) => ({ areaId: r.areaId, kind: r.kind, count: Number(r.count) }));
}

export type AreaMunicipalityRow = { areaId: number; code: string | null; name: string };

/** The municipalities of each area's current revision (for populations, which the domain knows by code). */
export async function readAreaMunicipalities(db: Kysely<Database>): Promise<AreaMunicipalityRow[]> {
  return withLatestRevisions(db)
    .selectFrom('latest')
    .innerJoin('revision_municipality as rm', 'rm.revision_id', 'latest.revision_id')
    .innerJoin('municipality as m', 'm.id', 'rm.municipality_id')
    .select(['latest.area_id as areaId', 'm.code', 'm.name'])
    .orderBy('latest.area_id')
    .orderBy('rm.position')
    .execute();
}
