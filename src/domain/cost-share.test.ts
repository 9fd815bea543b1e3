import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  type CostShareRule,
  describeCostShareRule,
  reconcileShares,
  type ShareParty,
  splitCost,
} from './cost-share.js';
import { AppError } from './errors.js';
import { findLatestPopulation } from './municipality-populations.js';

// 青森圏域 in document order; 推計人口 2022-10-01 (青森県 第7表)
const AOMORI_CODES = ['022012', '023019', '023035', '023078', '023043'];
const aomori: ShareParty[] = AOMORI_CODES.map((code, i) => ({
  code,
  isCentralCity: i === 0,
  population: findLatestPopulation(code)?.value ?? null,
}));
const MIX_30_70: CostShareRule = {
  kind: 'mix',
  parts: [
    { basis: 'equal', percent: 30 },
    { basis: 'population', percent: 70 },
  ],
};

/** An empty 'fixed' rule takes its weights from the populations, as decimals (population ÷ 10). */
function withWeights(rule: CostShareRule, pops: readonly number[]): CostShareRule {
  if (rule.kind !== 'fixed' || rule.weights.length > 0) return rule;
  return { kind: 'fixed', weights: pops.map((p, i) => ({ municipalityCode: `p${i}`, weight: p / 10 })) };
}

function amounts(total: number, rule: CostShareRule, parties: readonly ShareParty[]): number[] {
  return splitCost(total, rule, parties).map((s) => s.amount);
}

function parties(populations: readonly number[]): ShareParty[] {
  return populations.map((population, i) => ({ code: `p${i}`, isCentralCity: i === 0, population }));
}

function assertInvalid(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === 'INVALID_INPUT' && !!e.userMessage);
}

describe('splitCost on the 青森圏域 (populations 268556, 9696, 2145, 5043, 2453; Σ 287893)', () => {
  test('the populations are the ones the example was worked with', () => {
    assert.deepEqual(
      aomori.map((p) => p.population),
      [268556, 9696, 2145, 5043, 2453],
    );
  });

  test('1,000 千円 by population: quotas 932.83, 33.68, 7.45, 17.52, 8.52; the 3 left go to .83, .68, .5205', () => {
    assert.deepEqual(amounts(1000, { kind: 'population' }, aomori), [933, 34, 7, 17, 9]);
  });

  test('1,000 千円 均等割 30％・人口割 70％: 60 each + 700 × population ÷ 287893', () => {
    // quotas 712.98, 83.58, 65.22, 72.26, 65.96 → floors 712, 83, 65, 72, 65 (997); +1 to .98, .96, .58
    assert.deepEqual(amounts(1000, MIX_30_70, aomori), [713, 84, 65, 72, 66]);
  });

  test('the central city alone, and an equal split whose remainder goes to the earlier parties', () => {
    assert.deepEqual(amounts(1000, { kind: 'central_city_alone' }, aomori), [1000, 0, 0, 0, 0]);
    assert.deepEqual(amounts(1002, { kind: 'equal' }, aomori), [201, 201, 200, 200, 200]);
  });

  test('fixed weights: decimals are exact, a missing party pays nothing', () => {
    const rule: CostShareRule = {
      kind: 'fixed',
      weights: [
        { municipalityCode: '022012', weight: 33.3 },
        { municipalityCode: '023019', weight: 33.3 },
        { municipalityCode: '023043', weight: 33.4 },
      ],
    };
    assert.deepEqual(amounts(1000, rule, aomori), [333, 333, 0, 0, 334]);
  });
});

describe('splitCost refuses what it cannot split', () => {
  test('a population missing, unknown or duplicate codes, all-zero weights, a bad total, a bad mix', () => {
    const withoutPopulation = aomori.map((p, i) => (i === 2 ? { ...p, population: null } : p));
    assertInvalid(() => splitCost(100, { kind: 'population' }, withoutPopulation));
    assertInvalid(() => splitCost(100, MIX_30_70, withoutPopulation));
    assertInvalid(() =>
      splitCost(100, { kind: 'fixed', weights: [{ municipalityCode: '999999', weight: 1 }] }, aomori),
    );
    assertInvalid(() =>
      splitCost(100, { kind: 'fixed', weights: [{ municipalityCode: '022012', weight: 0 }] }, aomori),
    );
    assertInvalid(() =>
      splitCost(100, { kind: 'fixed', weights: [{ municipalityCode: '022012', weight: -1 }] }, aomori),
    );
    assertInvalid(() => splitCost(100, { kind: 'equal' }, [...aomori, aomori[0] as ShareParty]));
    assertInvalid(() => splitCost(100, { kind: 'equal' }, []));
    assertInvalid(() => splitCost(100, { kind: 'central_city_alone' }, aomori.slice(1)));
    for (const total of [-1, 1.5, Number.NaN, 2 ** 53])
      assertInvalid(() => splitCost(total, { kind: 'equal' }, aomori));
    assertInvalid(() => splitCost(100, { kind: 'mix', parts: [{ basis: 'equal', percent: 30 }] }, aomori));
  });

  test('a total of 0 gives zeros', () => {
    assert.deepEqual(amounts(0, { kind: 'population' }, aomori), [0, 0, 0, 0, 0]);
  });
});

describe('splitCost properties', () => {
  const total = fc.integer({ min: 0, max: 10_000_000 });
  const populations = fc.array(fc.integer({ min: 0, max: 4_000_000 }), { minLength: 1, maxLength: 12 });
  const rule = fc.constantFrom<CostShareRule>({ kind: 'equal' }, { kind: 'population' }, MIX_30_70, {
    kind: 'fixed',
    weights: [],
  });
  const split = (t: number, r: CostShareRule, pops: readonly number[]) =>
    amounts(t, withWeights(r, pops), parties(pops));
  const usable = (r: CostShareRule, pops: readonly number[]) => r.kind === 'equal' || pops.some((p) => p > 0);

  test('shares sum to the total and each is the floor or ceiling of its exact quota', () => {
    fc.assert(
      fc.property(total, populations, (t, pops) => {
        fc.pre(pops.some((p) => p > 0));
        const shares = amounts(t, { kind: 'population' }, parties(pops));
        assert.equal(
          shares.reduce((a, b) => a + b, 0),
          t,
        );
        const sum = BigInt(pops.reduce((a, b) => a + b, 0));
        shares.forEach((share, i) => {
          const exact = BigInt(t) * BigInt(pops[i] ?? 0);
          const floor = exact / sum;
          assert.ok(BigInt(share) === floor || (BigInt(share) === floor + 1n && exact % sum !== 0n));
        });
      }),
    );
  });

  test('any rule sums to the total', () => {
    fc.assert(
      fc.property(total, populations, rule, (t, pops, r) => {
        fc.pre(usable(r, pops));
        assert.equal(
          split(t, r, pops).reduce((a, b) => a + b, 0),
          t,
        );
      }),
    );
  });

  test('an equal split gives the remainder to the earliest parties', () => {
    fc.assert(
      fc.property(total, fc.integer({ min: 1, max: 30 }), (t, n) => {
        const shares = amounts(t, { kind: 'equal' }, parties(Array(n).fill(1)));
        const base = Math.floor(t / n);
        assert.deepEqual(
          shares,
          shares.map((_, i) => (i < t % n ? base + 1 : base)),
        );
      }),
    );
  });

  test('monotone: a larger weight never gets less, equal weights differ by at most 1', () => {
    fc.assert(
      fc.property(total, populations, rule, (t, pops, r) => {
        fc.pre(usable(r, pops));
        // population and mix weights grow with the population; equal weights ignore it
        if (r.kind === 'equal') return;
        const shares = split(t, r, pops);
        pops.forEach((pi, i) => {
          pops.forEach((pj, j) => {
            const [si = 0, sj = 0] = [shares[i], shares[j]];
            if (pi > pj) assert.ok(si >= sj, `${pi}>${pj} but ${si}<${sj}`);
            if (pi === pj) assert.ok(Math.abs(si - sj) <= 1, `equal weights ${pi} got ${si} and ${sj}`);
          });
        });
      }),
    );
  });

  test('permuting the parties only moves who gets a remainder 千円', () => {
    const shuffled = populations.chain((pops) =>
      fc.tuple(fc.constant(pops), fc.shuffledSubarray([...pops.keys()], { minLength: pops.length })),
    );
    fc.assert(
      fc.property(total, shuffled, rule, (t, [pops, order], r) => {
        fc.pre(usable(r, pops));
        const original = parties(pops);
        const weighted = withWeights(r, pops);
        const before = new Map(splitCost(t, weighted, original).map((s) => [s.code, s.amount]));
        const permuted = order.map((i) => original[i] as ShareParty);
        for (const s of splitCost(t, weighted, permuted))
          assert.ok(Math.abs(s.amount - (before.get(s.code) ?? 0)) <= 1);
      }),
    );
  });
});

test('describeCostShareRule writes the rule as a 負担割合 cell would', () => {
  assert.equal(describeCostShareRule(MIX_30_70), '均等割 30％・人口割 70％');
  assert.equal(describeCostShareRule({ kind: 'central_city_alone' }), '中心市が全額負担');
  assert.equal(describeCostShareRule({ kind: 'population' }), '人口割');
  assert.equal(describeCostShareRule({ kind: 'equal' }), '均等割');
  const names = new Map([
    ['022012', '青森市'],
    ['023019', '平内町'],
  ]);
  const fixed = (a: number, b: number): CostShareRule => ({
    kind: 'fixed',
    weights: [
      { municipalityCode: '022012', weight: a },
      { municipalityCode: '023019', weight: b },
    ],
  });
  assert.equal(
    describeCostShareRule(fixed(60, 40), (c) => names.get(c) ?? c),
    '定率（青森市 60％・平内町 40％）',
  );
  assert.equal(describeCostShareRule(fixed(2, 1)), '定率（比 022012 2・023019 1）');
});

test('reconcileShares prefers entered parts and shows the difference', () => {
  const two = aomori.slice(0, 2);
  const computed = [
    { code: '022012', amount: 60 },
    { code: '023019', amount: 40 },
  ];
  const agree = reconcileShares(100, computed, new Map(), two);
  assert.equal(agree.difference, 0);
  assert.deepEqual(
    agree.shares.map((s) => s.source),
    ['computed', 'computed'],
  );
  const off = reconcileShares(100, computed, new Map([['023019', 45]]), two);
  assert.equal(off.difference, 5);
  assert.deepEqual(off.shares[1], { code: '023019', computed: 40, entered: 45, amount: 45, source: 'entered' });
  const partial = reconcileShares(100, null, new Map<string, number | null>([['022012', 70]]), two);
  assert.equal(partial.difference, -30);
  assert.equal(partial.shares[1]?.source, 'none');
  const stranger = reconcileShares(100, computed, new Map([['099999', 1]]), two);
  assert.equal(stranger.shares[2]?.code, '099999');
  assert.equal(stranger.difference, 1);
  assert.equal(reconcileShares(null, computed, new Map(), two).difference, null);
  assert.equal(reconcileShares(100, null, new Map(), two).difference, null);
});
