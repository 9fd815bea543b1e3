import { comparisonKey } from './normalize-text.js';
import type { TextLine } from './split-lines.js';

const PARTNERS_LABEL = /^(?:連携|関係|圏域|周辺|近隣|各)?(?:市)?町村$/;

/**
 * Names the central city: the municipality on the first line of each sheet's 役割分担 block
 * (「連携市町村の役割分担 | 青森市 | …」), by majority so one misplaced cell does not decide.
 */
export function findCentralCity(lines: TextLine[]): string | null {
  const votes = new Map<string, number>();
  for (const line of lines) {
    const at = line.cells.findIndex((c) => comparisonKey(c).includes('役割分担'));
    if (at < 0) continue;
    const name = line.cells.slice(at + 1).find((c) => c !== '');
    if (name && /[市町村区]$/.test(name) && !PARTNERS_LABEL.test(comparisonKey(name))) {
      votes.set(name, (votes.get(name) ?? 0) + 1);
    }
  }
  const best = [...votes.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}
