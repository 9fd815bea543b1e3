import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { DocumentReadError } from './document-read-error.js';
import { readDocxLines } from './read-docx-lines.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) =>
  zipSync({ 'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`) });
const p = (inner: string) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${inner}</w:p>`;
const r = (text: string, props = '') =>
  `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${inner}</w:tc>`;

test('tables to cells, paragraphs to lines, underlines and superscripts kept, tab stops are no tabs', () => {
  const lines = readDocxLines(
    docx(
      p(r('第4章')) +
        p(`${r('事業名')}<w:r><w:tab/></w:r>${r('1')}`) +
        `<w:tbl><w:tr>${tc(p(r('36')))}${tc(p(r('青森', '<w:u w:val="single"/>') + r('事業', '<w:u w:val="single"/>')))}${tc(p(r('○')))}</w:tr>` +
        `<w:tr>${tc(p(r('指標') + r('※', '<w:vertAlign w:val="superscript"/>')))}${tc(p(''), '<w:vMerge/>')}${tc(p(r('a')) + p(r('b')))}</w:tr></w:tbl>`,
    ),
  );
  assert.deepEqual(
    lines.map((l) => l.cells),
    [['第4章'], ['事業名', '1'], ['36', '<u>青森事業</u>', '○'], ['指標<sup>※</sup>', '', 'a b']],
  );
  assert.ok(lines.every((l) => l.page === null));
});

test('a corrupt Word file is a DocumentReadError that says what is wrong', () => {
  assert.throws(
    () => readDocxLines(strToU8('PK\u0003\u0004broken')),
    (e) => e instanceof DocumentReadError && /ZIP/.test(e.message),
  );
  assert.throws(() => readDocxLines(zipSync({ 'word/other.xml': strToU8('<a/>') })), /word\/document\.xml/);
  assert.throws(() => readDocxLines(docx('<w:p>')), /XML が壊れています/);
});
