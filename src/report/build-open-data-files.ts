import { createHash } from 'node:crypto';
import type { Vision } from '../domain/vision.js';
import { buildDcatCatalog, type CatalogDistribution } from './build-dcat-catalog.js';
import { BUDGETS_RESOURCE, buildFiscalDataPackage } from './build-fiscal-data-package.js';
import { buildOpenDataTables, describeOpenDataTables } from './build-open-data-tables.js';
import {
  buildDataDictionaryTable,
  CATALOG_FILE,
  DATA_DICTIONARY_FILE,
  DATA_PACKAGE_FILE,
  VISION_JSON_FILE,
  WORKBOOK_FILE,
} from './data-dictionary.js';
import { formatOpenDataCsv } from './format-open-data-csv.js';
import { formatOpenDataXlsx } from './format-open-data-xlsx.js';
import { csvEncodingLabel } from './open-data-license.js';
import type { OpenDataTable } from './open-data-table.js';
import { NO_RESULTS, type ResultRecords } from './result-tables.js';

/** The revision a download set is made of, as the store knows it. */
export type OpenDataRevisionInfo = {
  areaSlug: string;
  seq: number;
  /** as printed, e.g. 「R4年3月」 */
  label: string | null;
  /** ISO date-time the revision was stored (published here) */
  publishedAt: string;
};

export type OpenDataFormat = 'CSV' | 'JSON' | 'XLSX' | 'JSON-LD';

export type OpenDataFile = {
  name: string;
  title: string;
  description: string;
  format: OpenDataFormat;
  /** without parameters, e.g. text/csv */
  mediaType: string;
  /** the HTTP Content-Type header */
  contentType: string;
  /** in words, for people; null for binary files */
  encoding: string | null;
  /** data rows (without the header) for tables, null for other files */
  rowCount: number | null;
  bytes: Uint8Array;
  sha256: string;
};

const encoder = new TextEncoder();
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Every file of one revision except the catalogue (which names absolute URLs): the CSV tables, the data
 * dictionary, vision.json, the workbook and datapackage.json. Pure: the same revision gives the same files
 * (the workbook's zip may differ in timestamps only).
 */
export async function buildOpenDataFiles(
  vision: Vision,
  info: OpenDataRevisionInfo,
  results: ResultRecords = NO_RESULTS,
): Promise<OpenDataFile[]> {
  const tables = [...buildOpenDataTables(vision, results), buildDataDictionaryTable(describeOpenDataTables())];
  const csvFiles = tables.map(toCsvFile);
  const publisher = findPublisher(vision);
  const dataset = describeDataset(vision, info);
  const visionFile = toFile({
    name: VISION_JSON_FILE,
    title: 'Vision JSON（ビジョン全体）',
    description: '事業、事業費、成果指標、構成、文書の不整合をすべて含む JSON（形式は docs/vision-json.md）。',
    format: 'JSON',
    mediaType: 'application/json',
    encoding: 'UTF-8',
    rowCount: null,
    text: `${JSON.stringify(vision, null, 2)}\n`,
  });
  const workbook = await formatOpenDataXlsx(tables, {
    title: dataset.title,
    creator: publisher.name,
    description: 'CSV と同じ表を1つずつシートにしたもの。',
    createdAt: info.publishedAt,
  });
  const workbookFile = withHash({
    name: WORKBOOK_FILE,
    title: 'Excel ブック（全表）',
    description: `CSV と同じ表をシートにまとめたもの（${tables.map((t) => t.id).join('、')}）。コードは文字列のセル。`,
    format: 'XLSX',
    mediaType: XLSX_TYPE,
    contentType: XLSX_TYPE,
    encoding: null,
    rowCount: null,
    bytes: workbook,
  });
  const dataPackage = buildFiscalDataPackage({
    name: packageName(vision, info),
    title: dataset.title,
    description: dataset.description,
    publisher,
    sourceTitle: dataset.source,
    createdAt: info.publishedAt,
    fiscalYears: vision.plan.fiscalYears,
    // budgets first: a Fiscal Data Package model refers to the first resource by default
    resources: tables
      .map((table, i) => ({ table, bytes: csvFiles[i]?.bytes.byteLength ?? 0, sha256: csvFiles[i]?.sha256 ?? '' }))
      .sort((a, b) => Number(b.table.id === BUDGETS_RESOURCE) - Number(a.table.id === BUDGETS_RESOURCE)),
  });
  const packageFile = toFile({
    name: DATA_PACKAGE_FILE,
    title: 'データパッケージ（Fiscal Data Package）',
    description: 'CSV の列の型と、事業費の金額・年度・事業・連携施策の対応を記述した datapackage.json。',
    format: 'JSON',
    mediaType: 'application/json',
    encoding: 'UTF-8',
    rowCount: null,
    text: `${JSON.stringify(dataPackage, null, 2)}\n`,
  });
  return [...csvFiles, visionFile, workbookFile, packageFile];
}

/** Where the files of a revision are served, for the catalogue's links. */
export type OpenDataUrls = {
  /** absolute URL of the folder the files are served from, ending in '/' */
  filesBase: string;
  /** absolute URL of the page that lists them */
  landingPage: string;
};

/** catalog.jsonld for a revision: DCAT metadata of the dataset and one distribution per file. */
export function buildCatalogFile(
  vision: Vision,
  info: OpenDataRevisionInfo,
  files: readonly OpenDataFile[],
  urls: OpenDataUrls,
): OpenDataFile {
  const publisher = findPublisher(vision);
  const dataset = describeDataset(vision, info);
  const dictionaryUrl = `${urls.filesBase}${DATA_DICTIONARY_FILE}`;
  const distributions: CatalogDistribution[] = files.map((file) => ({
    title: file.title,
    description: file.encoding ? `${file.description}（文字コード: ${file.encoding}）` : file.description,
    downloadUrl: `${urls.filesBase}${file.name}`,
    mediaType: file.mediaType,
    fileType: file.format === 'JSON-LD' ? 'JSON_LD' : file.format,
    byteSize: file.bytes.byteLength,
    sha256: file.sha256,
    characterEncoding: file.encoding === null ? null : 'UTF-8',
    conformsTo: file.format === 'CSV' && file.name !== DATA_DICTIONARY_FILE ? dictionaryUrl : null,
  }));
  const catalog = buildDcatCatalog({
    uri: `${urls.filesBase}${CATALOG_FILE}`,
    title: `${vision.area.name} ビジョンのオープンデータ`,
    description: `${vision.area.name}の${vision.area.kind === 'other' ? '' : vision.area.kind}ビジョンを機械判読できる形で提供するカタログ。`,
    homepage: urls.landingPage,
    publisher,
    modified: info.publishedAt,
    datasets: [
      {
        uri: `${urls.filesBase}#dataset`,
        identifier: `${info.areaSlug}/${info.seq}`,
        title: dataset.title,
        description: dataset.description,
        publisher,
        issued: info.publishedAt,
        modified: info.publishedAt,
        version: String(info.seq),
        versionNotes: dataset.revisionLabel,
        landingPage: urls.landingPage,
        keywords: [vision.area.name, vision.area.kind, 'ビジョン', '事業費', '成果指標'].filter((k) => k !== 'other'),
        fiscalYears: vision.plan.fiscalYears,
        municipalities: vision.area.municipalities,
        distributions,
      },
    ],
  });
  return toFile({
    name: CATALOG_FILE,
    title: 'カタログ情報（DCAT、JSON-LD）',
    description: 'CKAN などのカタログサイトが取り込めるメタデータ（DCAT-AP 形式）。',
    format: 'JSON-LD',
    mediaType: 'application/ld+json',
    encoding: 'UTF-8',
    rowCount: null,
    text: `${JSON.stringify(catalog, null, 2)}\n`,
  });
}

/**
 * The name a downloaded file is saved under: area code (or slug), revision and file, ASCII when possible.
 * @example downloadFileName(vision, { seq: 1, … }, 'budgets.csv') // 'renkei-022012-r1-budgets.csv'
 */
export function downloadFileName(vision: Vision, info: Pick<OpenDataRevisionInfo, 'areaSlug' | 'seq'>, name: string) {
  return `${packageName(vision, info)}-${name}`;
}

function packageName(vision: Vision, info: Pick<OpenDataRevisionInfo, 'areaSlug' | 'seq'>): string {
  const code = findPublisher(vision).code;
  const key = code ?? (/^[-a-z0-9._]+$/.test(info.areaSlug) ? info.areaSlug : 'area');
  return `renkei-${key}-r${info.seq}`;
}

function findPublisher(vision: Vision): { name: string; code: string | null } {
  const central = vision.area.municipalities.find((m) => m.isCentralCity);
  return { name: central?.name ?? vision.area.name, code: central?.code ?? null };
}

function describeDataset(vision: Vision, info: OpenDataRevisionInfo) {
  const revisionLabel = info.label ?? vision.plan.revision?.label ?? null;
  const version = `第${info.seq}版${revisionLabel ? `・${revisionLabel}` : ''}`;
  const years = vision.plan.fiscalYears;
  const span = years.length > 0 ? `${Math.min(...years)}〜${Math.max(...years)}年度` : '';
  return {
    title: `${vision.plan.title} オープンデータ（${version}）`,
    source: `${vision.plan.title}（${version}）`,
    revisionLabel: revisionLabel && `${revisionLabel}変更`,
    description:
      `${vision.plan.title}に載る${vision.projects.length}事業の事業費見込額（${span}、千円）、成果指標、参加市町村、` +
      '文書の不整合。各行に全国地方公共団体コードを付ける。',
  };
}

function toCsvFile(table: OpenDataTable): OpenDataFile {
  return toFile({
    name: table.fileName,
    title: table.title,
    description: table.description,
    format: 'CSV',
    mediaType: 'text/csv',
    encoding: csvEncodingLabel,
    rowCount: table.rows.length,
    text: formatOpenDataCsv(table),
  });
}

type FileFacts = Omit<OpenDataFile, 'bytes' | 'sha256' | 'contentType'> & { text: string };

function toFile({ text, ...facts }: FileFacts): OpenDataFile {
  // JSON defines no charset parameter (RFC 8259: always UTF-8); CSV needs it, its default is US-ASCII
  const contentType = facts.mediaType === 'text/csv' ? `${facts.mediaType}; charset=utf-8` : facts.mediaType;
  return withHash({ ...facts, contentType, bytes: encoder.encode(text) });
}

function withHash(file: Omit<OpenDataFile, 'sha256'>): OpenDataFile {
  return { ...file, sha256: createHash('sha256').update(file.bytes).digest('hex') };
}
