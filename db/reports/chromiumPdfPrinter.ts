import type { Browser } from 'playwright-core';
import { chromiumArgs, findChromium } from './chromium';
import type { PdfPrinter } from './pdfPrinter';

/** The page.pdf() options both the printer and the benchmark's plain baseline use. */
export const pdfOptions = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  tagged: false,
  outline: false,
} as const;

/**
 * Prints with Playwright over Chromium: one browser for many prints, a fresh context for each,
 * with JavaScript off, offline, and every request refused (the page needs none: its fonts are
 * inside it), so a report can neither run nor fetch anything.
 */
export async function launchChromiumPdfPrinter(
  options: { executablePath?: string } = {},
): Promise<PdfPrinter> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath ?? findChromium(),
    headless: true,
    args: chromiumArgs,
  });
  return {
    async printPdf(html: string): Promise<Uint8Array> {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        offline: true,
        serviceWorkers: 'block',
        acceptDownloads: false,
      });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        // 'load' does not wait for web fonts, and the report's fonts use font-display: block, so a
        // print under load could catch text still invisible (and missing from the PDF's text,
        // which the leak check reads). Page scripts stay off; this runs in Playwright's own world.
        await page.evaluate('document.fonts.ready.then(() => undefined)');
        return new Uint8Array(await page.pdf(pdfOptions));
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      await browser.close();
    },
  };
}
