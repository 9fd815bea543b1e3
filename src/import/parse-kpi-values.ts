import type { Baseline, Target } from '../domain/vision.js';
import { cleanText, isDash, removeFootnoteMarkers, squeezeSpaces, stripTags, toHalfWidth } from './normalize-text.js';

// bounded digit runs (unbounded ones backtrack quadratically on a long cell); a longer number is no number at all
const NUMBER = '((?:[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,15})(?:\\.[0-9]{1,10})?)(?![0-9,.])';
const VALUE_AND_UNIT = new RegExp(`^${NUMBER}\\s*(.*)$`);
const AS_OF = /^(.*?)\s*([（(])([^（()）]*)([)）])\s*$/;
const MERGED = /^(?:NO|No|no|№|事業番号|事業)\s*\.?\s*([0-9]+)\s*(?:に|へ|と)統合/;
const PER_YEAR_AFTER = new RegExp(`^${NUMBER}\\s*(.*?)\\s*以上\\s*[/／]\\s*(年度|年)$`);
const PER_YEAR_BEFORE = new RegExp(`^(?:毎)?(年度|年)\\s*${NUMBER}\\s*(.*?)\\s*以上$`);
const PER_YEAR_PLAIN = new RegExp(`^${NUMBER}\\s*(.*?)\\s*[/／]\\s*(年度|年)$`);
const PERCENT = new RegExp(`^${NUMBER}\\s*[%％]\\s*(?:以上)?$`);

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ''));
}

function unitOrNull(text: string): string | null {
  const unit = text.trim();
  return unit === '' ? null : unit;
}

/**
 * Reads a baseline cell: `44事業 (2020年度見込)` → value 44, unit 事業, asOf 2020年度見込; a dash → nulls.
 * @example parseBaseline('102 団体 (2020 年度実績)').asOf // '2020年度実績'
 */
export function parseBaseline(raw: string): Baseline {
  const text = squeezeSpaces(removeFootnoteMarkers(stripTags(raw)));
  if (text === '' || isDash(text)) return { text, value: null, unit: null, asOf: null };
  const asOf = AS_OF.exec(text);
  const valuePart = squeezeSpaces(asOf ? (asOf[1] ?? '') : text);
  const when = asOf ? squeezeSpaces(asOf[3] ?? '').replace(/\s+/g, '') : null;
  const shown = asOf ? `${valuePart} ${asOf[2]}${when}${asOf[4]}`.trim() : valuePart;
  const m = VALUE_AND_UNIT.exec(toHalfWidth(valuePart).replace(/，/g, ','));
  if (!m || valuePart === '' || isDash(valuePart)) return { text: shown, value: null, unit: null, asOf: when };
  return { text: shown, value: toNumber(m[1] ?? ''), unit: unitOrNull(m[2] ?? ''), asOf: when };
}

/**
 * Reads a target cell into a typed target: `52事業` absolute, `1回以上/年度` per_year_at_least,
 * `61.3%` percentage, `NO.4に統合` merged_into, a dash or nothing: none.
 * @example parseTarget('1 回以上/年度', 2024).kind // 'per_year_at_least'
 */
export function parseTarget(raw: string, fiscalYear: number | null): Target {
  const text = cleanText(removeFootnoteMarkers(stripTags(raw)));
  // key order as in Vision JSON (DESIGN.md §6)
  const make = (
    kind: Target['kind'],
    fields: Partial<Pick<Target, 'value' | 'unit' | 'per' | 'mergedInto'>> = {},
  ): Target => ({
    text,
    kind,
    value: fields.value ?? null,
    unit: fields.unit ?? null,
    per: fields.per ?? null,
    mergedInto: fields.mergedInto ?? null,
    fiscalYear,
  });
  if (text === '' || isDash(text)) return make('none');
  const half = toHalfWidth(text).replace(/\s+/g, '').replace(/，/g, ',');
  const merged = MERGED.exec(half);
  if (merged) return make('merged_into', { mergedInto: Number(merged[1]) });
  const after = PER_YEAR_AFTER.exec(half) ?? PER_YEAR_PLAIN.exec(half);
  if (after) {
    const per = after[3] === '年' ? '年' : '年度';
    return make('per_year_at_least', { value: toNumber(after[1] ?? ''), unit: unitOrNull(after[2] ?? ''), per });
  }
  const before = PER_YEAR_BEFORE.exec(half);
  if (before) {
    const per = before[1] === '年' ? '年' : '年度';
    return make('per_year_at_least', { value: toNumber(before[2] ?? ''), unit: unitOrNull(before[3] ?? ''), per });
  }
  const percent = PERCENT.exec(half);
  if (percent) return make('percentage', { value: toNumber(percent[1] ?? ''), unit: '%' });
  const absolute = VALUE_AND_UNIT.exec(half);
  if (absolute) {
    return make('absolute', {
      value: toNumber(absolute[1] ?? ''),
      unit: unitOrNull((absolute[2] ?? '').replace(/以上$/, '')),
    });
  }
  return make('absolute');
}
