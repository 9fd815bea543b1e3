/**
 * The lines-and-cells model every reader produces (a PDF page's table rows, a Word table's rows, paragraphs),
 * joined into the tab-separated text the importer reads: one parser for every format.
 */
export type SourceLine = {
  /** cells in reading order; a paragraph is one cell */
  cells: string[];
  /** 1-based page of a PDF; null where the format has no pages (Word, text) */
  page: number | null;
};

export type DocumentText = {
  text: string;
  /** page of each text line (index = line number − 1); empty when the source has no pages */
  pages: (number | null)[];
};

/** Tabs and line breaks inside a cell would split it: they become spaces. */
function flatten(cell: string): string {
  return cell.replace(/[\t\r\n]+/g, ' ');
}

/**
 * Joins reader lines into importer text.
 * @example joinSourceLines([{ cells: ['事業名', '1', '懇談会'], page: 3 }]).text // '事業名\t1\t懇談会'
 */
export function joinSourceLines(lines: readonly SourceLine[]): DocumentText {
  return {
    text: lines.map((l) => l.cells.map(flatten).join('\t')).join('\n'),
    pages: lines.some((l) => l.page !== null) ? lines.map((l) => l.page) : [],
  };
}

/**
 * One visual line of a wrapped cell; `wordBreak` when a break after it between two Latin characters was a space
 * (a producer that draws no space glyphs, such as a browser, breaks Latin text only there).
 */
export type WrappedLine = { text: string; wordBreak: boolean };

const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

function visible(text: string): string {
  return text.replace(/<\/?(?:u|sup)>/g, '');
}

/**
 * Joins the visual lines of one wrapped cell. A line break that the cell's width made is no character: no space,
 * not even inside a Latin word or a number (Japanese layout in LibreOffice or Word breaks those anywhere). A space
 * glyph at the break is kept as one space, and so is a break between Latin words where the producer draws no
 * space glyphs (a browser breaks Latin text at spaces only).
 * @example joinWrappedLines(['AOMO', 'RI STARTUP ', 'CENTER']) // 'AOMORI STARTUP CENTER'
 */
export function joinWrappedLines(parts: readonly (WrappedLine | string)[]): string {
  let out = '';
  let spaced = false;
  let wordBreak = false;
  for (const entry of parts) {
    const part = typeof entry === 'string' ? entry : entry.text;
    const piece = part.trim();
    if (piece === '') {
      spaced ||= part !== '';
      continue;
    }
    const latin = LATIN_END.test(visible(out)) && LATIN_START.test(visible(piece));
    const space = spaced || /^\s/.test(part) || (wordBreak && latin);
    out = out === '' ? piece : out + (space ? ' ' : '') + piece;
    spaced = /\s$/.test(part);
    wordBreak = typeof entry !== 'string' && entry.wordBreak;
  }
  // an underline that wraps with its text is one underline
  return out.replace(/<\/u>(\s?)<u>/g, '$1');
}
