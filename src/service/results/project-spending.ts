import {
  type CostShare,
  type CostShareRule,
  describeCostShareRule,
  type ReconciledShare,
  reconcileShares,
  type ShareParty,
  splitCost,
} from '../../domain/cost-share.js';
import { AppError } from '../../domain/errors.js';
import type { Project } from '../../domain/vision.js';
import type { AreaResults, MunicipalityOfArea } from './load-area-results.js';

export type ShareStatus = {
  municipalityCode: string | null;
  municipalityName: string;
  /** computed from the plan by the rule; null without a rule */
  plan: number | null;
  /** the entered part, else the share computed from the actual total; null when neither exists */
  actual: number | null;
  actualSource: ReconciledShare['source'];
};

export type ProjectSpending = {
  /** the budget (事業費見込額) of the fiscal year, 千円; null for a blank or dashed cell */
  plan: number | null;
  /** 決算額, 千円: the central city's total, else the sum of every party's entered part; null when unknown */
  actual: number | null;
  rule: { rule: CostShareRule; description: string } | null;
  /** why shares could not be computed by the rule (e.g. a population missing) */
  ruleProblem: string | null;
  shares: ShareStatus[];
  /** entered parts (or computed shares) minus the actual total: flagged, never hidden; null when not comparable */
  difference: number | null;
  /** the parties in document order: the central city, then the participants */
  parties: MunicipalityOfArea[];
};

/** A project's spending for one fiscal year: plan and actual with each municipality's share of both. */
export function projectSpending(
  results: AreaResults,
  project: Project,
  projectKeyId: number,
  fiscalYear: number,
): ProjectSpending {
  const parties = results.municipalities.filter((m) => m.isCentralCity || project.participants.includes(m.name));
  const shareParties: ShareParty[] = parties.map((m) => ({
    code: partyCode(m),
    isCentralCity: m.isCentralCity,
    population: m.population?.value ?? null,
  }));
  const planCell = project.budget.years.find((y) => y.fiscalYear === fiscalYear);
  const plan = planCell?.amount ?? null;
  const entered = new Map<string, number | null>();
  for (const part of results.index.partsOf(projectKeyId, fiscalYear)) {
    const party = parties.find((m) => m.id === part.municipality_id);
    if (party) entered.set(partyCode(party), part.amount);
  }
  const total = results.index.projectResultOf(projectKeyId, fiscalYear)?.actual_total;
  const enteredValues = shareParties.map((p) => entered.get(p.code));
  const everyPartEntered = enteredValues.every((v) => v !== undefined && v !== null);
  const actual = total ?? (everyPartEntered ? enteredValues.reduce<number>((sum, v) => sum + (v ?? 0), 0) : null);

  const stored = results.index.ruleOf(projectKeyId)?.rule;
  let ruleProblem: string | null = null;
  const split = (amount: number | null): CostShare[] | null => {
    if (!stored || amount === null) return null;
    try {
      return splitCost(amount, stored, shareParties);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      ruleProblem = error.userMessage ?? error.message;
      return null;
    }
  };
  const planShares = split(plan);
  const reconciled = reconcileShares(actual, split(actual), entered, shareParties);
  return {
    plan,
    actual,
    rule: stored ? { rule: stored, description: describeCostShareRule(stored) } : null,
    ruleProblem,
    shares: parties.map((m, i) => ({
      municipalityCode: m.code,
      municipalityName: m.name,
      plan: planShares?.[i]?.amount ?? null,
      actual: reconciled.shares[i]?.amount ?? null,
      actualSource: reconciled.shares[i]?.source ?? 'none',
    })),
    difference: reconciled.difference,
    parties,
  };
}

/** The key a party is split under: its code, or its name when the installation does not know the code. */
function partyCode(m: MunicipalityOfArea): string {
  return m.code ?? m.name;
}
