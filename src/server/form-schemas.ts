import { z } from 'zod';

/** Numbers as people type them: full-width digits, `1,234`, spaces. */
const typed = (text: string) => text.normalize('NFKC').replace(/[,\s]/g, '');

/** 千円 as people type it (and a trailing 千円); empty means not entered. */
export const AmountFieldSchema = z
  .string()
  .max(40)
  .transform((text) => typed(text).replace(/千円$/, ''))
  .pipe(
    z.union([
      z.literal('').transform(() => null),
      z
        .string()
        .regex(/^\d{1,15}$/, '0 以上の整数（千円単位）で入力してください')
        .transform(Number),
    ]),
  );

/** A KPI value: a decimal number, possibly negative; empty means none. */
export const DecimalFieldSchema = z
  .string()
  .max(40)
  .transform(typed)
  .pipe(
    z.union([
      z.literal('').transform(() => null),
      z
        .string()
        .regex(/^-?\d{1,15}(\.\d{1,6})?$/, '数値で入力してください（例: 12、3.5）')
        .transform(Number),
    ]),
  );

export const FiscalYearFieldSchema = z.coerce.number().int().min(1900).max(2200);

/** The version a form was read at (0 before the first entry). */
export const VersionFieldSchema = z.coerce.number().int().min(0).max(1_000_000_000);
