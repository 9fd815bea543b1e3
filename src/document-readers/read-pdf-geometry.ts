import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { foldPdfCharacters } from './fold-pdf-characters.js';
import type { PdfJs } from './load-pdfjs.js';
import {
  drawsSpaces,
  markSyntheticSpaces,
  type PageGeometry,
  rectangleSegments,
  type Segment,
  type ShownText,
  type TextRun,
  toSegment,
} from './page-geometry.js';
import type { FontFacts } from './pdf-text-state.js';
import { textRunsFromOperators } from './text-runs-from-operators.js';

type Matrix = [number, number, number, number, number, number];
type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The text runs of a page, in user space. */
export async function readTextRuns(page: PDFPageProxy): Promise<TextRun[]> {
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    const size = Math.hypot(c, d) || item.height;
    runs.push({ text: foldPdfCharacters(item.str), x, y, width: item.width, size });
  }
  return runs;
}

type PathPiece = { op: 'line'; points: [number, number][] } | { op: 'rect'; corners: [number, number, number, number] };

/**
 * The straight strokes a page paints (table rules, underlines), with the current transformation applied.
 * Curves are skipped: a rounded corner is no ruling line.
 */
export function readSegments(list: OperatorList, OPS: PdfJs['OPS']): { segments: Segment[]; shown: ShownText[] } {
  const segments: Segment[] = [];
  const shown: ShownText[] = [];
  // text position: the line matrix of Td/Tm (the operator list normalises positioning to these two)
  let line: Matrix = [1, 0, 0, 1, 0, 0];
  let startKnown = false;
  const stack: { ctm: Matrix; lineWidth: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  let pending: PathPiece[] = [];
  const paint = (stroked: boolean) => {
    for (const piece of pending) {
      if (piece.op === 'rect') {
        const [x, y, w, h] = piece.corners;
        segments.push(...rectangleSegments(x, y, w, h, stroked));
      } else if (stroked) {
        for (let i = 1; i < piece.points.length; i++) {
          const [ax, ay] = piece.points[i - 1] as [number, number];
          const [bx, by] = piece.points[i] as [number, number];
          const s = toSegment(ax, ay, bx, by, lineWidth * Math.hypot(ctm[2], ctm[3]));
          if (s) segments.push(s);
        }
      }
    }
    pending = [];
  };
  // the codes as locals: OPS is a large object, and every operator goes down this chain
  const {
    beginText,
    closeEOFillStroke,
    closeFillStroke,
    closeStroke,
    constructPath,
    endPath,
    eoFill,
    eoFillStroke,
    fill,
    fillStroke,
    moveText,
    restore,
    save,
    setLineWidth,
    setTextMatrix,
    showSpacedText,
    showText,
    stroke,
    transform,
  } = OPS;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === save) stack.push({ ctm, lineWidth });
    else if (fn === restore) ({ ctm, lineWidth } = stack.pop() ?? { ctm, lineWidth });
    else if (fn === transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === setLineWidth) lineWidth = args[0] as number;
    else if (fn === constructPath) pending.push(...readPath(args[0] as number[], args[1] as number[], ctm, OPS));
    else if (fn === stroke || fn === closeStroke) paint(true);
    else if (fn === fill || fn === eoFill) paint(false);
    else if (fn === fillStroke || fn === eoFillStroke || fn === closeFillStroke || fn === closeEOFillStroke)
      paint(true);
    else if (fn === endPath) pending = [];
    else if (fn === beginText) {
      line = [1, 0, 0, 1, 0, 0];
      startKnown = true;
    } else if (fn === setTextMatrix) {
      line = args as Matrix;
      startKnown = true;
    } else if (fn === moveText) {
      line = multiply(line, [1, 0, 0, 1, args[0] as number, args[1] as number]);
      startKnown = true;
    } else if (fn === showText || fn === showSpacedText) {
      if (startKnown) {
        const [x, y] = apply(multiply(ctm, line), 0, 0);
        shown.push({ x, y, text: glyphText(args[0]) });
      }
      startKnown = false; // the next operator starts where this one's glyphs end
    }
  }
  return { segments, shown };
}

function glyphText(glyphs: unknown): string {
  if (!Array.isArray(glyphs)) return '';
  return glyphs.map((g) => (g && typeof g === 'object' && 'unicode' in g ? String(g.unicode) : '')).join('');
}

function readPath(ops: number[], coords: number[], ctm: Matrix, OPS: PdfJs['OPS']): PathPiece[] {
  const pieces: PathPiece[] = [];
  let current: [number, number][] = [];
  let k = 0;
  const flush = () => {
    if (current.length > 1) pieces.push({ op: 'line', points: current });
    current = [];
  };
  for (const op of ops) {
    if (op === OPS.moveTo) {
      flush();
      current.push(apply(ctm, coords[k] as number, coords[k + 1] as number));
      k += 2;
    } else if (op === OPS.lineTo) {
      current.push(apply(ctm, coords[k] as number, coords[k + 1] as number));
      k += 2;
    } else if (op === OPS.curveTo) {
      flush();
      k += 6;
    } else if (op === OPS.curveTo2 || op === OPS.curveTo3) {
      flush();
      k += 4;
    } else if (op === OPS.closePath) {
      if (current.length > 1) current.push(current[0] as [number, number]);
      flush();
    } else if (op === OPS.rectangle) {
      flush();
      pieces.push({ op: 'rect', corners: rectCorners(coords, k, ctm) });
      k += 4;
    }
  }
  flush();
  return pieces;
}

/** A rectangle in user space as x, y, width, height (exact under scaling and translation, the CTMs tables get). */
function rectCorners(coords: number[], k: number, ctm: Matrix): [number, number, number, number] {
  const [x, y, w, h] = [coords[k] as number, coords[k + 1] as number, coords[k + 2] as number, coords[k + 3] as number];
  const [ax, ay] = apply(ctm, x, y);
  const [bx, by] = apply(ctm, x + w, y + h);
  return [ax, ay, bx - ax, by - ay];
}

export type RawPage = { page: number; runs: TextRun[]; segments: Segment[]; shown: ShownText[] };

/**
 * Text, strokes and text operators of one page, from its operator list; the text runs too, unless the page holds
 * what textRunsFromOperators leaves to getTextContent.
 */
export async function readRawPage(page: PDFPageProxy, pdfjs: PdfJs): Promise<RawPage> {
  const list = await page.getOperatorList();
  const { segments, shown } = readSegments(list, pdfjs.OPS);
  const runs = readOperatorTextRuns(page, list, pdfjs) ?? (await readTextRuns(page));
  return { page: page.pageNumber, runs, segments, shown };
}

/** The page's text runs from its operator list, as readTextRuns reads them; undefined where getTextContent must. */
export function readOperatorTextRuns(page: PDFPageProxy, list: OperatorList, pdfjs: PdfJs): TextRun[] | undefined {
  return textRunsFromOperators(list, {
    OPS: pdfjs.OPS,
    font: (name) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontFacts) : undefined),
    view: page.view,
    normalize: pdfjs.normalizeUnicode,
    fold: foldPdfCharacters,
  });
}

/**
 * A page's geometry, knowing whether the document's producer draws its spaces (decided over all pages: a page of
 * Japanese text alone draws none even in LibreOffice).
 */
export function toPageGeometry(raw: RawPage, document: { spacesDrawn: boolean; textTop: number }): PageGeometry {
  const runs = document.spacesDrawn ? markSyntheticSpaces(raw.runs, raw.shown) : raw.runs;
  return { page: raw.page, runs, segments: raw.segments, ...document };
}

export function documentDrawsSpaces(pages: readonly RawPage[]): boolean {
  return pages.some((p) => drawsSpaces(p.shown));
}
