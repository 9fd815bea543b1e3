import { findMunicipalityCode } from '../domain/known-municipalities.js';
import type { Area, Plan } from '../domain/vision.js';
import type { PlacedSheet } from './parse-sheets.js';
import { readFiscalYearLabel } from './read-fiscal-year-label.js';
import type { Preamble } from './read-preamble.js';

function mostCommon<T>(values: T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The 圏域 with its municipalities (central city first), with codes where the registry knows them. */
export function buildArea(preamble: Preamble, centralCity: string | null, partners: string[]): Area {
  const names = [...(centralCity ? [centralCity] : []), ...partners];
  return {
    name: preamble.areaName,
    kind: preamble.areaKind,
    municipalities: names.map((name) => ({
      code: findMunicipalityCode(name) ?? null,
      name,
      isCentralCity: name === centralCity,
    })),
  };
}

/** The plan: title, the fiscal years the budgets cover, the KPI target year and the amount unit. */
export function buildPlan(preamble: Preamble, sheets: PlacedSheet[]): Plan {
  const years = new Set<number>();
  for (const s of sheets) for (const y of s.budget?.years ?? []) years.add(y.fiscalYear);
  const targetYears = sheets.flatMap((s) => {
    const fy = s.kpiHeader?.targetYearText ? readFiscalYearLabel(s.kpiHeader.targetYearText) : null;
    return fy === null ? [] : [fy];
  });
  const units = sheets.flatMap((s) => (s.budget?.unit ? [s.budget.unit] : []));
  return {
    title: preamble.title,
    fiscalYears: [...years].sort((a, b) => a - b),
    targetFiscalYear: mostCommon(targetYears) ?? null,
    amountUnit: mostCommon(units) ?? '千円',
    revision: preamble.revision,
  };
}
