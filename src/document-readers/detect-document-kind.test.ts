import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { detectDocumentKind } from './detect-document-kind.js';

test('the kind of a file comes from its bytes', () => {
  assert.equal(detectDocumentKind(strToU8('%PDF-1.7\n…')), 'pdf');
  assert.equal(detectDocumentKind(strToU8('\n\n%PDF-1.4 after junk')), 'pdf');
  assert.equal(detectDocumentKind(zipSync({ 'word/document.xml': strToU8('<w:document/>') })), 'docx');
  assert.equal(detectDocumentKind(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })), 'xlsx');
  assert.equal(detectDocumentKind(zipSync({ 'a.txt': strToU8('a') })), 'zip');
  assert.equal(detectDocumentKind(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), 'ole');
  assert.equal(detectDocumentKind(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0, 1])), 'binary');
  assert.equal(detectDocumentKind(strToU8('事業名\t1\t懇談会\n')), 'text');
  assert.equal(detectDocumentKind(Uint8Array.from([0x8e, 0x96, 0x8b, 0xc6])), 'text', 'Shift_JIS is text');
  assert.equal(detectDocumentKind(Uint8Array.from([0xff, 0xfe, 0x8b, 0x4e, 0, 0])), 'text', 'UTF-16 with BOM');
});
