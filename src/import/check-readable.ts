import type { Finding } from '../domain/vision.js';

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function error(text: string, index: number, message: string): Finding {
  const line = lineOf(text, index);
  return { severity: 'error', code: 'unreadable_document', project: null, line, excerpt: null, message };
}

// C0 controls other than tab, line feed and carriage return do not occur in a text extraction.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * Refuses what is not the text of a document: an empty file, a binary file, or bytes that were not UTF-8
 * (U+FFFD left by the decoder, as Shift_JIS gives). Returns the error finding, or undefined when readable.
 */
export function checkReadable(text: string): Finding | undefined {
  if (text.replace(/^\uFEFF/, '').trim() === '') return error(text, 0, '文書が空です');
  const control = CONTROL.exec(text);
  if (control) return error(text, control.index, 'バイナリファイルのようです（制御文字があります）。文書のテキストを指定してください');
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    return error(text, replacement, 'UTF-8として読めない文字があります。Shift_JISなど別の文字コードの場合はUTF-8に変換してください');
  }
  return undefined;
}
