/**
 * Messages between the leak check and its PDF text threads (pdfTextReaders.ts,
 * pdfTextWorker.ts). A PDF goes out with which share of its pages to read; the text of those
 * pages comes back, after a message per page so that the user sees progress.
 */
export interface PdfTextJob {
  readonly id: number;
  /** A copy of the PDF for this thread: it is transferred, not shared. */
  readonly pdf: ArrayBuffer;
  /** This thread reads pages part+1, part+1+parts, ... (interleaved: long and short pages mix). */
  readonly part: number;
  readonly parts: number;
}

export type PdfTextReply =
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'opened'; readonly pages: number }
  | { readonly id: number; readonly kind: 'page' }
  | { readonly id: number; readonly kind: 'done'; readonly texts: readonly string[] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
