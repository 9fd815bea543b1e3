import type { PDFWorker } from 'pdfjs-dist/types/src/display/api.js';
import { DocumentReadError } from './document-read-error.js';
import { fontlessDocument } from './fontless-document.js';
import { loadPdfJs, type PdfJs, pdfjsDataUrls } from './load-pdfjs.js';
import { documentDrawsSpaces, type RawPage, readRawPage, toPageGeometry } from './read-pdf-geometry.js';
import { pageTextTop, rebuildPageLines } from './rebuild-pdf-lines.js';
import { createSameThreadPdfWorker } from './same-thread-pdf-worker.js';
import type { SourceLine } from './source-lines.js';

/**
 * A PDF ends with `%%EOF` (ISO 32000 7.5.5), give or take trailing whitespace or a little junk; pdf.js would
 * otherwise rebuild a cut file and read the pages that are left, and a half document would import as a whole one.
 */
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes('%%EOF', 0, 'latin1');
}

function describeOpenError(error: unknown): DocumentReadError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new DocumentReadError(
      'PDF にパスワード（暗号化）がかかっていて読めません。パスワードを外した PDF を指定してください。',
      { cause: error },
    );
  }
  return new DocumentReadError(
    `PDF として読めません（ファイルが壊れているか、途中で切れています: ${(error as Error).message}）。元の PDF を保存し直して指定してください。`,
    { cause: error },
  );
}

/**
 * Reads a PDF's text layer into lines and cells (rebuild-pdf-lines.ts), page by page so that memory follows the
 * page, not the document. Throws DocumentReadError for a broken or encrypted file, and for a scanned PDF whose
 * pages carry no text at all (no OCR here).
 */
export async function readPdfLines(bytes: Uint8Array): Promise<SourceLine[]> {
  if (!endsWithEof(bytes)) {
    throw new DocumentReadError(
      'PDF が途中で切れています（末尾の %%EOF がありません）。ダウンロードやコピーが終わった元の PDF を指定してください。',
    );
  }
  const pdfjs = await loadPdfJs();
  const worker = createSameThreadPdfWorker(pdfjs);
  try {
    return await readDocument(pdfjs, worker, bytes);
  } finally {
    worker.destroy();
  }
}

async function readDocument(pdfjs: PdfJs, worker: PDFWorker, bytes: Uint8Array): Promise<SourceLine[]> {
  const task = pdfjs.getDocument({
    worker,
    data: new Uint8Array(bytes), // pdf.js takes the buffer over; the caller keeps its bytes
    ...pdfjsDataUrls(),
    cMapPacked: true,
    isEvalSupported: false,
    disableFontFace: false, // with the document below: no glyph outlines (fontless-document.ts)
    ownerDocument: fontlessDocument(),
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw describeOpenError(error);
  }
  try {
    const pages: RawPage[] = [];
    let characters = 0;
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      try {
        pages.push(await readRawPage(page, pdfjs));
      } catch (error) {
        throw new DocumentReadError(`PDF の ${n} ページ目が読めません（${(error as Error).message}）。`, {
          page: n,
          cause: error,
        });
      } finally {
        page.cleanup();
      }
      characters += (pages.at(-1)?.runs ?? []).reduce((sum, r) => sum + r.text.trim().length, 0);
    }
    if (characters === 0) {
      throw new DocumentReadError(
        `PDF に文字情報（テキスト層）がありません（${document.numPages} ページとも画像だけです）。スキャンした PDF は読めません（OCR は行いません）。文字を選択できる PDF か、Word・テキストのファイルを指定してください。`,
      );
    }
    // a page's text and strokes are a small fraction of the PDF: all pages are kept to decide how spaces are drawn
    const layout = { spacesDrawn: documentDrawsSpaces(pages), textTop: Math.max(...pages.map(pageTextTop)) };
    return pages.flatMap((raw) => rebuildPageLines(toPageGeometry(raw, layout)));
  } finally {
    await document.destroy();
  }
}
