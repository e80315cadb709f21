/**
 * Printing is a port (docs/architecture.md): the app prints with Electron's printToPDF of a
 * hidden offline window (main/reports/electronPdfPrinter.ts); the CLI, the tests and the
 * benchmark print with Playwright's page.pdf() over Chromium (chromiumPdfPrinter.ts). Same
 * HTML, same engine. The page's `@page` rule sets paper and margins; neither printer adds a
 * header or footer (Chromium's would print the title, the address and the date).
 */
export interface PdfPrinter {
  /** The page printed to PDF, metadata as the engine wrote it (scrubPdfMetadata removes it). */
  printPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}
