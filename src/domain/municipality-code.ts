/**
 * 全国地方公共団体コード: five digits (2 for the prefecture, 3 for the body) and a check digit.
 * Codes are strings, never numbers: the leading zero of 01..09 (北海道..茨城県) is part of the code.
 */

const FIVE_DIGITS = /^[0-9]{5}$/;
const SIX_DIGITS = /^[0-9]{6}$/;
const WEIGHTS = [6, 5, 4, 3, 2] as const;

/**
 * The check digit of a code's first five digits: weights 6,5,4,3,2, sum mod 11,
 * then the last digit of 11 - remainder (so remainder 0 gives 1 and remainder 1 gives 0).
 * Throws on anything but five ASCII digits, which is a caller's bug.
 * @example computeCheckDigit('02201') // '2' (青森市 022012)
 */
export function computeCheckDigit(firstFive: string): string {
  if (!FIVE_DIGITS.test(firstFive)) throw new RangeError(`not five ASCII digits: ${JSON.stringify(firstFive)}`);
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(firstFive[i]);
  });
  return String((11 - (sum % 11)) % 10);
}

/**
 * True for six ASCII digits whose last is the right check digit. Full-width digits are not a code:
 * normalise user input at the edge before asking.
 * @example isValidMunicipalityCode('023078') // true (外ヶ浜町)
 * @example isValidMunicipalityCode('023079') // false
 */
export function isValidMunicipalityCode(code: string): boolean {
  if (!SIX_DIGITS.test(code)) return false;
  return computeCheckDigit(code.slice(0, 5)) === code.slice(5);
}
