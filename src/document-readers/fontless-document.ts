/**
 * The `ownerDocument` pdf.js gets: a document whose font rules go nowhere, because we read PDFs and never draw them.
 *
 * Why: with `disableFontFace: true` (pdf.js's default in Node, where it has no document to load fonts into) the
 * worker builds every glyph's outline for a canvas and posts each one to the main thread: 8 % of a seed parse's
 * CPU time, for outlines nothing reads. With `disableFontFace: false` it does not; the main thread then binds each
 * font (once per font, not per glyph) by writing an `@font-face` rule into a `<style>` of `ownerDocument`
 * (pdf.mjs `FontLoader.bind`: no `fonts` here, so no `FontFace`, and Node counts as sync font loading). This
 * object takes that rule and drops it. The text content and operator lists are the same either way: the worker
 * reads `disableFontFace` only to decide whether to build the outlines.
 */
export function fontlessDocument(): object {
  const style = { sheet: { cssRules: [], insertRule: () => 0 }, remove: () => {} };
  return {
    createElement: () => style,
    documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
  };
}
