import type { TextRun } from './page-geometry.js';
import { FONT_IDENTITY_MATRIX, type FontFacts, TextState } from './pdf-text-state.js';

type Matrix = number[];

/** A glyph of a `showText` operator, as pdf.js builds it. */
export type Glyph = { unicode: string; width: number };

type Category = { isWhitespace: boolean; isZeroWidthDiacritic: boolean; isInvisibleFormatMark: boolean };

// pdf.js's getCharUnicodeCategory (src/core/unicode.js), with its pattern as it is written there
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
const categories = new Map<string, Category>();

function categoryOf(unicode: string): Category {
  let category = categories.get(unicode);
  if (category === undefined) {
    const groups = unicode.match(SPECIAL_CHAR);
    category = {
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    };
    categories.set(unicode, category);
  }
  return category;
}

// pdf.js's thresholds, in ems (src/core/evaluator.js, getTextContent)
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/**
 * The glyph's position and the previous one's, turned back to horizontal as pdf.js turns them (quarter turns
 * exactly, any other angle by the current matrix).
 */
function unrotate(current: Matrix, prev: Matrix): [number, number, number, number] {
  const [a = 0, b = 0, c = 0, d = 0, posX = 0, posY = 0] = current;
  const lastPosX = prev[4] as number;
  const lastPosY = prev[5] as number;
  if (a && b === 0 && c === 0) return a > 0 ? [posX, posY, lastPosX, lastPosY] : [-posX, -posY, -lastPosX, -lastPosY];
  if (b && a === 0 && d === 0) return b > 0 ? [posY, posX, lastPosY, lastPosX] : [-posY, -posX, -lastPosY, -lastPosX];
  const inverse = (x: number, y: number, m: Matrix): [number, number] => {
    const scale = Math.hypot(m[0] as number, m[1] as number);
    return [
      ((m[0] as number) * x + (m[1] as number) * y) / scale,
      ((m[2] as number) * x + (m[3] as number) * y) / scale,
    ];
  };
  return [...inverse(posX, posY, current), ...inverse(lastPosX, lastPosY, prev)];
}

/**
 * pdf.js's assembly of glyphs into text content items (PartialEvaluator.getTextContent, pdf.js 4.10), ported for
 * horizontal text so that the operator list's glyphs give the runs getTextContent would: the same merging, the
 * same spaces made from gaps, the same arithmetic in the same order (the positions come out bit for bit equal).
 * Items come out as TextRuns, empty ones left out, as readTextRuns makes them.
 */
export class TextItemBuilder {
  state = new TextState();
  readonly runs: TextRun[] = [];
  /** set when the page holds what this port leaves out (right-to-left text): read it with getTextContent */
  unsupported = false;

  #saved: TextState[] = [];
  #initialized = false;
  #str: string[] = [];
  #totalWidth = 0;
  #width = 0;
  #height = 0;
  #prevTransform: Matrix | null = null;
  #textAdvanceScale = 0;
  #spaceInFlowMin = 0;
  #spaceInFlowMax = 0;
  #trackingSpaceMin = Number.POSITIVE_INFINITY;
  #negativeSpaceMax = Number.NEGATIVE_INFINITY;
  #notASpace = Number.NEGATIVE_INFINITY;
  #transform: Matrix | null = null;
  #lastChars = [' ', ' '];
  #lastCharsPos = 0;

  readonly #view: number[];
  readonly #normalize: (text: string) => string;
  readonly #fold: (text: string) => string;

  constructor(view: number[], normalize: (text: string) => string, fold: (text: string) => string) {
    this.#view = view;
    this.#normalize = normalize;
    this.#fold = fold;
  }

  /** Glyphs and TJ adjustments (thousandths of an em) of one text-showing operator. */
  showText(items: readonly (Glyph | number)[]): void {
    const spaceFactor = -this.state.fontSize / 1000;
    let buffer: Glyph[] = [];
    for (const item of items) {
      if (typeof item !== 'number') buffer.push(item);
      else if (item !== 0) {
        this.#buildItem(buffer, item * spaceFactor);
        buffer = [];
      }
    }
    // a Tj, or what a TJ shows after its last adjustment (pdf.js: an empty Tj still applies the char spacing)
    if (buffer.length > 0 || !items.some((item) => typeof item === 'number')) this.#buildItem(buffer, 0);
  }

  save(): void {
    this.#saved.push(this.state);
    this.state = this.state.clone();
  }

  /** A restore that brings back another font ends the item. */
  restore(): void {
    const before = this.state;
    this.state = this.#saved.pop() ?? before;
    const { font, fontSize, fontName } = this.state;
    if (before.font !== font || before.fontSize !== fontSize || before.fontName !== fontName) this.flush();
  }

  /**
   * Tf: the same font at the same size goes on with the item. pdf.js compares the resource name (`/F1`), the
   * operator list gives the loaded font's: the same test unless two resource names share one font object.
   */
  setFont(name: string, size: number, font: FontFacts): void {
    const state = this.state;
    if (state.font && name === state.fontName && size === state.fontSize) return;
    this.flush();
    state.fontName = name;
    state.fontSize = size;
    state.font = font;
    state.fontMatrix = font.fontMatrix || FONT_IDENTITY_MATRIX;
  }

  setTextMatrix(m: Matrix): void {
    this.state.textMatrix = [...m];
    this.state.textLineMatrix = [...m];
    this.#updateAdvanceScale();
  }

  flush(): void {
    if (!this.#initialized) return;
    this.#totalWidth += this.#width * this.#textAdvanceScale;
    const text = this.#normalize(this.#str.join(''));
    if (/[\u0590-\u08AC]/.test(text)) this.unsupported = true; // pdf.js reorders it (bidi)
    this.#push(text, Math.abs(this.#totalWidth), this.#transform as Matrix, Math.abs(this.#height));
    this.#initialized = false;
    this.#str.length = 0;
  }

  #push(text: string, width: number, transform: Matrix, height: number): void {
    if (text === '') return;
    const [, , c = 0, d = 0, x = 0, y = 0] = transform;
    this.runs.push({ text: this.#fold(text), x, y, width, size: Math.hypot(c, d) || height });
  }

  #pushWhitespace(width: number, transform = this.#prevTransform): void {
    this.#push(' ', width, transform as Matrix, 0);
  }

  #saveLastChar(char: string): boolean {
    const nextPos = (this.#lastCharsPos + 1) % 2;
    const ret = this.#lastChars[this.#lastCharsPos] !== ' ' && this.#lastChars[nextPos] === ' ';
    this.#lastChars[this.#lastCharsPos] = char;
    this.#lastCharsPos = nextPos;
    return ret;
  }

  #shouldAddWhitespace(): boolean {
    return this.#lastChars[this.#lastCharsPos] !== ' ' && this.#lastChars[(this.#lastCharsPos + 1) % 2] === ' ';
  }

  #resetLastChars(): void {
    this.#lastChars[0] = ' ';
    this.#lastChars[1] = ' ';
    this.#lastCharsPos = 0;
  }

  /**
   * ctm × (text matrix × [size × scale, 0, 0, size, 0, rise]), as pdf.js computes it term by term (the zero
   * terms too: they keep its signs of zero), without the two matrices in between: this runs twice a glyph.
   */
  #currentTransform(): Matrix {
    const { fontSize, textHScale, textRise } = this.state;
    const [m0, m1, m2, m3, m4, m5] = this.state.ctm as [number, number, number, number, number, number];
    const [t0, t1, t2, t3, t4, t5] = this.state.textMatrix as [number, number, number, number, number, number];
    const a = fontSize * textHScale;
    const n0 = t0 * a + t2 * 0;
    const n1 = t1 * a + t3 * 0;
    const n2 = t0 * 0 + t2 * fontSize;
    const n3 = t1 * 0 + t3 * fontSize;
    const n4 = t0 * 0 + t2 * textRise + t4;
    const n5 = t1 * 0 + t3 * textRise + t5;
    return [
      m0 * n0 + m2 * n1,
      m1 * n0 + m3 * n1,
      m0 * n2 + m2 * n3,
      m1 * n2 + m3 * n3,
      m0 * n4 + m2 * n5 + m4,
      m1 * n4 + m3 * n5 + m5,
    ];
  }

  #advanceScale(): number {
    const { textLineMatrix: line, ctm } = this.state;
    return Math.hypot(ctm[0] as number, ctm[1] as number) * Math.hypot(line[0] as number, line[1] as number);
  }

  #ensureItem(): void {
    if (this.#initialized) return;
    const trm = this.#currentTransform();
    this.#transform = trm;
    this.#width = 0;
    this.#totalWidth = 0;
    this.#height = Math.hypot(trm[2] as number, trm[3] as number);
    this.#textAdvanceScale = this.#advanceScale();
    const { fontSize } = this.state;
    this.#trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    this.#notASpace = fontSize * NOT_A_SPACE_FACTOR;
    this.#negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    this.#spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    this.#spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    this.#initialized = true;
  }

  #updateAdvanceScale(): void {
    if (!this.#initialized) return;
    const scale = this.#advanceScale();
    if (scale === this.#textAdvanceScale) return;
    this.#totalWidth += this.#width * this.#textAdvanceScale;
    this.#width = 0;
    this.#textAdvanceScale = scale;
  }

  #appendEol(): void {
    this.#resetLastChars();
    this.flush(); // an item ending a line; pdf.js's empty end-of-line item is no run
  }

  /** false when the glyph lies outside the page (pdf.js skips it); may end the item or add a space first. */
  #compareWithLastPosition(glyphWidth: number): boolean {
    const current = this.#currentTransform();
    const [x1, y1, x2, y2] = this.#view as [number, number, number, number];
    const x = current[4] as number;
    const y = current[5] as number;
    if (x + glyphWidth < x1 || x > x2 || y < y1 || y > y2) return false;
    const prev = this.#prevTransform;
    if (!this.state.font || !prev) return true;
    if (prev[4] === x && prev[5] === y) return true;
    const [posX, posY, lastPosX, lastPosY] = unrotate(current, prev);
    const advanceX = (posX - lastPosX) / this.#textAdvanceScale;
    const advanceY = posY - lastPosY;
    const orientation = Math.sign(this.#width);
    if (advanceX < orientation * this.#negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * this.#height) {
        this.#appendEol();
        return true;
      }
      this.#resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceY) > this.#height) {
      this.#appendEol();
      return true;
    }
    if (advanceX <= orientation * this.#notASpace) this.#resetLastChars();
    if (advanceX <= orientation * this.#trackingSpaceMin) {
      if (this.#shouldAddWhitespace()) {
        this.#resetLastChars();
        this.flush();
        this.#pushWhitespace(Math.abs(advanceX));
      } else this.#width += advanceX;
    } else if (!this.#addFakeSpaces(advanceX, orientation)) {
      if (this.#str.length === 0) {
        this.#resetLastChars();
        this.#pushWhitespace(Math.abs(advanceX));
      } else this.#width += advanceX;
    }
    if (Math.abs(advanceY) > this.#height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  #addFakeSpaces(width: number, orientation: number): boolean {
    if (orientation * this.#spaceInFlowMin <= width && width <= orientation * this.#spaceInFlowMax) {
      if (this.#initialized) {
        this.#resetLastChars();
        this.#str.push(' ');
      }
      return false;
    }
    const transf = this.#prevTransform;
    this.flush();
    this.#resetLastChars();
    this.#pushWhitespace(Math.abs(width), transf || this.#currentTransform());
    return true;
  }

  #buildItem(glyphs: readonly Glyph[], extraSpacing: number): void {
    const state = this.state;
    if (glyphs.length === 0) {
      const charSpacing = state.charSpacing + extraSpacing;
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
      return;
    }
    const scale = (state.fontMatrix[0] as number) * state.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i] as Glyph;
      const category = categoryOf(glyph.unicode);
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = state.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (category.isWhitespace) {
        charSpacing += scaledDim + state.wordSpacing;
        state.translateTextMatrix(charSpacing * state.textHScale, 0);
        this.#saveLastChar(' ');
        continue;
      }
      if (!category.isZeroWidthDiacritic && !this.#compareWithLastPosition(scaledDim)) {
        state.translateTextMatrix(scaledDim * state.textHScale, 0);
        continue;
      }
      this.#ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= state.textHScale;
      state.translateTextMatrix(scaledDim, 0);
      this.#width += scaledDim;
      if (scaledDim) this.#prevTransform = this.#currentTransform();
      if (this.#saveLastChar(glyph.unicode)) this.#str.push(' ');
      this.#str.push(glyph.unicode);
      if (charSpacing) state.translateTextMatrix(charSpacing * state.textHScale, 0);
    }
  }
}
