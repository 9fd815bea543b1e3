import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zipSync } from 'fflate';
import { checkZipLimits } from './check-zip-limits.js';
import { DocumentReadError } from './document-read-error.js';

test('a zip that unpacks to far more than it weighs is refused before anything is inflated', () => {
  const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
  assert.throws(
    () => checkZipLimits(bomb),
    (error) => error instanceof DocumentReadError && /上限/.test(error.message),
  );
});

test('an ordinary zip passes; bytes that are no zip are refused', () => {
  checkZipLimits(zipSync({ 'xl/workbook.xml': new TextEncoder().encode('<workbook/>'.repeat(50)) }));
  assert.throws(() => checkZipLimits(new TextEncoder().encode('not a zip')), DocumentReadError);
});
