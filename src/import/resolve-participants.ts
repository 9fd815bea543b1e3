import { canonicalMunicipalityName } from '../domain/known-municipalities.js';
import { comparisonKey } from './normalize-text.js';

const ALL = /^(?:全市町村|全町村|全て|すべて|全域|圏域全体|全構成市町村)$/;

/** The partners a 関係市町村 text names: all of them for 全市町村, else the listed ones, plus unknown names. */
export function readRelatedMunicipalities(
  text: string | null,
  partners: string[],
  centralCity: string | null,
): { indexes: number[] | null; unknown: string[] } {
  if (text === null || text.trim() === '') return { indexes: null, unknown: [] };
  const cityKey = centralCity === null ? null : comparisonKey(centralCity);
  if (ALL.test(comparisonKey(text))) {
    return { indexes: partners.flatMap((p, i) => (comparisonKey(p) === cityKey ? [] : [i])), unknown: [] };
  }
  const names = text
    .split(/[、，,・･／/]+|及び|および/)
    .map((n) => n.replace(/\s+/g, ''))
    .filter((n) => n !== '');
  const indexes: number[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const key = comparisonKey(canonicalMunicipalityName(name) ?? name);
    if (key === cityKey) continue;
    // a name may be printed without its 町/村 (「外ヶ浜」), never shorter than two characters
    const i = partners.findIndex(
      (p) => comparisonKey(p) === key || (key.length >= 2 && comparisonKey(p).startsWith(key)),
    );
    if (i >= 0) indexes.push(i);
    else unknown.push(name);
  }
  return { indexes: [...new Set(indexes)].sort((a, b) => a - b), unknown };
}

/** Picks the reading of the ○ cells that agrees with 関係市町村 when one does, else the best one. */
export function chooseMarkReading(readings: number[][], related: number[] | null): number[] {
  if (related) {
    const match = readings.find((r) => r.length === related.length && r.every((v, i) => v === related[i]));
    if (match) return match;
  }
  return readings[0] ?? [];
}
