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

/** Index of the first C0 control other than tab, line feed and carriage return: none occur in a text extraction. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}

/**
 * Refuses what is not the text of a document: an empty file, a binary file, or bytes that were not UTF-8
 * (U+FFFD left by the decoder, as Shift_JIS gives). Returns the error finding, or undefined when readable.
 */
export function checkReadable(text: string): Finding | undefined {
  if (text.replace(/^\uFEFF/, '').trim() === '') return error(text, 0, '文書が空です');
  const control = firstControl(text);
  if (control >= 0) {
    return error(text, control, 'バイナリファイルのようです（制御文字があります）。文書のテキストを指定してください');
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    return error(
      text,
      replacement,
      'UTF-8として読めない文字があります。Shift_JISなど別の文字コードの場合はUTF-8に変換してください',
    );
  }
  return undefined;
}
