import { csvEncodingLabel, openDataLicense } from './open-data-license.js';
import type { OpenDataColumn, OpenDataTableInfo } from './open-data-table.js';

/** A CSV file the package describes, with the facts only its bytes know. */
export type PackagedCsv = { table: OpenDataTableInfo; bytes: number; sha256: string };

export type FiscalDataPackageInput = {
  /** [-a-z0-9._/]+ */
  name: string;
  title: string;
  description: string;
  publisher: { name: string; code: string | null };
  /** the vision as printed, with its revision */
  sourceTitle: string;
  /** ISO date-time the revision was published */
  createdAt: string;
  fiscalYears: readonly number[];
  /** budgets.csv first: the model's measure lives there */
  resources: readonly PackagedCsv[];
};

export const BUDGETS_RESOURCE = 'budgets';

// Frictionless CSV Dialect of every file; the BOM is said in words (the spec has no field for it).
const dialect = {
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
  skipInitialSpace: false,
  header: true,
  caseSensitiveHeader: true,
} as const;

/**
 * The `datapackage.json` of a download set: a Tabular Data Package with a Fiscal Data Package `model`.
 * Every CSV is a resource with its Table Schema (types, Japanese titles); the `model` maps budgets.csv to the
 * fiscal concepts: the measure (事業費見込額, JPY × 1000, proposed expenditure), and the dimensions fiscal year,
 * project, policy area (a functional classification), publisher (the central city) and the row kind (計).
 */
export function buildFiscalDataPackage(input: FiscalDataPackageInput): Record<string, unknown> {
  const years = [...input.fiscalYears].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  return {
    // A Fiscal Data Package is a Tabular Data Package with a `model`. The profile is named 'tabular-data-package':
    // the Fiscal Data Package JSON Schema (datapackage-js 1.1.10) nests the Tabular one, which only allows that
    // name, so a descriptor naming 'fiscal-data-package' fails it; this one passes both. `profiles` is the
    // Fiscal Data Package 0.3 way of saying which profiles apply.
    profile: 'tabular-data-package',
    profiles: { fiscal: '*', tabular: '*' },
    name: input.name,
    title: input.title,
    description: `${input.description} CSV は ${csvEncodingLabel}。金額は千円単位の整数。`,
    created: input.createdAt,
    keywords: ['連携中枢都市圏', '定住自立圏', 'ビジョン', '事業費', '成果指標', 'オープンデータ'],
    countryCode: 'JP',
    granularity: 'aggregated',
    ...(first !== undefined && last !== undefined
      ? { fiscalPeriod: { start: `${first}-04-01`, end: `${last + 1}-03-31` } }
      : {}),
    licenses: [{ path: openDataLicense.url, title: openDataLicense.title }],
    sources: [{ title: input.sourceTitle }],
    contributors: [
      {
        title: input.publisher.name,
        role: 'publisher',
        // 全国地方公共団体コード of the publisher: no Data Package field says it, so a property of our own
        municipalityCode: input.publisher.code,
      },
    ],
    resources: input.resources.map(toResource),
    model: buildModel(),
  };
}

function toResource({ table, bytes, sha256 }: PackagedCsv): Record<string, unknown> {
  return {
    profile: 'tabular-data-resource',
    name: table.id,
    path: table.fileName,
    title: table.title,
    description: `${table.description}（${csvEncodingLabel}）`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes,
    hash: `sha256:${sha256}`,
    dialect,
    schema: { fields: table.columns.map(toField), missingValues: [''] },
  };
}

function toField(column: OpenDataColumn): Record<string, unknown> {
  const description = column.unit ? `${column.description}（単位：${column.unit}）` : column.description;
  const base = { name: column.name, title: column.label, description };
  switch (column.type) {
    case 'code':
      return { ...base, type: 'string', constraints: { pattern: '[0-9]{6}' } };
    case 'boolean':
      return { ...base, type: 'boolean', trueValues: ['true'], falseValues: ['false'] };
    case 'year':
      return { ...base, type: 'year' };
    case 'integer':
    case 'number':
    case 'string':
      return { ...base, type: column.type };
  }
}

function buildModel(): Record<string, unknown> {
  const source = (field: string) => ({ source: field, resource: BUDGETS_RESOURCE });
  return {
    measures: {
      amount: {
        ...source('amount_thousand_yen'),
        title: '事業費見込額',
        currency: 'JPY',
        factor: 1000,
        direction: 'expenditure',
        phase: 'proposed',
      },
    },
    dimensions: {
      fiscal_year: {
        attributes: { year: source('fiscal_year'), wareki: { ...source('fiscal_year_wareki'), labelfor: 'year' } },
        primaryKey: 'year',
        dimensionType: 'datetime',
      },
      project: {
        attributes: { number: source('project_number'), name: { ...source('project_name'), labelfor: 'number' } },
        primaryKey: 'number',
        dimensionType: 'activity',
      },
      policy_area: {
        attributes: { role: source('role'), code: source('policy_area'), sub_field: source('sub_field') },
        primaryKey: ['role', 'code', 'sub_field'],
        dimensionType: 'classification',
        classificationType: 'functional',
      },
      publisher: {
        attributes: {
          code: source('municipality_code'),
          name: { ...source('municipality_name'), labelfor: 'code' },
          area: source('area_name'),
        },
        primaryKey: 'code',
        dimensionType: 'entity',
      },
      row_kind: {
        attributes: { is_total: source('is_total'), mark: source('mark') },
        primaryKey: ['is_total', 'mark'],
        dimensionType: 'other',
        description:
          'is_total が true の行は文書の「計」。年度別に集計するときは is_total が false の行だけを使う。mark は金額のない欄の blank（空欄）と dash（－）の区別。',
      },
    },
  };
}
