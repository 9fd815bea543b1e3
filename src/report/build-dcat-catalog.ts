import { openDataLicense, updateFrequency } from './open-data-license.js';

export type CatalogPublisher = { name: string; code: string | null };

export type CatalogDistribution = {
  title: string;
  description: string;
  downloadUrl: string;
  /** IANA media type without parameters, e.g. text/csv */
  mediaType: string;
  /** EU file-type authority code: CSV, JSON, XLSX, JSON_LD */
  fileType: string;
  byteSize: number;
  sha256: string;
  /** 'UTF-8' for text files, null for binary ones */
  characterEncoding: string | null;
  /** a document the file follows (its data dictionary, its schema) */
  conformsTo: string | null;
};

export type CatalogDataset = {
  uri: string;
  identifier: string;
  title: string;
  description: string;
  publisher: CatalogPublisher;
  /** ISO date-times */
  issued: string;
  modified: string;
  version: string;
  versionNotes: string | null;
  landingPage: string;
  keywords: readonly string[];
  fiscalYears: readonly number[];
  municipalities: readonly { code: string | null; name: string }[];
  distributions: readonly CatalogDistribution[];
};

export type CatalogInput = {
  uri: string;
  title: string;
  description: string;
  homepage: string;
  publisher: CatalogPublisher;
  modified: string;
  datasets: readonly CatalogDataset[];
};

const context = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  cnt: 'http://www.w3.org/2011/content#',
  adms: 'http://www.w3.org/ns/adms#',
  spdx: 'http://spdx.org/rdf/terms#',
} as const;

const EU = 'http://publications.europa.eu/resource/authority';
const ja = (value: string) => ({ '@value': value, '@language': 'ja' });
const dateTime = (iso: string) => ({ '@value': iso, '@type': 'xsd:dateTime' });
const date = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });

/**
 * A DCAT (DCAT-AP style) catalogue in JSON-LD that CKAN (ckanext-dcat) and other harvesters read: a
 * dcat:Catalog with a dcat:Dataset per area and revision, each with its publisher (name and 全国地方公共団体コード),
 * licence (公共データ利用規約 第1.0版, compatible with CC BY 4.0), dates, update frequency and one
 * dcat:Distribution per file (media type, size, checksum, character encoding; BOM and CRLF in its description).
 */
export function buildDcatCatalog(input: CatalogInput): Record<string, unknown> {
  return {
    '@context': context,
    '@id': input.uri,
    '@type': 'dcat:Catalog',
    'dct:title': ja(input.title),
    'dct:description': ja(input.description),
    'dct:publisher': toAgent(input.publisher),
    'dct:language': { '@id': `${EU}/language/JPN` },
    'dct:license': licenseNode(),
    'foaf:homepage': { '@id': input.homepage },
    'dct:modified': dateTime(input.modified),
    'dcat:dataset': input.datasets.map(toDataset),
  };
}

function toAgent(publisher: CatalogPublisher): Record<string, unknown> {
  return {
    '@type': 'foaf:Organization',
    'foaf:name': ja(publisher.name),
    ...(publisher.code === null ? {} : { 'dct:identifier': publisher.code }),
    'rdfs:comment': ja('dct:identifier は全国地方公共団体コード（6桁）'),
  };
}

function licenseNode(): Record<string, unknown> {
  return {
    '@id': openDataLicense.url,
    '@type': 'dct:LicenseDocument',
    'dct:title': ja(openDataLicense.title),
    'rdfs:comment': ja(openDataLicense.note),
    'rdfs:seeAlso': { '@id': openDataLicense.compatibleWith.url },
  };
}

function toDataset(dataset: CatalogDataset): Record<string, unknown> {
  const years = [...dataset.fiscalYears].sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  return {
    '@id': dataset.uri,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.identifier,
    'dct:title': ja(dataset.title),
    'dct:description': ja(dataset.description),
    'dct:publisher': toAgent(dataset.publisher),
    'dct:license': licenseNode(),
    'dct:issued': dateTime(dataset.issued),
    'dct:modified': dateTime(dataset.modified),
    'dct:accrualPeriodicity': { '@id': updateFrequency.uri, 'rdfs:label': ja(updateFrequency.label) },
    'dct:language': { '@id': `${EU}/language/JPN` },
    'dcat:version': dataset.version,
    ...(dataset.versionNotes === null ? {} : { 'adms:versionNotes': ja(dataset.versionNotes) }),
    'dcat:landingPage': { '@id': dataset.landingPage },
    'dcat:keyword': dataset.keywords.map(ja),
    ...(first !== undefined && last !== undefined
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': date(`${first}-04-01`),
            'dcat:endDate': date(`${last + 1}-03-31`),
          },
        }
      : {}),
    'dct:spatial': dataset.municipalities.map((m) => ({
      '@type': 'dct:Location',
      'rdfs:label': ja(m.name),
      ...(m.code === null ? {} : { 'dct:identifier': m.code }),
    })),
    'dcat:distribution': dataset.distributions.map(toDistribution),
  };
}

function toDistribution(d: CatalogDistribution): Record<string, unknown> {
  return {
    '@id': d.downloadUrl,
    '@type': 'dcat:Distribution',
    'dct:title': ja(d.title),
    'dct:description': ja(d.description),
    'dcat:accessURL': { '@id': d.downloadUrl },
    'dcat:downloadURL': { '@id': d.downloadUrl },
    'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${d.mediaType}` },
    'dct:format': { '@id': `${EU}/file-type/${d.fileType}` },
    'dcat:byteSize': { '@value': String(d.byteSize), '@type': 'xsd:nonNegativeInteger' },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
      'spdx:checksumValue': d.sha256,
    },
    ...(d.characterEncoding === null ? {} : { 'cnt:characterEncoding': d.characterEncoding }),
    ...(d.conformsTo === null ? {} : { 'dct:conformsTo': { '@id': d.conformsTo } }),
    'dct:license': { '@id': openDataLicense.url },
  };
}
