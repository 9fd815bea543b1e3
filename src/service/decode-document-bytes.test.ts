import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDocumentBytes, findInvalidUtf8 } from './decode-document-bytes.js';
import { ImportRejectedError } from './import-rejected-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function rejection(bytes: Uint8Array): ImportRejectedError {
  try {
    decodeDocumentBytes('doc.txt', bytes);
  } catch (error) {
    assert.ok(error instanceof ImportRejectedError);
    return error;
  }
  assert.fail('expected a rejection');
}

test('UTF-8 text is decoded as is; a BOM is dropped', () => {
  assert.equal(decodeDocumentBytes('a.txt', utf8('事業名 1\n')), '事業名 1\n');
  assert.equal(decodeDocumentBytes('a.txt', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('計')])), '計');
  assert.equal(decodeDocumentBytes('a.txt', new Uint8Array()), '');
});

test('Shift_JIS is refused with the line and column of the first bad byte', () => {
  const error = rejection(Uint8Array.from([...utf8('一行目\n二行目の'), 0x93, 0xfa, 0x0a]));
  assert.equal(error.code, 'IMPORT_REJECTED');
  assert.equal(error.findings.length, 1);
  assert.deepEqual(
    { ...error.findings[0], message: undefined },
    { severity: 'error', code: 'unreadable_document', project: null, line: 2, excerpt: null, message: undefined },
  );
  assert.match(error.findings[0]?.message ?? '', /2行目 5文字目のバイト 0x93/);
  assert.match(error.userMessage ?? '', /^doc\.txt は取り込めません/);
});

test('UTF-16 and binary files are refused', () => {
  assert.equal(rejection(Uint8Array.from([0xff, 0xfe, 0x8b, 0x4e])).findings[0]?.line, 1);
  assert.match(rejection(Uint8Array.from([0x61, 0x0a, 0x62, 0x00, 0x63])).findings[0]?.message ?? '', /2行目に NUL/);
});

test('findInvalidUtf8 follows Unicode Table 3-7', () => {
  assert.equal(findInvalidUtf8(utf8('aあ𠮷€')), -1);
  assert.equal(findInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf])), 1, 'overlong');
  assert.equal(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0, 'surrogate');
  assert.equal(findInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), 0, 'past U+10FFFF');
  assert.equal(findInvalidUtf8(Uint8Array.from([0x61, 0xe3, 0x81])), 1, 'truncated at the end');
  assert.equal(findInvalidUtf8(Uint8Array.from([0x80])), 0, 'lone continuation byte');
});
