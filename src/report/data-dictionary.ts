import { FORMULA_RULE_JA } from './neutralize-formula.js';
import {
  columnTypeLabels,
  describeTable,
  fillTable,
  type OpenDataTable,
  type OpenDataTableInfo,
  type TableSpec,
} from './open-data-table.js';
import { visionJsonFields } from './vision-json-fields.js';

/** One line of the data dictionary: a column of a CSV file or a field of a JSON file. */
export type DictionaryEntry = {
  file: string;
  column: string;
  label: string;
  type: string;
  unit: string | null;
  description: string;
};

export const DATA_DICTIONARY_FILE = 'data-dictionary.csv';
export const VISION_JSON_FILE = 'vision.json';
export const WORKBOOK_FILE = 'open-data.xlsx';
export const DATA_PACKAGE_FILE = 'datapackage.json';
export const CATALOG_FILE = 'catalog.jsonld';

const dictionarySpec: TableSpec<DictionaryEntry> = {
  id: 'data-dictionary',
  fileName: DATA_DICTIONARY_FILE,
  title: 'データ辞書',
  description: `すべての提供ファイルの列（JSON では項目）の名前、日本語名、型、単位、説明。CSV では、${FORMULA_RULE_JA}`,
  columns: [
    {
      name: 'file',
      label: 'ファイル',
      type: 'string',
      unit: null,
      description: '説明するファイルの名前。',
      value: (e) => e.file,
    },
    {
      name: 'column',
      label: '列名',
      type: 'string',
      unit: null,
      description: 'CSV の列名（見出し行の値）、JSON では項目のパス。',
      value: (e) => e.column,
    },
    {
      name: 'label',
      label: '日本語名',
      type: 'string',
      unit: null,
      description: '列の日本語名。',
      value: (e) => e.label,
    },
    {
      name: 'type',
      label: '型',
      type: 'string',
      unit: null,
      description:
        'string、code（全国地方公共団体コード、文字列）、integer、number、boolean、year（西暦年度）、JSON では JSON の型。',
      value: (e) => e.type,
    },
    {
      name: 'unit',
      label: '単位',
      type: 'string',
      unit: null,
      description: '値の単位。なければ空欄。',
      value: (e) => e.unit,
    },
    {
      name: 'description',
      label: '説明',
      type: 'string',
      unit: null,
      description: '値の意味と、空欄になる場合。',
      value: (e) => e.description,
    },
  ],
};

/**
 * The data dictionary of a download set as a table (so it is itself a CSV file and a sheet of the workbook):
 * every column of every CSV, every field of vision.json, and a line for each metadata file.
 */
export function buildDataDictionaryTable(tables: readonly OpenDataTableInfo[]): OpenDataTable {
  return fillTable(dictionarySpec, listDictionaryEntries(tables));
}

export function listDictionaryEntries(tables: readonly OpenDataTableInfo[]): DictionaryEntry[] {
  const csvEntries = [...tables, describeTable(dictionarySpec)].flatMap((table) =>
    table.columns.map((column) => ({
      file: table.fileName,
      column: column.name,
      label: column.label,
      type: column.type,
      unit: column.unit,
      description: `${column.description}（${columnTypeLabels[column.type]}）`,
    })),
  );
  const jsonEntries = visionJsonFields.map((field) => ({
    file: VISION_JSON_FILE,
    column: field.path,
    label: field.label,
    type: field.type,
    unit: field.unit,
    description: field.description,
  }));
  const sheetNames = tables.map((t) => t.id).join('、');
  return [
    ...csvEntries,
    ...jsonEntries,
    {
      file: WORKBOOK_FILE,
      column: '',
      label: 'Excel ブック',
      type: 'xlsx',
      unit: null,
      description: `CSV と同じ表を1つずつシートにしたもの（${sheetNames}、data-dictionary）。列は同名の CSV と同じ。`,
    },
    {
      file: DATA_PACKAGE_FILE,
      column: '',
      label: 'データパッケージ記述子',
      type: 'json',
      unit: null,
      description:
        'Frictionless Data Package（Fiscal Data Package）形式で CSV の列の型を記述し、事業費を金額・年度・事業などの次元に対応づける。',
    },
    {
      file: CATALOG_FILE,
      column: '',
      label: 'カタログ情報',
      type: 'json-ld',
      unit: null,
      description:
        'DCAT（DCAT-AP）形式のメタデータ。表題、公開者とそのコード、利用条件、公開日、更新頻度、各ファイルの形式・大きさ・文字コード。',
    },
  ];
}
