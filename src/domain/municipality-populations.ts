/** A dated population figure with its source, as published (see shared/reference/municipalities.json). */
export type Population = { basis: '国勢調査' | '推計人口'; asOf: string; value: number; source: string };

// Keyed by 全国地方公共団体コード. Sources: 青森県 推計人口 第7表 (2022-10-01), 2020 国勢調査 第1表.
const POPULATIONS: Readonly<Record<string, readonly Population[]>> = {
  '022012': [
    { basis: '国勢調査', asOf: '2020-10-01', value: 275192, source: '2020年国勢調査 第1表' },
    { basis: '推計人口', asOf: '2022-10-01', value: 268556, source: '青森県 推計人口 第7表' },
  ],
  '023019': [{ basis: '推計人口', asOf: '2022-10-01', value: 9696, source: '青森県 推計人口 第7表' }],
  '023035': [{ basis: '推計人口', asOf: '2022-10-01', value: 2145, source: '青森県 推計人口 第7表' }],
  '023078': [{ basis: '推計人口', asOf: '2022-10-01', value: 5043, source: '青森県 推計人口 第7表' }],
  '023043': [{ basis: '推計人口', asOf: '2022-10-01', value: 2453, source: '青森県 推計人口 第7表' }],
};

/**
 * The newest population known for a municipality, or undefined: figures of different dates are never mixed.
 * @example findLatestPopulation('023078')?.value // 5043
 */
export function findLatestPopulation(code: string | null): Population | undefined {
  if (code === null) return undefined;
  const list = POPULATIONS[code] ?? [];
  return [...list].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
}
