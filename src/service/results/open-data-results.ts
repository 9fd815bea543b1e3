import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ResultRecords } from '../../report/result-tables.js';
import type { AreaRow } from '../../store/area-store.js';
import type { Database } from '../../store/database.js';
import type { RevisionRow } from '../../store/read-revision.js';
import { type PublishedResults, readPublishedResults } from './read-published-results.js';

/** The published results of an open-data set, and a key that changes exactly when they do. */
export type OpenDataResults = { records: ResultRecords; key: string };

const EMPTY: OpenDataResults = { records: { kpiActuals: [], spending: [], costShares: [] }, key: 'none' };

/**
 * The published yearly results for the open data of a revision. Results follow the area's current revision (its
 * project numbers and KPIs), so an earlier revision's set has none: its result tables keep their header only.
 */
export async function readOpenDataResults(
  db: Kysely<Database>,
  area: AreaRow,
  revision: RevisionRow,
): Promise<OpenDataResults> {
  if (area.current_revision_id !== revision.id) return EMPTY;
  const published = await readPublishedResults(db, area.slug);
  if (published.years.length === 0) return EMPTY;
  const records = toResultRecords(published);
  return { records, key: createHash('sha256').update(JSON.stringify(records)).digest('base64url') };
}

/** Published results as the rows of kpi-actuals.csv, spending-actuals.csv and cost-shares.csv. */
export function toResultRecords(published: PublishedResults): ResultRecords {
  const records: ResultRecords = { kpiActuals: [], spending: [], costShares: [] };
  for (const year of published.years) {
    for (const p of year.projects) {
      const base = { fiscalYear: year.fiscalYear, projectNumber: p.number, projectName: p.name };
      const rule = p.spending.rule?.description ?? null;
      for (const k of p.kpis) {
        const entered = k.actuals.find((a) => a.fiscalYear === year.fiscalYear);
        records.kpiActuals.push({
          ...base,
          kpiNumber: k.number,
          indicator: k.indicator,
          target: k.targetText,
          entered: entered?.value ?? null,
          notCountedReason: k.notCountedReason,
          compared: k.actual,
          attainment: k.attainment,
          progress: k.progress,
          status: k.status,
        });
      }
      records.spending.push({ ...base, plan: p.spending.plan, actual: p.spending.actual, grade: p.grade, rule });
      for (const s of p.spending.shares) {
        if (s.plan === null && s.actual === null) continue; // no rule and nothing entered: nothing to say
        records.costShares.push({
          ...base,
          municipalityCode: s.municipalityCode,
          municipalityName: s.municipalityName,
          plan: s.plan,
          actual: s.actual,
          actualSource: s.actualSource,
          rule,
        });
      }
    }
  }
  return records;
}
