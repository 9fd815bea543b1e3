type Matrix = number[];

export const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];

/** What pdf.js's text content takes from a font; the main thread gets these with the font (`commonObjs`). */
export type FontFacts = { fontMatrix?: number[]; vertical?: boolean; isType3Font?: boolean };

/** pdf.js's Util.transform: m1 × m2, in its order of operations. */
export function multiplyMatrices(m1: Matrix, m2: Matrix): Matrix {
  return [
    (m1[0] as number) * (m2[0] as number) + (m1[2] as number) * (m2[1] as number),
    (m1[1] as number) * (m2[0] as number) + (m1[3] as number) * (m2[1] as number),
    (m1[0] as number) * (m2[2] as number) + (m1[2] as number) * (m2[3] as number),
    (m1[1] as number) * (m2[2] as number) + (m1[3] as number) * (m2[3] as number),
    (m1[0] as number) * (m2[4] as number) + (m1[2] as number) * (m2[5] as number) + (m1[4] as number),
    (m1[1] as number) * (m2[4] as number) + (m1[3] as number) * (m2[5] as number) + (m1[5] as number),
  ];
}

function translate(m: Matrix, x: number, y: number): void {
  m[4] = (m[0] as number) * x + (m[2] as number) * y + (m[4] as number);
  m[5] = (m[1] as number) * x + (m[3] as number) * y + (m[5] as number);
}

/** pdf.js's TextState: what q/Q save and restore, the CTM included. */
export class TextState {
  ctm: Matrix = [1, 0, 0, 1, 0, 0];
  fontName: string | null = null;
  fontSize = 0;
  font: FontFacts | null = null;
  fontMatrix: Matrix = FONT_IDENTITY_MATRIX;
  textMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  textLineMatrix: Matrix = [1, 0, 0, 1, 0, 0];
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    const clone = new TextState();
    clone.ctm = this.ctm;
    clone.fontName = this.fontName;
    clone.fontSize = this.fontSize;
    clone.font = this.font;
    clone.fontMatrix = this.fontMatrix;
    clone.textMatrix = [...this.textMatrix];
    clone.textLineMatrix = [...this.textLineMatrix];
    clone.charSpacing = this.charSpacing;
    clone.wordSpacing = this.wordSpacing;
    clone.leading = this.leading;
    clone.textHScale = this.textHScale;
    clone.textRise = this.textRise;
    return clone;
  }

  translateTextMatrix(x: number, y: number): void {
    translate(this.textMatrix, x, y);
  }

  translateTextLineMatrix(x: number, y: number): void {
    translate(this.textLineMatrix, x, y);
  }

  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = [...this.textLineMatrix];
  }
}
