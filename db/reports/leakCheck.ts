import {
  distinctFindings,
  findLeaks,
  findLeaksInPages,
  type LeakFinding,
  type LeakNeedles,
} from '../../shared/redaction';
import { pdfRawContent } from './pdfText';
import { pdfPageTexts } from './pdfTextReaders';

export interface PdfLeakCheck {
  readonly findings: readonly LeakFinding[];
  readonly pages: number;
}

/**
 * Reads a PDF as a reader could (each page's text, and every string in its objects and
 * streams, compressed or not) and looks for every removed value and every spelling of a
 * removed name (shared/redaction/leaks.ts). Nothing is written unless this finds nothing.
 */
export async function checkPdfForLeaks(
  pdf: Uint8Array,
  needles: LeakNeedles,
  options: { onPage?: (done: number, total: number) => void; signal?: AbortSignal } = {},
): Promise<PdfLeakCheck> {
  const reading = pdfPageTexts(pdf, options);
  const findings: LeakFinding[] = [];
  // The raw strings are searched on this thread while other threads read the pages' text.
  if (needles.count > 0) {
    try {
      const raw = pdfRawContent(pdf);
      findings.push(...findLeaks(raw.objects, needles, 'the file’s metadata and objects'));
      findings.push(...findLeaks(raw.streams, needles, 'the file’s streams'));
    } catch (error) {
      await reading.catch(() => {});
      throw error;
    }
  }
  const pages = await reading;
  if (needles.count > 0) findings.push(...findLeaksInPages(pages, needles));
  return { findings: distinctFindings(findings), pages: pages.length };
}

/** The same check on a text export (CSV, JSON, HTML's text). */
export function checkTextForLeaks(
  text: string,
  needles: LeakNeedles,
  where: string,
): LeakFinding[] {
  return distinctFindings(findLeaks(text, needles, where));
}
