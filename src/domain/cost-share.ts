/**
 * 負担割合: splitting a project's cost (whole 千円) among the municipalities that share it.
 * The rules and the rounding are the user-facing definition in docs/cost-sharing.md.
 */
import { AppError } from './errors.js';
import {
  decimalFraction,
  divideFractions,
  type Fraction,
  multiplyFractions,
  sumFractions,
  toIntegerWeights,
} from './exact-weight.js';

export type ShareBasis = 'equal' | 'population';
export type CostShareRule =
  | { kind: 'central_city_alone' }
  | { kind: 'equal' }
  | { kind: 'population' }
  /** non-negative weights in any scale, e.g. percents */
  | { kind: 'fixed'; weights: { municipalityCode: string; weight: number }[] }
  /** e.g. 均等割 30 + 人口割 70; the percents sum to 100 */
  | { kind: 'mix'; parts: { basis: ShareBasis; percent: number }[] };
export type ShareParty = { code: string; isCentralCity: boolean; population: number | null };
export type CostShare = { code: string; amount: number };

/**
 * Splits a whole-千円 total among the parties (document order kept) so the shares add up EXACTLY to the total:
 * each party gets the floor of its exact quota, and the yen left over go one each to the largest remainders,
 * ties to the earlier party in document order (largest-remainder method).
 * @example splitCost(100, { kind: 'equal' }, [a, b, c]) // amounts 34, 33, 33
 */
export function splitCost(total: number, rule: CostShareRule, parties: readonly ShareParty[]): CostShare[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw invalid(
      `total must be a non-negative safe integer: ${total}`,
      '事業費は0以上の整数（千円）で入力してください',
    );
  }
  checkParties(parties);
  const weights = toIntegerWeights(ruleWeights(rule, parties));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n)
    throw invalid('every weight is zero', '負担割合がすべて0です。少なくとも1団体に割合を設定してください');
  return largestRemainder(BigInt(total), weights, sum).map((amount, i) => ({
    code: parties[i]?.code ?? '',
    amount: Number(amount),
  }));
}

function largestRemainder(total: bigint, weights: readonly bigint[], sum: bigint): bigint[] {
  const floors = weights.map((w) => (total * w) / sum);
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, index) => ({ index, remainder: (total * w) % sum }))
    // Array.prototype.sort is stable, so equal remainders keep document order: ties go to the earlier party.
    .sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (left === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors;
}

function checkParties(parties: readonly ShareParty[]): void {
  if (parties.length === 0) throw invalid('no parties to share the cost', '費用を負担する市町村がありません');
  const codes = new Set(parties.map((p) => p.code));
  if (codes.size !== parties.length) throw invalid('a party is listed twice', '同じ市町村が2回以上含まれています');
}

function ruleWeights(rule: CostShareRule, parties: readonly ShareParty[]): Fraction[] {
  switch (rule.kind) {
    case 'central_city_alone':
      if (!parties.some((p) => p.isCentralCity)) {
        throw invalid('no central city among the parties', '中心市が負担する団体に含まれていません');
      }
      return parties.map((p) => whole(p.isCentralCity ? 1 : 0));
    case 'equal':
    case 'population':
      return basisWeights(rule.kind, parties);
    case 'fixed':
      return fixedWeights(rule.weights, parties);
    case 'mix':
      return mixWeights(rule.parts, parties);
  }
}

function basisWeights(basis: ShareBasis, parties: readonly ShareParty[]): Fraction[] {
  if (basis === 'equal') return parties.map(() => whole(1));
  return parties.map((p) => {
    if (p.population === null || !Number.isSafeInteger(p.population) || p.population < 0) {
      throw invalid(
        `no usable population for ${p.code}`,
        `人口割には人口が必要です（団体コード ${p.code} の人口がありません）`,
      );
    }
    return whole(p.population);
  });
}

function fixedWeights(
  weights: readonly { municipalityCode: string; weight: number }[],
  parties: readonly ShareParty[],
) {
  const byCode = new Map<string, Fraction>();
  for (const { municipalityCode, weight } of weights) {
    if (!parties.some((p) => p.code === municipalityCode)) {
      throw invalid(
        `weight for a non-party ${municipalityCode}`,
        `負担する団体にない団体コード ${municipalityCode} の割合があります`,
      );
    }
    if (byCode.has(municipalityCode)) {
      throw invalid(`two weights for ${municipalityCode}`, `団体コード ${municipalityCode} の割合が2回あります`);
    }
    byCode.set(municipalityCode, nonNegative(weight, '割合'));
  }
  return parties.map((p) => byCode.get(p.code) ?? whole(0));
}

/** Σ percent_k × (weight_k of the party ÷ Σ weight_k): each basis first normalised, then mixed. */
function mixWeights(parts: readonly { basis: ShareBasis; percent: number }[], parties: readonly ShareParty[]) {
  const percents = parts.map((part) => nonNegative(part.percent, '割合（％）'));
  const percentSum = sumFractions(percents);
  if (percentSum.num !== 100n * percentSum.den) {
    throw invalid('mix percents do not sum to 100', '均等割・人口割などの割合（％）の合計を100にしてください');
  }
  let combined = parties.map(() => whole(0));
  parts.forEach((part, k) => {
    const weights = basisWeights(part.basis, parties);
    const basisSum = sumFractions(weights);
    if (basisSum.num === 0n) throw invalid(`${part.basis} weights are all zero`, '人口がすべて0です');
    const percent = percents[k] ?? whole(0);
    combined = combined.map((c, i) =>
      sumFractions([c, multiplyFractions(percent, divideFractions(weights[i] ?? whole(0), basisSum))]),
    );
  });
  return combined;
}

function nonNegative(value: number, label: string): Fraction {
  if (!Number.isFinite(value) || value < 0) {
    throw invalid(`not a non-negative number: ${value}`, `${label}は0以上の数で入力してください`);
  }
  return decimalFraction(value);
}

function whole(value: number): Fraction {
  return { num: BigInt(value), den: 1n };
}

function invalid(message: string, userMessage: string): AppError {
  return new AppError('INVALID_INPUT', message, { userMessage });
}

const BASIS_LABEL: Record<ShareBasis, string> = { equal: '均等割', population: '人口割' };

/**
 * The rule in Japanese, as a 負担割合 cell would print it; `nameOf` turns codes into names for 'fixed'.
 * @example describeCostShareRule({ kind: 'mix', parts: [{ basis: 'equal', percent: 30 }, { basis: 'population', percent: 70 }] })
 * // '均等割 30％・人口割 70％'
 */
export function describeCostShareRule(rule: CostShareRule, nameOf: (code: string) => string = (c) => c): string {
  switch (rule.kind) {
    case 'central_city_alone':
      return '中心市が全額負担';
    case 'equal':
    case 'population':
      return BASIS_LABEL[rule.kind];
    case 'mix':
      return rule.parts.map((p) => `${BASIS_LABEL[p.basis]} ${p.percent}％`).join('・');
    case 'fixed': {
      // a display choice only, so a float tolerance is fine here: 33.3 + 33.3 + 33.4 reads as percents
      const isPercent = Math.abs(rule.weights.reduce((sum, w) => sum + w.weight, 0) - 100) < 1e-9;
      const items = rule.weights.map((w) => `${nameOf(w.municipalityCode)} ${w.weight}${isPercent ? '％' : ''}`);
      return isPercent ? `定率（${items.join('・')}）` : `定率（比 ${items.join('・')}）`;
    }
  }
}

/** One party's part once entered parts and computed shares are compared. */
export type ReconciledShare = {
  code: string;
  computed: number | null;
  entered: number | null;
  amount: number | null;
  source: 'entered' | 'computed' | 'none';
};

/**
 * Each party's part is the entered one when present, else the computed share. difference = Σ parts − total:
 * 0 when they agree, and shown, never hidden, when they do not (a party with no part at all counts as nothing,
 * so the gap shows up as a negative difference). Entered codes that are not parties are kept, after the parties.
 * difference is null when there is no total or no part at all.
 * @example reconcileShares(100, [{ code: 'a', amount: 60 }, { code: 'b', amount: 40 }], new Map([['b', 45]]), parties)
 * // difference 5: b entered 45 where 40 was computed
 */
export function reconcileShares(
  total: number | null,
  computed: readonly CostShare[] | null,
  entered: ReadonlyMap<string, number | null>,
  parties: readonly ShareParty[],
): { shares: ReconciledShare[]; difference: number | null } {
  const codes = [
    ...parties.map((p) => p.code),
    ...[...entered.keys()].filter((c) => !parties.some((p) => p.code === c)),
  ];
  const shares = codes.map((code): ReconciledShare => {
    const computedAmount = computed?.find((s) => s.code === code)?.amount ?? null;
    const enteredAmount = entered.get(code) ?? null;
    if (enteredAmount !== null) {
      return { code, computed: computedAmount, entered: enteredAmount, amount: enteredAmount, source: 'entered' };
    }
    const source = computedAmount === null ? 'none' : 'computed';
    return { code, computed: computedAmount, entered: null, amount: computedAmount, source };
  });
  const amounts = shares.flatMap((s) => (s.amount === null ? [] : [s.amount]));
  const difference = total === null || amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0) - total;
  return { shares, difference };
}
