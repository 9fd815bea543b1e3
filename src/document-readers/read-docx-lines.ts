import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DocumentReadError } from './document-read-error.js';
import type { SourceLine } from './source-lines.js';

/** Formatting of the run being read: underline marks a new project, superscript a note marker (`<sup>※</sup>`). */
type RunStyle = { underline: boolean; superscript: boolean };
type Cell = { paragraphs: string[] };

/**
 * Reads the main part of a Word (.docx) file: each table row one line with a cell per `w:tc` (a merged-down
 * continuation cell is empty, as a PDF prints it), each paragraph outside tables one line (a tab in it separates
 * cells, as in a text export), underlined runs as `<u>…</u>`. Throws DocumentReadError for a file that is not a
 * readable .docx.
 */
export function readDocxLines(bytes: Uint8Array): SourceLine[] {
  return readDocumentXml(extractDocumentXml(bytes));
}

function extractDocumentXml(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  } catch (error) {
    throw new DocumentReadError(
      `Word ファイル（.docx）として読めません（ZIP が壊れています: ${(error as Error).message}）。Word で開いて保存し直してください。`,
      { cause: error },
    );
  }
  const xml = files['word/document.xml'];
  if (!xml) {
    throw new DocumentReadError(
      'Word ファイル（.docx）の本文（word/document.xml）がありません。.docx 形式で保存した文書を指定してください。',
    );
  }
  return strFromU8(xml);
}

class DocxReader {
  readonly lines: SourceLine[] = [];
  /** open tables, innermost last: rows of cells */
  private readonly tables: { row: Cell[] | null; cell: Cell | null; merged: boolean }[] = [];
  private paragraph: string | null = null;
  private style: RunStyle = { underline: false, superscript: false };
  private inRunProps = false;
  /** paragraph properties hold tab stops (`w:tabs/w:tab`), which are no tabs */
  private inParagraphProps = false;
  private inText = false;
  /** text boxes in a Fallback repeat their Choice */
  private skipDepth = 0;

  open(tag: SaxesTagPlain): void {
    const name = tag.name;
    if (name === 'mc:Fallback' || this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    const table = this.tables.at(-1);
    if (name === 'w:tbl') this.tables.push({ row: null, cell: null, merged: false });
    else if (name === 'w:tr' && table) table.row = [];
    else if (name === 'w:tc' && table) {
      table.cell = { paragraphs: [] };
      table.merged = false;
    } else if (name === 'w:vMerge' && table?.cell && attr(tag, 'w:val') !== 'restart') table.merged = true;
    else if (name === 'w:p') this.paragraph = '';
    else if (name === 'w:r') this.style = { underline: false, superscript: false };
    else if (name === 'w:rPr') this.inRunProps = true;
    else if (name === 'w:pPr') this.inParagraphProps = true;
    else if (name === 'w:u' && this.inRunProps) this.style.underline = (attr(tag, 'w:val') ?? 'single') !== 'none';
    else if (name === 'w:vertAlign' && this.inRunProps) this.style.superscript = attr(tag, 'w:val') === 'superscript';
    else if (name === 'w:t') this.inText = true;
    else if (name === 'w:tab' && this.paragraph !== null && !this.inParagraphProps) {
      this.paragraph += table ? ' ' : '\t';
    } else if ((name === 'w:br' || name === 'w:cr') && this.paragraph !== null) this.paragraph += ' ';
  }

  close(name: string): void {
    if (this.skipDepth > 0) {
      this.skipDepth--;
      return;
    }
    const table = this.tables.at(-1);
    if (name === 'w:t') this.inText = false;
    else if (name === 'w:rPr') this.inRunProps = false;
    else if (name === 'w:pPr') this.inParagraphProps = false;
    else if (name === 'w:p' && this.paragraph !== null) this.endParagraph(this.paragraph.replace(/<\/u><u>/g, ''));
    else if (name === 'w:tc' && table?.cell && table.row) {
      table.row.push(table.merged ? { paragraphs: [] } : table.cell);
      table.cell = null;
    } else if (name === 'w:tr' && table?.row) {
      this.endRow(table.row);
      table.row = null;
    } else if (name === 'w:tbl') this.tables.pop();
  }

  text(value: string): void {
    if (!this.inText || this.paragraph === null || this.skipDepth > 0) return;
    let piece = value;
    if (this.style.superscript) piece = `<sup>${piece}</sup>`;
    if (this.style.underline) piece = `<u>${piece}</u>`;
    this.paragraph += piece;
  }

  private endParagraph(text: string): void {
    this.paragraph = null;
    const table = this.tables.at(-1);
    if (table?.cell) table.cell.paragraphs.push(text);
    else this.lines.push({ cells: text.split('\t'), page: null });
  }

  private endRow(row: Cell[]): void {
    const cells = row.map((c) =>
      c.paragraphs
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .join(' '),
    );
    const outer = this.tables.at(-2);
    // a table inside a cell: its rows are that cell's text
    if (outer?.cell) outer.cell.paragraphs.push(cells.filter((c) => c !== '').join(' '));
    else this.lines.push({ cells, page: null });
  }
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
}

function readDocumentXml(xml: string): SourceLine[] {
  const reader = new DocxReader();
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => reader.open(tag));
  parser.on('closetag', (tag) => reader.close(tag.name));
  parser.on('text', (t) => reader.text(t));
  try {
    parser.write(xml).close();
  } catch (error) {
    throw new DocumentReadError(
      `Word ファイル（.docx）の本文の XML が壊れています（${(error as Error).message}）。Word で開いて保存し直してください。`,
      { cause: error },
    );
  }
  return reader.lines;
}
