import { type ParseResult, parseDocument } from '../import/parse-document.js';
import { decodeDocumentBytes } from './decode-document-bytes.js';

export type DocumentParser = (text: string, options: { fileName?: string }) => ParseResult;

/**
 * Reads an uploaded vision document: strict UTF-8 (decode-document-bytes.ts), then the importer.
 * Throws ImportRejectedError when the bytes are not text; content problems come back as findings.
 */
export function parseDocumentBytes(
  input: { fileName: string; bytes: Uint8Array },
  parse: DocumentParser = parseDocument,
): ParseResult & { text: string } {
  const text = decodeDocumentBytes(input.fileName, input.bytes);
  const { vision, findings } = parse(text, { fileName: input.fileName });
  return { text, vision, findings };
}
