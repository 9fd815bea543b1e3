/**
 * Gives each item of a new revision the key of the item it continues in the previous revision.
 *
 * `passes` are tried in order; each maps an item to a comparison string, and an item takes the key of the first
 * still-unclaimed previous item with the same string. An item that no pass matches gets `undefined` (a new key).
 * Each previous key is given at most once.
 *
 * @example
 * matchStableKeys([{ key: 7, item: 'a' }], ['b', 'a'], [(s) => s]) // → [undefined, 7]
 */
export function matchStableKeys<T>(
  previous: ReadonlyArray<{ key: number; item: T }>,
  current: readonly T[],
  passes: ReadonlyArray<(item: T) => string>,
): Array<number | undefined> {
  const keys: Array<number | undefined> = current.map(() => undefined);
  const claimed = new Set<number>();
  for (const toComparable of passes) {
    const unclaimedByValue = new Map<string, number[]>();
    for (const { key, item } of previous) {
      if (claimed.has(key)) continue;
      const value = toComparable(item);
      const list = unclaimedByValue.get(value);
      if (list) list.push(key);
      else unclaimedByValue.set(value, [key]);
    }
    current.forEach((item, index) => {
      if (keys[index] !== undefined) return;
      const key = unclaimedByValue.get(toComparable(item))?.shift();
      if (key === undefined) return;
      claimed.add(key);
      keys[index] = key;
    });
  }
  return keys;
}

/** Comparison form of a name: NFKC (full-width → half-width, ① → 1) with every space removed. */
export function toComparableName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}

type ProjectIdentity = { number: number; name: string };

/** A project keeps its key when number and name match, else when the name matches, else when the number does. */
export const projectKeyPasses: ReadonlyArray<(project: ProjectIdentity) => string> = [
  (p) => `${p.number}\u0000${toComparableName(p.name)}`,
  (p) => toComparableName(p.name),
  (p) => String(p.number),
];

type KpiIdentity = { indicator: string; position: number };

/** A KPI keeps its key (within its project) when the indicator matches, else at the same position. */
export const kpiKeyPasses: ReadonlyArray<(kpi: KpiIdentity) => string> = [
  (k) => toComparableName(k.indicator),
  (k) => String(k.position),
];
