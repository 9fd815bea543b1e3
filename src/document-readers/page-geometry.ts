/**
 * What a PDF page draws, reduced to what a table needs: runs of text with their place and the straight strokes
 * (ruling lines of tables, underlines). PDF user space: y grows upwards, units are points.
 */
export type TextRun = {
  text: string;
  /** left end of the baseline */
  x: number;
  /** baseline */
  y: number;
  width: number;
  /** font size (the height of an em) */
  size: number;
  /** a space pdf.js made from a gap, with no space glyph in the content stream (e.g. Japanese–Latin autospace) */
  synthetic?: boolean;
};

/** Where a text-showing operator starts drawing, and what it draws (only where its start is known). */
export type ShownText = { x: number; y: number; text: string };

/** A horizontal (y1 = y2) or vertical (x1 = x2) stroke, ends ordered (x1 ≤ x2, y1 ≤ y2). */
export type Segment = { x1: number; y1: number; x2: number; y2: number; width: number };

export type PageGeometry = {
  page: number;
  runs: TextRun[];
  segments: Segment[];
  /**
   * true when the producer draws its spaces as glyphs (LibreOffice, Word); false when it positions words and
   * draws no space (Chromium): there a line break between two Latin words was a space
   */
  spacesDrawn: boolean;
  /** where the document's text area starts (the highest first line over all pages), when known */
  textTop?: number;
};

/**
 * Whether the page's producer draws spaces along with the text (`圏域での `, `AOMORI STARTUP`): LibreOffice and
 * Word do; Chromium draws a lone space glyph here and there but positions its words.
 */
export function drawsSpaces(shown: readonly ShownText[]): boolean {
  return shown.some((s) => /\S \S|\S $|^ \S/.test(s.text));
}

/**
 * Marks the whitespace runs that no space glyph drew, on a page whose producer draws its spaces (LibreOffice,
 * Word): a real space is shown at the start of a text operator, or at the end of the nearest operator to its left
 * on the same baseline; a gap without one is layout (autospace between Japanese and Latin text).
 */
export function markSyntheticSpaces(runs: readonly TextRun[], shown: readonly ShownText[]): TextRun[] {
  return [...runs.map((run) => markRun(run, shown)), ...lostSpaces(runs, shown)];
}

/** pdf.js leaves out a space glyph drawn at the end of a line; a wrapped cell needs it (`RPA 活用` over two lines). */
function lostSpaces(runs: readonly TextRun[], shown: readonly ShownText[]): TextRun[] {
  const lost: TextRun[] = [];
  for (const s of shown) {
    if (s.text !== ' ') continue;
    const line = runs.filter((r) => Math.abs(r.y - s.y) < 0.5);
    const covered = line.some((r) => r.x - 0.5 <= s.x && s.x < r.x + r.width - 0.5);
    const size = line[0]?.size;
    if (!covered && size !== undefined) lost.push({ text: ' ', x: s.x, y: s.y, width: 0.25 * size, size });
  }
  return lost;
}

/**
 * A text operator that starts with a space draws one; LibreOffice also draws runs of two spaces to carry an
 * underline across a gap, which are no character of the text.
 */
function isSpaceGlyph(text: string): boolean {
  return /^\s/.test(text) && !/^\s{2,}$/.test(text);
}

function markRun(run: TextRun, shown: readonly ShownText[]): TextRun {
  if (run.text.trim() !== '') return run;
  const line = shown.filter((s) => Math.abs(s.y - run.y) < 0.5 && s.x <= run.x + 0.5);
  const startsHere = line.some((s) => Math.abs(s.x - run.x) < 0.5 && isSpaceGlyph(s.text));
  // the text to the left, fillers aside: does it end with a space glyph?
  const nearest = line
    .filter((s) => s.text.trim() !== '')
    .reduce<ShownText | undefined>((best, s) => (best === undefined || s.x > best.x ? s : best), undefined);
  const endsWithSpace = nearest !== undefined && /\s$/.test(nearest.text);
  return startsHere || endsWithSpace ? run : { ...run, synthetic: true };
}

export function isHorizontal(s: Segment): boolean {
  return s.y1 === s.y2 && s.x2 > s.x1;
}

export function isVertical(s: Segment): boolean {
  return s.x1 === s.x2 && s.y2 > s.y1;
}

/** A straight stroke from two points, or undefined when it is slanted (it cannot be a ruling line). */
export function toSegment(ax: number, ay: number, bx: number, by: number, width: number): Segment | undefined {
  const r = (v: number) => Math.round(v * 100) / 100;
  if (Math.abs(ay - by) < 0.5) {
    const y = r((ay + by) / 2);
    return { x1: r(Math.min(ax, bx)), y1: y, x2: r(Math.max(ax, bx)), y2: y, width };
  }
  if (Math.abs(ax - bx) < 0.5) {
    const x = r((ax + bx) / 2);
    return { x1: x, y1: r(Math.min(ay, by)), x2: x, y2: r(Math.max(ay, by)), width };
  }
  return undefined;
}

/**
 * The edges a rectangle draws: a thin filled rectangle is one rule (Chromium draws borders so), a larger one its
 * four sides when stroked, nothing when filled (a shaded cell is not a rule).
 */
export function rectangleSegments(x: number, y: number, w: number, h: number, stroked: boolean): Segment[] {
  const [left, right] = w < 0 ? [x + w, x] : [x, x + w];
  const [bottom, top] = h < 0 ? [y + h, y] : [y, y + h];
  const width = right - left;
  const height = top - bottom;
  if (!stroked) {
    if (height <= 2 && width > height)
      return compact([toSegment(left, (top + bottom) / 2, right, (top + bottom) / 2, height)]);
    if (width <= 2 && height > width)
      return compact([toSegment((left + right) / 2, bottom, (left + right) / 2, top, width)]);
    return [];
  }
  return compact([
    toSegment(left, bottom, right, bottom, 1),
    toSegment(left, top, right, top, 1),
    toSegment(left, bottom, left, top, 1),
    toSegment(right, bottom, right, top, 1),
  ]);
}

function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((i): i is T => i !== undefined);
}
