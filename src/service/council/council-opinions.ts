import type { Kysely } from 'kysely';
import { type Actor, isAllowed } from '../../domain/access-policy.js';
import { AppError } from '../../domain/errors.js';
import {
  type CouncilOpinionRow,
  findCouncilOpinion,
  listCouncilOpinions,
  writeCouncilOpinion,
} from '../../store/council-opinion-store.js';
import type { Database } from '../../store/database.js';
import type { RevisionKeys } from '../../store/yearly-result-store.js';
import { getArea } from '../area-lookup.js';
import { loadAreaResults } from '../results/load-area-results.js';
import { checkFiscalYear, locateProject, type ProjectAddress } from '../results/locate-project.js';
import { runWrite } from '../run-write.js';

/** The council's opinion (所見) on a project's year and the central city's response (対応方針). */
export type CouncilOpinion = {
  opinion: string;
  opinionBy: string | null;
  response: string;
  responseBy: string | null;
  /** 0 before the first entry */
  version: number;
};

/** Which text a write sets: the council's opinion, or the central city's response to it. */
export type OpinionPart = 'opinion' | 'response';

const MAX_LENGTH = 4000;

/**
 * Records the council's opinion (council.opine: the area's council members) or the central city's response
 * (results.review: its staff) on a project's fiscal year: audited, and refused with the current texts when the
 * row changed since `expectedVersion`.
 */
export async function recordCouncilOpinion(
  db: Kysely<Database>,
  actor: Actor,
  address: ProjectAddress,
  input: { part: OpinionPart; text: string; expectedVersion: number },
): Promise<CouncilOpinion> {
  const text = input.text.trim();
  if (text.length > MAX_LENGTH) {
    throw new AppError('INVALID_INPUT', `Text of ${text.length} characters`, {
      userMessage: `${MAX_LENGTH} 文字以内で入力してください。`,
    });
  }
  const { result } = await runWrite(db, actor, async (w) => {
    const target = await locateProject(w.trx, address);
    w.require(input.part === 'opinion' ? 'council.opine' : 'results.review', { areaId: target.area.id });
    const key = { projectKeyId: target.projectKeyId, fiscalYear: address.fiscalYear };
    const before = await findCouncilOpinion(w.trx, key, { lock: true });
    const current = toCouncilOpinion(before);
    w.expectVersion(input.expectedVersion, current.version, current);
    if (current[input.part] === text) return current;
    const saved = await writeCouncilOpinion(
      w.trx,
      { areaId: target.area.id, ...key },
      {
        opinion: current.opinion,
        opinion_by: current.opinionBy,
        response: current.response,
        response_by: current.responseBy,
        [input.part]: text,
        [`${input.part}_by`]: actor.label,
        version: current.version + 1,
      },
    );
    w.audit({
      action: `council.${input.part}`,
      entity: 'council_opinion',
      entityId: `${address.fiscalYear}/${address.projectNumber}`,
      areaId: target.area.id,
      before: before ? current : null,
      after: toCouncilOpinion(saved),
      audience: { resultsOfYear: address.fiscalYear }, // a published year's report shows them
    });
    return toCouncilOpinion(saved);
  });
  return result;
}

/** One project's opinion and response for a fiscal year (empty, version 0, before the first entry). */
export async function getCouncilOpinion(db: Kysely<Database>, address: ProjectAddress): Promise<CouncilOpinion> {
  const target = await locateProject(db, address);
  const row = await findCouncilOpinion(db, { projectKeyId: target.projectKeyId, fiscalYear: address.fiscalYear });
  return toCouncilOpinion(row);
}

/** The opinions of an area's fiscal year by project number (of the current revision), for the report. */
export async function readCouncilOpinions(
  db: Kysely<Database>,
  results: { area: { id: number }; keys: RevisionKeys },
  fiscalYear: number,
): Promise<Map<number, CouncilOpinion>> {
  const rows = await listCouncilOpinions(db, results.area.id, fiscalYear);
  const byKey = new Map(rows.map((r) => [r.project_key_id, r]));
  return new Map(
    results.keys.flatMap((k) =>
      byKey.has(k.projectKeyId) ? [[k.number, toCouncilOpinion(byKey.get(k.projectKeyId))]] : [],
    ),
  );
}

function toCouncilOpinion(row: CouncilOpinionRow | undefined): CouncilOpinion {
  return {
    opinion: row?.opinion ?? '',
    opinionBy: row?.opinion_by ?? null,
    response: row?.response ?? '',
    responseBy: row?.response_by ?? null,
    version: row?.version ?? 0,
  };
}

/** An area's projects with their opinion and response for a fiscal year, for the staff and council of the area. */
export type OpinionOverview = {
  area: { slug: string; name: string };
  fiscalYear: number;
  fiscalYears: number[];
  projects: { number: number; name: string; opinion: CouncilOpinion | undefined }[];
};

/** The list the opinion pages start from; NOT_FOUND for an actor who may not read the area's drafts. */
export async function readOpinionOverview(
  db: Kysely<Database>,
  actor: Actor,
  input: { areaSlug: string; fiscalYear: number | undefined },
): Promise<OpinionOverview> {
  const area = await getArea(db, input.areaSlug);
  if (!isAllowed(actor, 'drafts.read', { areaId: area.id })) {
    throw new AppError('NOT_FOUND', `${actor.label} may not read ${area.slug}`, {
      userMessage: 'この圏域の所見は見られません。',
    });
  }
  const results = await loadAreaResults(db, { areaSlug: area.slug, audience: 'staff' });
  const fiscalYears = results.vision.plan.fiscalYears;
  const fiscalYear = input.fiscalYear ?? results.rows.publishedYears.at(-1)?.fiscal_year ?? fiscalYears[0] ?? 0;
  checkFiscalYear(fiscalYears, fiscalYear);
  const opinions = await readCouncilOpinions(db, results, fiscalYear);
  return {
    area: { slug: area.slug, name: area.name },
    fiscalYear,
    fiscalYears,
    projects: results.vision.projects.map((p) => ({ number: p.number, name: p.name, opinion: opinions.get(p.number) })),
  };
}
