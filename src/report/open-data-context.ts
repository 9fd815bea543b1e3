import { formatWarekiFiscalYear } from '../domain/fiscal-year.js';
import type { AreaKind, MunicipalityRef, Role, Vision } from '../domain/vision.js';
import type { ColumnSpec } from './open-data-table.js';

/** What every row of an area-level table repeats: the area and its central city (whose code the row carries). */
export type AreaContext = {
  areaName: string;
  areaKind: AreaKind;
  centralCity: MunicipalityRef | null;
  structure: readonly Role[];
};

/** A record of an area-level table: the area and the thing the row is about. */
export type AreaRecord<T> = { ctx: AreaContext; item: T };

export function toAreaContext(vision: Vision): AreaContext {
  return {
    areaName: vision.area.name,
    areaKind: vision.area.kind,
    centralCity: vision.area.municipalities.find((m) => m.isCentralCity) ?? null,
    structure: vision.structure,
  };
}

export function toAreaRecords<T>(ctx: AreaContext, items: readonly T[]): AreaRecord<T>[] {
  return items.map((item) => ({ ctx, item }));
}

/**
 * The first columns of every area-level file: the central city's 全国地方公共団体コード and name, then the area.
 * Rows about one municipality (municipalities.csv, participation.csv) use that municipality's code instead.
 */
export function areaColumns<R extends { ctx: AreaContext }>(): ColumnSpec<R>[] {
  return [
    {
      name: 'municipality_code',
      label: '全国地方公共団体コード',
      type: 'code',
      unit: null,
      description:
        '中心市の全国地方公共団体コード（6桁、検査数字を含む文字列）。圏域単位のデータなので中心市のコードを入れる。不明なときは空欄。',
      value: (r) => r.ctx.centralCity?.code ?? null,
    },
    {
      name: 'municipality_name',
      label: '地方公共団体名',
      type: 'string',
      unit: null,
      description: '中心市の名称（公式の表記）。',
      value: (r) => r.ctx.centralCity?.name ?? null,
    },
    {
      name: 'area_name',
      label: '圏域名',
      type: 'string',
      unit: null,
      description: '連携中枢都市圏・定住自立圏の名称（ビジョンの表題から読み取ったもの）。',
      value: (r) => r.ctx.areaName,
    },
  ];
}

/** Titles of a project's placement (役割 → 連携施策 → 分野) as the sheets print them; null when unknown. */
export function findPlacementTitles(
  structure: readonly Role[],
  placement: { role: number; policyArea: number; subField: number | null },
): { role: string | null; policyArea: string | null; subField: string | null } {
  const role = structure.find((r) => r.role === placement.role);
  const policyArea = role?.policyAreas.find((a) => a.no === placement.policyArea);
  const subField =
    placement.subField === null ? undefined : policyArea?.subFields.find((s) => s.no === placement.subField);
  return { role: role?.title ?? null, policyArea: policyArea?.title ?? null, subField: subField?.title ?? null };
}

/**
 * The 和暦 label of a 西暦 fiscal year, or null: formatWarekiFiscalYear knows 令和 and 平成 only, so an older
 * year keeps its western form alone.
 * @example warekiLabel(2022) // '令和4年度'
 */
export function warekiLabel(fiscalYear: number | null): string | null {
  return fiscalYear === null || fiscalYear < 1989 ? null : formatWarekiFiscalYear(fiscalYear);
}
