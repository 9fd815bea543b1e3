/** One line of the document: its 1-based number, its raw text and its tab-separated cells (trimmed). */
export type TextLine = { no: number; text: string; cells: string[] };

/** Splits document text into lines and cells; line numbers are those an editor shows. */
export function splitLines(text: string): TextLine[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((line, i) => ({
    no: i + 1,
    text: line,
    cells: line.split('\t').map((c) => c.trim()),
  }));
}

/** The non-empty cells of a line. */
export function filledCells(line: TextLine): string[] {
  return line.cells.filter((c) => c !== '');
}

export function isBlank(line: TextLine): boolean {
  return line.text.trim() === '';
}
