/** One line of the document: its 1-based number, its raw text and its tab-separated cells (trimmed). */
export type TextLine = { no: number; text: string; cells: string[] };

const WRAPPED = /^<p>\s*((?:(?!<\/?p>).)*?)\s*<\/p>$/s;

/** A cell wrapped whole in one `<p>…</p>` is the extraction's paragraph mark, not part of the value. */
function unwrapParagraph(cell: string): string {
  return WRAPPED.exec(cell)?.[1] ?? cell;
}

/** Splits document text into lines and cells; line numbers are those an editor shows. */
export function splitLines(text: string): TextLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((line, i) => ({
    no: i + 1,
    text: line,
    cells: line.split('\t').map((c) => unwrapParagraph(c.trim())),
  }));
}

/** The non-empty cells of a line. */
export function filledCells(line: TextLine): string[] {
  return line.cells.filter((c) => c !== '');
}

export function isBlank(line: TextLine): boolean {
  return line.text.trim() === '';
}
