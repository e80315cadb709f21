import { parentPort } from 'node:worker_threads';
import { openPdf, pageText, preloadPdfText } from './pdfText';
import type { PdfTextJob, PdfTextReply } from './pdfTextProtocol';

/**
 * A thread that reads the text of some pages of a PDF with pdfjs (pdfTextReaders.ts). pdfjs
 * runs here and never on the thread that asked: its Node build brings polyfills that replace
 * some of the thread's built-ins for good (JSON.stringify measured 10x slower afterwards), and
 * in a thread of its own that stays in the thread.
 */
const port = parentPort!;
const send = (reply: PdfTextReply) => port.postMessage(reply);

// Loaded at once: the thread starts while Chromium prints, so pdfjs is ready when the PDF is.
void preloadPdfText().then(() => send({ kind: 'ready' }));

port.on('message', (job: PdfTextJob) => void read(job));

async function read({ id, pdf, part, parts }: PdfTextJob): Promise<void> {
  try {
    const doc = await openPdf(new Uint8Array(pdf));
    try {
      send({ id, kind: 'opened', pages: doc.numPages });
      const texts: string[] = [];
      for (let n = part + 1; n <= doc.numPages; n += parts) {
        texts.push(await pageText(doc, n));
        send({ id, kind: 'page' });
      }
      send({ id, kind: 'done', texts });
    } finally {
      await doc.destroy();
    }
  } catch (error) {
    send({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
