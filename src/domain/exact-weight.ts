/**
 * Exact weights for cost sharing: every weight is read as the decimal the user wrote (33.3 is 333/10, not the
 * nearest double) and weights are combined as BigInt fractions, so floating point never moves a yen.
 */

export type Fraction = { num: bigint; den: bigint };

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * A non-negative finite number as the exact decimal its shortest string shows.
 * @example decimalFraction(33.3) // { num: 333n, den: 10n }
 */
export function decimalFraction(value: number): Fraction {
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`not a non-negative finite number: ${value}`);
  const [, whole = '0', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  const digits = BigInt(whole + fraction);
  return exponent >= 0
    ? reduce({ num: digits * 10n ** BigInt(exponent), den: 1n })
    : reduce({ num: digits, den: 10n ** BigInt(-exponent) });
}

export function addFractions(a: Fraction, b: Fraction): Fraction {
  return reduce({ num: a.num * b.den + b.num * a.den, den: a.den * b.den });
}

export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return reduce({ num: a.num * b.num, den: a.den * b.den });
}

/** a ÷ b; b must not be zero. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError('division by zero');
  return reduce({ num: a.num * b.den, den: a.den * b.num });
}

export function sumFractions(values: readonly Fraction[]): Fraction {
  return values.reduce(addFractions, { num: 0n, den: 1n });
}

/** The same proportions as whole numbers: every fraction times the common denominator. */
export function toIntegerWeights(values: readonly Fraction[]): bigint[] {
  const common = values.reduce((acc, v) => lcm(acc, v.den), 1n);
  return values.map((v) => (v.num * common) / v.den);
}

function reduce(f: Fraction): Fraction {
  const divisor = gcd(f.num < 0n ? -f.num : f.num, f.den);
  return divisor > 1n ? { num: f.num / divisor, den: f.den / divisor } : f;
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}
