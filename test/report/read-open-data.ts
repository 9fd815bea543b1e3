import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { OpenDataFile } from '../../src/report/build-open-data-files.js';

export type CsvRecord = Record<string, string>;

/**
 * Reads an open-data CSV back the strict way: the bytes start with the UTF-8 BOM, every record ends in CRLF
 * (a bare LF between records would make the column count wrong), the header is the first row.
 */
export function readCsvBack(bytes: Uint8Array): { header: string[]; records: CsvRecord[] } {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
  // ignoreBOM keeps the BOM in the text: the decoder would drop it silently otherwise
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  assert.equal(text.charAt(0), '\uFEFF');
  assert.ok(text.endsWith('\r\n'), 'the last record ends in CRLF');
  const rows: string[][] = parse(text.slice(1), { record_delimiter: '\r\n', relax_column_count: false });
  const [header, ...body] = rows;
  assert.ok(header, 'a header row');
  return {
    header,
    records: body.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? '']))),
  };
}

export function findFile(files: readonly OpenDataFile[], name: string): OpenDataFile {
  const file = files.find((f) => f.name === name);
  assert.ok(file, `file ${name}`);
  return file;
}

export function readJsonBack(file: OpenDataFile): unknown {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
  assert.notEqual(text.charCodeAt(0), 0xfeff, 'JSON has no BOM');
  return JSON.parse(text);
}

/** An xlsx file read with ExcelJS (its types want its own Buffer, an ArrayBuffer; the zip reader takes either). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}
