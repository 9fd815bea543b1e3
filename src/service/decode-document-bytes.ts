import type { Finding } from '../domain/vision.js';
import { ImportRejectedError } from './import-rejected-error.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

/** Names as people know them, for the finding that says how the bytes were read. */
const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  shift_jis: 'Shift_JIS（CP932）',
  'euc-jp': 'EUC-JP',
};

export function encodingName(encoding: TextEncoding): string {
  return ENCODING_NAMES[encoding];
}

function tryDecode(encoding: TextEncoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decodes an uploaded text document: UTF-8 (a leading BOM dropped) or UTF-16 with its BOM; bytes that are not
 * UTF-8 are tried as Shift_JIS (the WHATWG decoder Node's ICU provides is CP932: ①, ㈱, NEC and IBM
 * extensions) and then EUC-JP, strictly: a byte sequence that none of them reads is refused with the line of the
 * first bad byte, never replaced by U+FFFD and parsed anyway.
 */
export function decodeDocumentText(fileName: string, bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: tryDecodeOrReject('utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: tryDecodeOrReject('utf-16be'), encoding: 'utf-16be' };
  const nulAt = bytes.indexOf(0);
  if (nulAt >= 0) {
    const { line } = locate(bytes, nulAt);
    throw reject(fileName, line, {
      message: `${line}行目に NUL バイトがあります。ビジョン文書のテキストではありません（バイナリファイル、または BOM のない UTF-16）。`,
    });
  }
  const invalidAt = findInvalidUtf8(bytes);
  if (invalidAt < 0)
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  for (const encoding of ['shift_jis', 'euc-jp'] as const) {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return { text, encoding };
  }
  const { line, column } = locate(bytes, invalidAt);
  const byte = (bytes[invalidAt] as number).toString(16).toUpperCase().padStart(2, '0');
  throw reject(fileName, line, {
    message: `${line}行目 ${column}文字目のバイト 0x${byte} は UTF-8 として読めません（Shift_JIS・EUC-JP としても読めません）。文字コードを UTF-8 にして保存し直してください。`,
  });

  function tryDecodeOrReject(encoding: TextEncoding): string {
    const text = tryDecode(encoding, bytes);
    if (text !== undefined) return text;
    throw reject(fileName, 1, {
      message: `BOM は ${encodingName(encoding)} ですが、その文字コードとして読めないバイトがあります。`,
    });
  }
}

/** The text of decodeDocumentText, for callers that do not report the encoding. */
export function decodeDocumentBytes(fileName: string, bytes: Uint8Array): string {
  return decodeDocumentText(fileName, bytes).text;
}

function reject(fileName: string, line: number, detail: { message: string }): ImportRejectedError {
  const finding: Finding = {
    severity: 'error',
    code: 'unreadable_document',
    project: null,
    line,
    excerpt: null,
    message: detail.message,
  };
  return new ImportRejectedError(fileName, [finding]);
}

/** 1-based line and character column of a byte offset (the bytes before it are valid UTF-8). */
function locate(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (Unicode Table 3-7:
 * no overlong forms, no surrogates, nothing past U+10FFFF), or -1 when all of it is UTF-8.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(b);
    if (length === 0) return i;
    const [low, high] = secondByteRange(b);
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c < min || c > max) return i;
    }
    i += length;
  }
  return -1;
}

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function secondByteRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
