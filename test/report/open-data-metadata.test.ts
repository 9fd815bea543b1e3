import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { before, describe, test } from 'node:test';
import type { Vision } from '../../src/domain/vision.js';
import { parseDocument } from '../../src/import/parse-document.js';
import { buildCatalogFile, buildOpenDataFiles, type OpenDataFile } from '../../src/report/build-open-data-files.js';
import { readRepoText, SEED_DOCUMENT } from '../helpers/read-fixture.js';
import { findFile, readCsvBack, readJsonBack } from './read-open-data.js';

const INFO = { areaSlug: '青森圏域', seq: 1, label: 'R4年3月', publishedAt: '2026-01-05T01:02:03.000Z' };
const URLS = {
  filesBase: 'https://renkei.example.jp/downloads/%E9%9D%92%E6%A3%AE%E5%9C%8F%E5%9F%9F/1/',
  landingPage: 'https://renkei.example.jp/downloads/%E9%9D%92%E6%A3%AE%E5%9C%8F%E5%9F%9F/1',
};

type Field = {
  name: string;
  title: string;
  type: string;
  constraints?: { pattern?: string };
  trueValues?: string[];
  falseValues?: string[];
};
type Resource = {
  name: string;
  path: string;
  profile: string;
  format: string;
  mediatype: string;
  encoding: string;
  bytes: number;
  hash: string;
  dialect: Record<string, unknown>;
  schema: { fields: Field[]; missingValues: string[] };
};
type DataPackage = {
  profile: string;
  profiles: Record<string, string>;
  name: string;
  title: string;
  licenses: Array<{ path: string; title: string }>;
  resources: Resource[];
  model: {
    measures: Record<string, { source: string; resource: string; currency: string; factor: number }>;
    dimensions: Record<
      string,
      { attributes: Record<string, { source: string; resource: string }>; primaryKey: string | string[] }
    >;
  };
};

// Table Schema types (Frictionless v1) and the lexical form of each that our files use.
const VALID: Record<string, (v: string, f: Field) => boolean> = {
  string: (v, f) => (f.constraints?.pattern ? new RegExp(`^(?:${f.constraints.pattern})$`).test(v) : true),
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v, f) => [...(f.trueValues ?? []), ...(f.falseValues ?? [])].includes(v),
  year: (v) => /^\d{4}$/.test(v),
};

describe('datapackage.json (Fiscal Data Package) and catalog.jsonld (DCAT)', () => {
  let vision: Vision;
  let files: OpenDataFile[];
  let pkg: DataPackage;

  before(async () => {
    vision = parseDocument(readRepoText(SEED_DOCUMENT)).vision;
    files = await buildOpenDataFiles(vision, INFO);
    pkg = readJsonBack(findFile(files, 'datapackage.json')) as DataPackage;
  });

  test('package: the Data Package rules we can check', () => {
    // a Fiscal Data Package is a Tabular Data Package with a model (see build-fiscal-data-package.ts)
    assert.equal(pkg.profile, 'tabular-data-package');
    assert.deepEqual(pkg.profiles, { fiscal: '*', tabular: '*' });
    assert.ok(pkg.model, 'the fiscal model');
    assert.match(pkg.name, /^[-a-z0-9._/]+$/);
    assert.equal(pkg.name, 'renkei-022012-r1');
    assert.ok(pkg.title.includes('青森圏域'));
    assert.equal(pkg.licenses[0]?.path, 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0');
    assert.equal(pkg.licenses[0]?.title, '公共データ利用規約（第1.0版）');
    assert.equal(pkg.resources[0]?.name, 'budgets', 'the measure lives in the first resource');
    const names = pkg.resources.map((r) => r.name);
    assert.equal(new Set(names).size, names.length, 'resource names are unique');
    assert.deepEqual(
      [...pkg.resources.map((r) => r.path)].sort(),
      files
        .filter((f) => f.format === 'CSV')
        .map((f) => f.name)
        .sort(),
    );
  });

  test('each resource: path, encoding utf-8, CSV dialect with header and CRLF, bytes and hash of the file', () => {
    for (const resource of pkg.resources) {
      assert.match(resource.name, /^[-a-z0-9._/]+$/);
      assert.equal(resource.profile, 'tabular-data-resource');
      assert.equal(resource.format, 'csv');
      assert.equal(resource.mediatype, 'text/csv');
      assert.equal(resource.encoding, 'utf-8');
      assert.equal(resource.dialect.header, true);
      assert.equal(resource.dialect.lineTerminator, '\r\n');
      assert.equal(resource.dialect.delimiter, ',');
      const file = findFile(files, resource.path);
      assert.equal(resource.bytes, file.bytes.byteLength);
      assert.equal(resource.hash, `sha256:${createHash('sha256').update(file.bytes).digest('hex')}`);
    }
  });

  test('each schema: fields in the order of the CSV header, Table Schema types, and every value valid', () => {
    for (const resource of pkg.resources) {
      const { header, records } = readCsvBack(findFile(files, resource.path).bytes);
      const fields = resource.schema.fields;
      assert.deepEqual(
        fields.map((f) => f.name),
        header,
        resource.name,
      );
      for (const field of fields) {
        assert.ok(field.type in VALID, `${resource.name}.${field.name}: ${field.type}`);
        assert.ok(field.title, `${resource.name}.${field.name} has a Japanese title`);
      }
      for (const record of records) {
        for (const field of fields) {
          const value = record[field.name] ?? '';
          if (resource.schema.missingValues.includes(value)) continue;
          assert.ok(VALID[field.type]?.(value, field), `${resource.name}.${field.name}: ${JSON.stringify(value)}`);
        }
      }
    }
  });

  test('model: the amount measure in JPY × 1000 and every dimension attribute a field of its resource', () => {
    const amount = pkg.model.measures.amount;
    assert.deepEqual(
      [amount?.source, amount?.resource, amount?.currency, amount?.factor],
      ['amount_thousand_yen', 'budgets', 'JPY', 1000],
    );
    const fieldsOf = (name: string) => pkg.resources.find((r) => r.name === name)?.schema.fields.map((f) => f.name);
    assert.ok(fieldsOf('budgets')?.includes('amount_thousand_yen'));
    const dimensions = Object.entries(pkg.model.dimensions);
    assert.deepEqual(
      dimensions.map(([name]) => name),
      ['fiscal_year', 'project', 'policy_area', 'publisher', 'row_kind'],
    );
    for (const [name, dimension] of dimensions) {
      for (const [attribute, { source, resource }] of Object.entries(dimension.attributes)) {
        assert.ok(fieldsOf(resource)?.includes(source), `${name}.${attribute} → ${resource}.${source}`);
      }
      for (const key of [dimension.primaryKey].flat()) assert.ok(key in dimension.attributes, `${name} key ${key}`);
    }
  });

  test('catalog.jsonld: a DCAT catalogue a harvester can take', () => {
    const catalogFile = buildCatalogFile(vision, INFO, files, URLS);
    assert.equal(catalogFile.contentType, 'application/ld+json');
    const catalog = readJsonBack(catalogFile) as Record<string, unknown>;
    const context = catalog['@context'] as Record<string, string>;
    assert.equal(context.dcat, 'http://www.w3.org/ns/dcat#');
    assert.equal(context.dct, 'http://purl.org/dc/terms/');
    assert.equal(catalog['@type'], 'dcat:Catalog');
    const [dataset, ...others] = catalog['dcat:dataset'] as Record<string, unknown>[];
    assert.ok(dataset);
    assert.equal(others.length, 0, 'one dataset per area and revision');
    assert.equal(dataset['@type'], 'dcat:Dataset');
    assert.match(text(dataset['dct:title']), /青森圏域連携中枢都市圏ビジョン/);
    assert.ok(text(dataset['dct:description']).length > 0);
    const publisher = dataset['dct:publisher'] as Record<string, unknown>;
    assert.equal(text(publisher['foaf:name']), '青森市');
    assert.equal(publisher['dct:identifier'], '022012');
    const license = dataset['dct:license'] as Record<string, unknown>;
    assert.equal(license['@id'], 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0');
    assert.equal(text(license['dct:title']), '公共データ利用規約（第1.0版）');
    assert.match(text(license['rdfs:comment']), /CC BY 4\.0/);
    assert.deepEqual(dataset['dct:issued'], { '@value': INFO.publishedAt, '@type': 'xsd:dateTime' });
    assert.deepEqual(dataset['dct:modified'], { '@value': INFO.publishedAt, '@type': 'xsd:dateTime' });
    const periodicity = dataset['dct:accrualPeriodicity'] as Record<string, unknown>;
    assert.equal(periodicity['@id'], 'http://publications.europa.eu/resource/authority/frequency/ANNUAL');
    assert.match(text(periodicity['rdfs:label']), /予算/);

    const distributions = dataset['dcat:distribution'] as Record<string, unknown>[];
    assert.deepEqual(
      distributions.map((d) => (d['dcat:downloadURL'] as { '@id': string })['@id']),
      files.map((f) => `${URLS.filesBase}${f.name}`),
    );
    for (const [i, d] of distributions.entries()) {
      const file = files[i] as OpenDataFile;
      assert.equal(d['@type'], 'dcat:Distribution');
      assert.equal(
        (d['dcat:mediaType'] as { '@id': string })['@id'],
        `http://www.iana.org/assignments/media-types/${file.mediaType}`,
      );
      assert.deepEqual(d['dcat:byteSize'], {
        '@value': String(file.bytes.byteLength),
        '@type': 'xsd:nonNegativeInteger',
      });
      if (file.format === 'XLSX') {
        assert.equal(d['cnt:characterEncoding'], undefined);
      } else {
        assert.equal(d['cnt:characterEncoding'], 'UTF-8');
      }
      if (file.format === 'CSV') assert.match(text(d['dct:description']), /UTF-8（BOM付き）、改行 CRLF/);
    }
  });
});

function text(value: unknown): string {
  const literal = value as { '@value'?: string; '@language'?: string };
  assert.equal(literal['@language'], 'ja');
  return literal['@value'] ?? '';
}
