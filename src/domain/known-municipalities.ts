/**
 * Looks up municipality names read from documents in the embedded registry.
 * Only the comparison goes through normalisation: callers keep and store the name as printed.
 */
import { KNOWN_MUNICIPALITIES, type KnownMunicipality } from './known-municipalities-data.js';

// ヶ (and ケ, ヵ, カ typed for it) between two kanji is the particle "ga/ke" of place names: 外ヶ浜, 六ヶ所.
// Folding it only there leaves katakana words alone.
const CONNECTIVE_KE = /(?<=\p{Script=Han})[ヶケヵカ](?=\p{Script=Han})/gu;

/**
 * A comparison key for a municipality name, never a name to show or store: NFKC (full-width and
 * half-width forms), no spaces (tables space names out, 「平　内　町」), and the connective small ke folded.
 * @example normalizeMunicipalityName('外ｹ浜町') === normalizeMunicipalityName('外ヶ浜町') // true
 */
export function normalizeMunicipalityName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(CONNECTIVE_KE, 'ヶ');
}

const AMBIGUOUS = 'ambiguous';

// Built once from constant data. A key two entries share maps to AMBIGUOUS: answering with either
// code could be wrong, and a wrong code is worse than none.
const BY_NAME: ReadonlyMap<string, KnownMunicipality | typeof AMBIGUOUS> = (() => {
  const index = new Map<string, KnownMunicipality | typeof AMBIGUOUS>();
  for (const entry of KNOWN_MUNICIPALITIES) {
    const keys = new Set([entry.name, ...(entry.alsoWritten ?? [])].map(normalizeMunicipalityName));
    for (const key of keys) index.set(key, index.has(key) ? AMBIGUOUS : entry);
  }
  return index;
})();

/**
 * The registry entry for a name as printed, or undefined when unknown or ambiguous.
 * @example findKnownMunicipality('外ケ浜町')?.kind // '町'
 */
export function findKnownMunicipality(name: string): KnownMunicipality | undefined {
  const found = BY_NAME.get(normalizeMunicipalityName(name));
  return found === AMBIGUOUS ? undefined : found;
}

/**
 * The 全国地方公共団体コード for a name as printed, or undefined.
 * @example findMunicipalityCode('外ケ浜町') // '023078'
 */
export function findMunicipalityCode(name: string): string | undefined {
  return findKnownMunicipality(name)?.code;
}

/**
 * The official spelling of a name as printed, or undefined.
 * @example canonicalMunicipalityName('外ケ浜町') // '外ヶ浜町'
 */
export function canonicalMunicipalityName(name: string): string | undefined {
  return findKnownMunicipality(name)?.name;
}
