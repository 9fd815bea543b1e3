import type { PdfJs } from './load-pdfjs.js';
import type { TextRun } from './page-geometry.js';
import { type FontFacts, multiplyMatrices } from './pdf-text-state.js';
import { type Glyph, TextItemBuilder } from './text-item-builder.js';

type OperatorList = { fnArray: number[]; argsArray: unknown[] };

export type TextSources = {
  OPS: PdfJs['OPS'];
  /** the font a `setFont` names (pdf.js's loaded name), once the page's operator list is read */
  font: (loadedName: string) => FontFacts | undefined;
  /** the page's view box (pdf.js leaves out glyphs outside it) */
  view: number[];
  normalize: (text: string) => string;
  fold: (text: string) => string;
};

/**
 * The runs getTextContent would give, from the operator list the page is read for anyway: pdf.js parses a page's
 * content stream once per pass, and the text pass was the larger part of a PDF import. Undefined when the page
 * holds what the port leaves out (forms and images, whose XObjects getTextContent walks on its own; vertical or
 * Type 3 fonts; fonts set by a graphics state; right-to-left text): read that page with getTextContent.
 */
export function textRunsFromOperators(list: OperatorList, sources: TextSources): TextRun[] | undefined {
  const { OPS } = sources;
  const unsupported = new Set<number>([
    OPS.paintFormXObjectBegin,
    OPS.paintImageXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintSolidColorImageMask,
  ]);
  // the codes as locals: a switch compares its cases one by one, and OPS is a large object
  const {
    beginAnnotation,
    beginMarkedContent,
    beginMarkedContentProps,
    beginText,
    endMarkedContent,
    moveText,
    nextLine,
    restore,
    save,
    setCharSpacing,
    setFont,
    setGState,
    setHScale,
    setLeading,
    setLeadingMoveText,
    setTextMatrix,
    setTextRise,
    setWordSpacing,
    showText,
    transform,
  } = OPS;
  const builder = new TextItemBuilder(sources.view, sources.normalize, sources.fold);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i] as number;
    const args = list.argsArray[i] as unknown[];
    const state = builder.state;
    switch (fn) {
      case save:
        builder.save();
        break;
      case restore:
        builder.restore();
        break;
      case transform:
        state.ctm = multiplyMatrices(state.ctm, args as number[]);
        break;
      case setFont: {
        const font = sources.font(args[0] as string);
        if (!font || font.vertical || font.isType3Font) return undefined;
        builder.setFont(args[0] as string, args[1] as number, font);
        break;
      }
      case setTextRise:
        state.textRise = args[0] as number;
        break;
      case setHScale:
        state.textHScale = (args[0] as number) / 100;
        break;
      case setLeading:
        state.leading = args[0] as number;
        break;
      case setLeadingMoveText:
        state.leading = -(args[1] as number);
        state.translateTextLineMatrix(args[0] as number, args[1] as number);
        state.textMatrix = [...state.textLineMatrix];
        break;
      case moveText:
        state.translateTextLineMatrix(args[0] as number, args[1] as number);
        state.textMatrix = [...state.textLineMatrix];
        break;
      case nextLine:
        state.carriageReturn();
        break;
      case setTextMatrix:
        builder.setTextMatrix(args as number[]);
        break;
      case setCharSpacing:
        state.charSpacing = args[0] as number;
        break;
      case setWordSpacing:
        state.wordSpacing = args[0] as number;
        break;
      case beginText:
        state.textMatrix = [1, 0, 0, 1, 0, 0];
        state.textLineMatrix = [1, 0, 0, 1, 0, 0];
        break;
      case showText:
        if (!state.font) return undefined;
        builder.showText(args[0] as (Glyph | number)[]);
        break;
      case setGState:
        if ((args[0] as [string, unknown][]).some(([key]) => key === 'Font')) return undefined;
        break;
      case beginMarkedContent:
      case beginMarkedContentProps:
      case endMarkedContent:
        builder.flush();
        break;
      case beginAnnotation:
        // annotations' appearances follow the page's content; getTextContent reads the content only
        return finish(builder);
      default:
        if (unsupported.has(fn)) return undefined;
    }
  }
  return finish(builder);
}

function finish(builder: TextItemBuilder): TextRun[] | undefined {
  builder.flush();
  return builder.unsupported ? undefined : builder.runs;
}
