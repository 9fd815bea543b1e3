import { type DocumentKind, detectDocumentKind } from '../document-readers/detect-document-kind.js';
import { DocumentReadError } from '../document-readers/document-read-error.js';
import { readDocxLines } from '../document-readers/read-docx-lines.js';
import { readPdfLines } from '../document-readers/read-pdf-lines.js';
import { type DocumentText, joinSourceLines } from '../document-readers/source-lines.js';
import type { Finding } from '../domain/vision.js';
import { type ParseResult, parseDocument } from '../import/parse-document.js';
import { decodeDocumentText, encodingName } from './decode-document-bytes.js';
import { ImportRejectedError } from './import-rejected-error.js';

export type DocumentParser = (text: string, options: { fileName?: string }) => ParseResult;

export type ParsedDocument = ParseResult & { text: string };

const NOT_A_DOCUMENT: Partial<Record<DocumentKind, string>> = {
  xlsx: 'Excel ファイル（.xlsx）です。ビジョン文書ではありません。ビジョン文書は PDF・Word（.docx）・テキストで指定してください。',
  ole: '古い形式の Word・Excel ファイル（.doc / .xls）です。Word で .docx か PDF に保存し直して指定してください。',
  zip: 'ZIP ファイルです（Word の .docx でもありません）。ビジョン文書ではありません。',
  binary: 'テキストでも PDF・Word でもないファイル（バイナリ）です。ビジョン文書ではありません。',
};

/** The refusal of a document that cannot be read at all (one error finding, with its page when known). */
export function refuse(fileName: string, message: string, page: number | null = null): ImportRejectedError {
  const finding: Finding = {
    severity: 'error',
    code: 'unreadable_document',
    project: null,
    line: null,
    excerpt: null,
    message,
  };
  if (page !== null) finding.page = page;
  return new ImportRejectedError(fileName, [finding]);
}

/** The importer's text for the bytes, by what they are (magic bytes), with notes on how they were read. */
async function readDocumentText(fileName: string, bytes: Uint8Array): Promise<DocumentText & { notes: Finding[] }> {
  const kind = detectDocumentKind(bytes);
  const refusal = NOT_A_DOCUMENT[kind];
  if (refusal) throw refuse(fileName, refusal);
  try {
    if (kind === 'pdf') return { ...joinSourceLines(await readPdfLines(bytes)), notes: [] };
    if (kind === 'docx') return { ...joinSourceLines(readDocxLines(bytes)), notes: [] };
  } catch (error) {
    if (error instanceof DocumentReadError) throw refuse(fileName, error.message, error.page);
    throw error;
  }
  const { text, encoding } = decodeDocumentText(fileName, bytes);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw refuse(fileName, '文書が空です（文字がありません）。');
  const notes: Finding[] =
    encoding === 'utf-8'
      ? []
      : [
          {
            severity: 'info',
            code: 'source_converted',
            project: null,
            line: null,
            excerpt: null,
            message: `文字コード ${encodingName(encoding)} のテキストとして読みました（保存するときは UTF-8 にします）。`,
          },
        ];
  return { text, pages: [], notes };
}

/** A PDF's findings carry the page their line was read from. */
function withPages(findings: Finding[], pages: readonly (number | null)[]): Finding[] {
  if (pages.length === 0) return findings;
  return findings.map((f) => {
    const page = f.line === null ? null : pages[f.line - 1];
    return page === null || page === undefined ? f : { ...f, page };
  });
}

/**
 * Reads an uploaded vision document whatever its format: PDF (text layer), Word (.docx) or text (UTF-8,
 * Shift_JIS, EUC-JP, UTF-16), chosen by content, never by name; every format becomes the same lines and cells
 * for the one importer. Throws ImportRejectedError when the bytes are no readable document (empty, binary,
 * Excel, broken/encrypted/scanned PDF, corrupt Word); content problems come back as findings.
 */
export async function parseDocumentBytes(
  input: { fileName: string; bytes: Uint8Array },
  parse: DocumentParser = parseDocument,
): Promise<ParsedDocument> {
  const { text, pages, notes } = await readDocumentText(input.fileName, input.bytes);
  const result = parse(text, { fileName: input.fileName });
  const findings = [...notes, ...withPages(result.findings, pages)];
  return { text, vision: { ...result.vision, findings }, findings };
}
