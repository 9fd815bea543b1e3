/**
 * The measures behind a KPI's status: the value compared, attainment, progress against the straight line,
 * and the trend. docs/achievement.md is the user-facing definition; keep the two in step.
 */
import type { Direction, KpiSettings, YearActual } from './achievement.js';

/**
 * actual ÷ target when higher is better. When lower is better: target ÷ actual while the actual is above the
 * target, and 1 once it is at or below it (no division by a zero actual, e.g. 待機児童数 0). A target of 0 or
 * less cannot be divided by: 1 when reached, else 0.
 */
export function measureAttainment(actual: number, target: number, direction: Direction): number {
  if (direction === 'higher') return target > 0 ? actual / target : actual >= target ? 1 : 0;
  if (actual <= target) return 1;
  return target > 0 ? target / actual : 0;
}

/** (actual − baseline) ÷ (target − baseline); null when target and baseline are equal (no distance to cover). */
export function measureProgress(actual: number, baseline: number, target: number): number | null {
  return target === baseline ? null : (actual - baseline) / (target - baseline);
}

/** The share of the straight line from the start year to the target year due by the end of a 年度, in [0, 1]. */
export function expectedProgressIn(
  fiscalYear: number,
  startYear: number | null,
  targetYear: number | null,
): number | null {
  if (startYear === null || targetYear === null) return null;
  if (targetYear <= startYear) return 1;
  return Math.min(1, Math.max(0, (fiscalYear - startYear) / (targetYear - startYear)));
}

/**
 * The values compared, year by year (years with an actual only). For 'sum_of_years' each year's value is the
 * start value plus the actuals after the start year up to that year; years without an actual add nothing.
 */
export function comparedSeries(
  actuals: readonly YearActual[],
  settings: KpiSettings,
  start: { value: number; fiscalYear: number | null },
): { fiscalYear: number; value: number }[] {
  const entered = enteredActuals(actuals);
  if (settings.cumulative !== 'sum_of_years') return entered;
  let running = start.value;
  return entered.map(({ fiscalYear, value }) => {
    if (start.fiscalYear === null || fiscalYear > start.fiscalYear) running += value;
    return { fiscalYear, value: running };
  });
}

/** Entered actuals in year order; a null value is no actual. */
export function enteredActuals(actuals: readonly YearActual[]): { fiscalYear: number; value: number }[] {
  return actuals
    .flatMap((a) => (a.value === null ? [] : [{ fiscalYear: a.fiscalYear, value: a.value }]))
    .sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/**
 * The least-squares line through the points, read at the target year; null with fewer than two distinct years.
 * With exactly two points this is the line through them.
 */
export function projectTrend(
  points: readonly { fiscalYear: number; value: number }[],
  targetYear: number | null,
): number | null {
  if (targetYear === null || new Set(points.map((p) => p.fiscalYear)).size < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.fiscalYear, 0) / n;
  const meanY = points.reduce((s, p) => s + p.value, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.fiscalYear - meanX) * (p.value - meanY), 0);
  const sxx = points.reduce((s, p) => s + (p.fiscalYear - meanX) ** 2, 0);
  return meanY + (sxy / sxx) * (targetYear - meanX);
}
