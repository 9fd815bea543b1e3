import { AppError } from './errors.js';

/**
 * Refuses an amount that is not a whole, non-negative number of 千円 (the unit every budget and actual is kept in);
 * null (not entered) passes.
 */
export function checkThousandYen(amount: number | null, label = '金額'): void {
  if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) {
    throw new AppError('INVALID_INPUT', `Bad amount ${amount}`, {
      userMessage: `${label}は 0 以上の整数（千円単位）で入力してください。`,
    });
  }
}
