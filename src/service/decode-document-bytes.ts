import type { Finding } from '../domain/vision.js';
import { ImportRejectedError } from './import-rejected-error.js';

/**
 * Decodes an uploaded document as UTF-8, strictly: a byte sequence that is not UTF-8 (Shift_JIS, UTF-16,
 * a binary file) is refused with the line of the first bad byte, never replaced by U+FFFD and parsed anyway.
 * A leading BOM is dropped.
 */
export function decodeDocumentBytes(fileName: string, bytes: Uint8Array): string {
  const invalidAt = findInvalidUtf8(bytes);
  if (invalidAt >= 0) {
    const { line, column } = locate(bytes, invalidAt);
    const byte = (bytes[invalidAt] as number).toString(16).toUpperCase().padStart(2, '0');
    throw reject(fileName, line, {
      message: `${line}行目 ${column}文字目のバイト 0x${byte} は UTF-8 として読めません。Shift_JIS など別の文字コードで保存されている可能性があります。UTF-8 で保存し直してください。`,
    });
  }
  const nulAt = bytes.indexOf(0);
  if (nulAt >= 0) {
    const { line } = locate(bytes, nulAt);
    throw reject(fileName, line, {
      message: `${line}行目に NUL バイトがあります。テキストファイルではありません（バイナリ、または UTF-16）。`,
    });
  }
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
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
