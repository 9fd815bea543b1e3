import { findKnownMunicipality } from '../domain/known-municipalities.js';
import { findLatestPopulation } from '../domain/municipality-populations.js';
import type { AreaKind, MunicipalityRef, Project } from '../domain/vision.js';
import type { TableSpec } from './open-data-table.js';

export type MunicipalityRow = {
  areaName: string;
  areaKind: AreaKind;
  position: number;
  municipality: MunicipalityRef;
  projectCount: number;
};

/** The area's municipalities in the document's order, each with the number of projects it takes part in. */
export function listMunicipalityRows(
  area: { name: string; kind: AreaKind; municipalities: readonly MunicipalityRef[] },
  projects: readonly Project[],
): MunicipalityRow[] {
  return area.municipalities.map((municipality, i) => ({
    areaName: area.name,
    areaKind: area.kind,
    position: i + 1,
    municipality,
    projectCount: municipality.isCentralCity
      ? projects.length
      : projects.filter((p) => p.participants.includes(municipality.name)).length,
  }));
}

const population = (r: MunicipalityRow) => findLatestPopulation(r.municipality.code);

/** municipalities.csv: one row per municipality of the area, with its own code. */
export const municipalitiesTableSpec: TableSpec<MunicipalityRow> = {
  id: 'municipalities',
  fileName: 'municipalities.csv',
  title: '圏域の市町村',
  description: '圏域を構成する中心市と連携町村。1行が1市町村。人口は出典と時点の分かるものだけを載せる。',
  columns: [
    {
      name: 'municipality_code',
      label: '全国地方公共団体コード',
      type: 'code',
      unit: null,
      description: 'この市町村の全国地方公共団体コード（6桁、検査数字を含む文字列）。不明なときは空欄。',
      value: (r) => r.municipality.code,
    },
    {
      name: 'municipality_name',
      label: '地方公共団体名',
      type: 'string',
      unit: null,
      description: '公式の表記（例: 外ヶ浜町）。',
      value: (r) => r.municipality.name,
    },
    {
      name: 'municipality_kind',
      label: '市町村の種別',
      type: 'string',
      unit: null,
      description: '市・町・村・区。分からないときは空欄。',
      value: (r) => findKnownMunicipality(r.municipality.name)?.kind ?? null,
    },
    {
      name: 'is_central_city',
      label: '中心市',
      type: 'boolean',
      unit: null,
      description: '中心市なら true、連携町村なら false。',
      value: (r) => r.municipality.isCentralCity,
    },
    {
      name: 'area_name',
      label: '圏域名',
      type: 'string',
      unit: null,
      description: '連携中枢都市圏・定住自立圏の名称。',
      value: (r) => r.areaName,
    },
    {
      name: 'area_kind',
      label: '圏域の種類',
      type: 'string',
      unit: null,
      description: '連携中枢都市圏、定住自立圏、または other。',
      value: (r) => r.areaKind,
    },
    {
      name: 'position',
      label: '掲載順',
      type: 'integer',
      unit: null,
      description: 'ビジョンでの掲載順（1 から）。',
      value: (r) => r.position,
    },
    {
      name: 'project_count',
      label: '参加事業数',
      type: 'integer',
      unit: '事業',
      description: '参加する事業の数（中心市はすべての事業）。',
      value: (r) => r.projectCount,
    },
    {
      name: 'population',
      label: '人口',
      type: 'integer',
      unit: '人',
      description: '人口（population_as_of 時点）。分からないときは空欄。',
      value: (r) => population(r)?.value ?? null,
    },
    {
      name: 'population_as_of',
      label: '人口の時点',
      type: 'string',
      unit: null,
      description: '人口の基準日（YYYY-MM-DD）。',
      value: (r) => population(r)?.asOf ?? null,
    },
    {
      name: 'population_basis',
      label: '人口の種類',
      type: 'string',
      unit: null,
      description: '国勢調査 または 推計人口。',
      value: (r) => population(r)?.basis ?? null,
    },
    {
      name: 'population_source',
      label: '人口の出典',
      type: 'string',
      unit: null,
      description: '人口の出典（統計表の名称）。',
      value: (r) => population(r)?.source ?? null,
    },
  ],
};
