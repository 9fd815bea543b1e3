import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDocumentBytes, decodeDocumentText, findInvalidUtf8 } from './decode-document-bytes.js';
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

test('Shift_JIS (CP932) text is decoded, extensions included: ①, ㈱, NEC and IBM kanji', () => {
  // 「事業名 ①」 + 髙 (IBM extension 0xFBFC) + ㈱ (NEC row 13, 0x878A), as Excel and Notepad on Windows save them
  const bytes = Uint8Array.from([0x8e, 0x96, 0x8b, 0xc6, 0x96, 0xbc, 0x20, 0x87, 0x40, 0xfb, 0xfc, 0x87, 0x8a, 0x0a]);
  assert.deepEqual(decodeDocumentText('a.txt', bytes), { text: '事業名 ①髙㈱\n', encoding: 'shift_jis' });
});

test('EUC-JP text is decoded when it is not Shift_JIS', () => {
  // 「青森」 in EUC-JP: 0xC0C4 0xBFB9 (0xC0 0xC4 is no Shift_JIS pair: 0xC4 is a half-width katakana lead)
  const text = decodeDocumentText('a.txt', Uint8Array.from([0xc0, 0xc4, 0xbf, 0xb9]));
  assert.ok(text.encoding === 'euc-jp' || text.encoding === 'shift_jis');
});

test('bytes that no Japanese encoding reads are refused with the line and column of the first bad byte', () => {
  const error = rejection(Uint8Array.from([...utf8('一行目\n二行目の'), 0x81, 0x7f, 0xff, 0x0a]));
  assert.equal(error.code, 'IMPORT_REJECTED');
  assert.equal(error.findings[0]?.line, 2);
  assert.match(error.findings[0]?.message ?? '', /2行目 5文字目のバイト 0x81/);
  assert.match(error.userMessage ?? '', /^doc\.txt は取り込めません/);
});

test('UTF-16 with a BOM is decoded; a NUL byte (binary, or UTF-16 without BOM) is refused', () => {
  assert.deepEqual(decodeDocumentText('a.txt', Uint8Array.from([0xff, 0xfe, 0x8b, 0x4e])), {
    text: '事',
    encoding: 'utf-16le',
  });
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
