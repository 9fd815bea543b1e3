import type { YearStatus } from './assemble-year-status.js';

/**
 * The scripted shape of a fiscal year's status (issue 8), shared by `renkei status --format json` and
 * `GET /api/v1/areas/{slug}/status/{fy}`: keep it as it is. Amounts in 千円; null where there is nothing.
 */
export function toStatusJson(status: YearStatus) {
  return {
    fiscalYear: status.fiscalYear,
    projects: status.projects.map((p) => ({
      number: p.number,
      grade: p.grade,
      kpis: p.kpis.map((k) => ({
        number: k.number,
        actual: k.actual,
        attainment: k.attainment,
        progress: k.progress,
        status: k.status,
      })),
      spending: {
        plan: p.spending.plan,
        actual: p.spending.actual,
        shares: p.spending.shares.map((s) => ({
          municipalityCode: s.municipalityCode,
          plan: s.plan,
          actual: s.actual,
        })),
      },
    })),
  };
}

export type StatusJson = ReturnType<typeof toStatusJson>;
