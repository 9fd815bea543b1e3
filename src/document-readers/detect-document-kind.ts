export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'ole' | 'binary' | 'text';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc / .xls before 2007

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function indexOf(bytes: Uint8Array, magic: readonly number[], limit: number): number {
  const end = Math.min(bytes.length - magic.length, limit);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, magic, i)) return i;
  return -1;
}

/** A ZIP's entry names are stored in clear in its local headers and central directory. */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1');
}

/**
 * The kind of an uploaded file by its content (magic bytes), never by its name: `%PDF-` within the first KiB
 * (the PDF specification's allowance for leading junk), a ZIP holding `word/document.xml` (Word) or
 * `xl/workbook.xml` (Excel), an OLE compound file (old .doc/.xls), a NUL byte or many control characters
 * (binary), else text.
 * @example detectDocumentKind(new TextEncoder().encode('%PDF-1.7 …')) // 'pdf'
 */
export function detectDocumentKind(bytes: Uint8Array): DocumentKind {
  if (indexOf(bytes, PDF, 1024) >= 0) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (zipHasEntry(bytes, 'word/document.xml')) return 'docx';
    if (zipHasEntry(bytes, 'xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) return 'ole';
  if (isUtf16(bytes)) return 'text';
  return looksBinary(bytes) ? 'binary' : 'text';
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** A NUL, or more than 1 % C0 controls other than tab, CR, LF, FF and ESC in the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return controls > sample.length / 100;
}
