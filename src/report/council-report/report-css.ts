/**
 * The print style of the council's report: A4, a running header with the area and the fiscal year, page numbers
 * in the footer (CSS page-margin boxes: Chromium 131 and later print them, in the browser and in the PDF), a new
 * page before each section and each project.
 */
export function reportCss(runningHeader: string): string {
  // a CSS string inside <style>: no `<` may close the element early
  const header = JSON.stringify(runningHeader).replaceAll('<', '\\3C ');
  return `
@page { size: A4; margin: 18mm 15mm 18mm 15mm;
  @top-center { content: ${header}; font-size: 8pt; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@page cover { @top-center { content: none; } @bottom-center { content: none; } }
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 9.5pt;
  line-height: 1.6; color: #1a1a1c; margin: 0; }
.cover { page: cover; height: 240mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.cover h1 { font-size: 22pt; margin: 0 0 8mm; }
.cover .draft { color: #c0392b; font-weight: bold; font-size: 14pt; }
section.part, article.project { break-before: page; }
section.part > h1 + article.project { break-before: auto; }
h1 { font-size: 15pt; border-bottom: 2px solid #0031d8; padding-bottom: 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #eef1f8; font-weight: bold; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 0 0 4mm; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
.chart { max-height: 120mm; }
.contents ol { padding-left: 6mm; }
.contents a { color: inherit; text-decoration: none; }
.status-遅れ { color: #c0392b; font-weight: bold; }
.text { white-space: pre-wrap; margin: 0 0 2mm; }
dl.meta { display: grid; grid-template-columns: 28mm 1fr; gap: 1mm 3mm; margin: 0 0 3mm; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
@media screen { body { max-width: 210mm; margin: 0 auto; padding: 8mm; } }
`;
}
