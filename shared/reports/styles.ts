/**
 * The report's stylesheet: A4 pages with page numbers in the bottom margin (a CSS page margin
 * box, drawn with the document's own fonts, unlike Chromium's header and footer templates,
 * which fall back to the system's fonts and may print the title or address), and only the
 * font family the app ships.
 */
export const reportFontFamily = 'Casebook Sans';

export const reportStyleSheet = `
@page {
  size: A4;
  margin: 18mm 16mm 20mm;
  @bottom-center {
    content: counter(page) " / " counter(pages);
    font-family: '${reportFontFamily}';
    font-size: 8pt;
    color: #555;
  }
}
html { font-family: '${reportFontFamily}'; font-size: 10pt; line-height: 1.4; color: #111; background: #fff; }
body { margin: 0; }
header { border-bottom: 1.5pt solid #2f5d8a; margin-bottom: 10pt; padding-bottom: 6pt; }
.kind { margin: 0; color: #2f5d8a; font-weight: 700; text-transform: uppercase; font-size: 8.5pt; letter-spacing: 0.04em; }
h1 { font-size: 18pt; margin: 2pt 0 6pt; line-height: 1.2; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; color: #2f5d8a; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; }
h4, h5 { font-size: 10pt; margin: 6pt 0 2pt; break-after: avoid; }
h5 { font-weight: 700; color: #333; }
h3::first-letter { text-transform: uppercase; }
p { margin: 0 0 4pt; }
.note { color: #444; font-size: 8.5pt; }
dl.fields { margin: 0 0 6pt; display: grid; grid-template-columns: 38% 62%; }
dl.fields .field { display: contents; }
dl.fields dt { color: #444; padding: 1.5pt 6pt 1.5pt 0; border-top: 0.5pt solid #ddd; }
dl.fields dd { grid-column: 2; margin: 0; padding: 1.5pt 0; border-top: 0.5pt solid #ddd; }
dl.fields dd + dd { border-top: none; }
table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; }
th, td { text-align: start; vertical-align: top; padding: 2pt 4pt; border-bottom: 0.5pt solid #ccc; }
thead th { border-bottom: 1pt solid #888; font-weight: 700; }
tr { break-inside: avoid; }
table.records { font-size: 9pt; }
table.figures th[scope="row"] { font-weight: 400; }
table.figures tr.indent th { padding-inline-start: 16pt; color: #333; }
.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
.upto { color: #555; }
.prose p { text-align: start; }
.withheld { color: #666; font-style: normal; }
.pseudonym { font-weight: 700; }
figure.chart { margin: 6pt 0 10pt; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart text { font-family: '${reportFontFamily}'; font-size: 11px; fill: #111; }
figure.chart text.chart-title { font-weight: 700; font-size: 12px; }
bdi { unicode-bidi: isolate; }
`;
