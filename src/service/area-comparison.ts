import type { Kysely } from 'kysely';
import { findLatestPopulation, type Population } from '../domain/municipality-populations.js';
import type { TargetKind } from '../domain/vision.js';
import {
  readAreaCostsByFiscalYear,
  readAreaMunicipalities,
  readAreaOverviews,
  readAreaTargetKinds,
} from '../store/area-statistics-store.js';
import type { Database } from '../store/database.js';
import type { AreaListing } from './area-directory.js';

export const TARGET_KINDS: readonly TargetKind[] = [
  'absolute',
  'per_year_at_least',
  'percentage',
  'merged_into',
  'none',
];

/** The population of an area: known only when every municipality's is (a partial sum would mislead). */
export type AreaPopulation =
  | { known: true; value: number; asOf: string[]; bases: Population['basis'][] }
  | { known: false; unknownMunicipalities: string[] };

export type AreaComparison = Omit<AreaListing, 'isDefault'> & {
  /** thousand yen per fiscal year of `AreaComparisonResult.fiscalYears`; null where the plan has no such year */
  costByFiscalYear: (number | null)[];
  population: AreaPopulation;
  /** projected cost over the plan's years per resident, in yen; null when the population is not known */
  costPerCapitaYen: number | null;
  /** how many KPIs have each kind of target */
  targetKinds: Record<TargetKind, number>;
  kpiCount: number;
};

export type AreaComparisonResult = {
  /** every fiscal year any area's plan covers, in order */
  fiscalYears: number[];
  areas: AreaComparison[];
};

/** Side by side, every area's current revision: counts, cost per year and per resident, KPI target kinds. */
export async function compareAreas(db: Kysely<Database>): Promise<AreaComparisonResult> {
  const [overviews, costs, kinds, municipalities] = await Promise.all([
    readAreaOverviews(db),
    readAreaCostsByFiscalYear(db),
    readAreaTargetKinds(db),
    readAreaMunicipalities(db),
  ]);
  const fiscalYears = [...new Set(overviews.flatMap((o) => o.fiscalYears))].sort((a, b) => a - b);
  const areas = overviews.map((o): AreaComparison => {
    const cost = new Map(costs.filter((c) => c.areaId === o.areaId).map((c) => [c.fiscalYear, c.amount]));
    const targetKinds = Object.fromEntries(TARGET_KINDS.map((k) => [k, 0])) as Record<TargetKind, number>;
    for (const row of kinds) if (row.areaId === o.areaId) targetKinds[row.kind] = row.count;
    const population = sumPopulation(municipalities.filter((m) => m.areaId === o.areaId));
    return {
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      revision: { seq: o.revisionSeq, label: o.revisionLabel, createdAt: o.revisionCreatedAt },
      fiscalYears: o.fiscalYears,
      municipalityCount: o.municipalityCount,
      projectCount: o.projectCount,
      totalCost: o.totalCost,
      costByFiscalYear: fiscalYears.map((fy) => (o.fiscalYears.includes(fy) ? (cost.get(fy) ?? 0) : null)),
      population,
      costPerCapitaYen: population.known ? Math.round((o.totalCost * 1000) / population.value) : null,
      targetKinds,
      kpiCount: Object.values(targetKinds).reduce((a, b) => a + b, 0),
    };
  });
  return { fiscalYears, areas };
}

function sumPopulation(municipalities: readonly { code: string | null; name: string }[]): AreaPopulation {
  const found = municipalities.map((m) => ({ name: m.name, population: findLatestPopulation(m.code) }));
  const unknown = found.filter((f) => f.population === undefined).map((f) => f.name);
  if (municipalities.length === 0 || unknown.length > 0) return { known: false, unknownMunicipalities: unknown };
  const populations = found.map((f) => f.population as Population);
  return {
    known: true,
    value: populations.reduce((sum, p) => sum + p.value, 0),
    asOf: [...new Set(populations.map((p) => p.asOf))].sort(),
    bases: [...new Set(populations.map((p) => p.basis))],
  };
}
