import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumPdfPrinter, reportFontFaceCss, type PdfPrinter } from '../../../db/reports';
import { PdfTextReaders, pageObjectCount, pdfPageTexts } from '../../../db/reports/pdfTextReaders';
import { reportFontFamily } from '../../../shared/reports';

/**
 * The leak check reads a PDF's pages on threads of their own: several at once, each an
 * interleaved share of the pages. The text must come back whole and in page order whatever the
 * number of threads, a damaged file must fail clearly, and pdfjs's polyfills must stay in its
 * threads.
 */

let printer: PdfPrinter;
let sevenPages: Uint8Array;
beforeAll(async () => {
  printer = await launchChromiumPdfPrinter();
  const pages = Array.from(
    { length: 7 },
    (_, i) =>
      `<section style="break-after: page"><h1>Старонка ${i + 1}</h1><p>Сведка ${i + 1}: Źmicier Daškievič ${'й'.repeat(i + 1)}</p></section>`,
  ).join('');
  sevenPages = await printer.printPdf(
    `<!DOCTYPE html><html lang="be"><head><meta charset="utf-8"><style>${reportFontFaceCss({ source: 'data' })} html{font-family:'${reportFontFamily}'}</style></head><body>${pages}</body></html>`,
  );
});
afterAll(async () => {
  await printer?.close();
});

describe('reading a PDF’s text on several threads', () => {
  it('gives every page, in order, the same whatever the number of threads', async () => {
    const one = new PdfTextReaders(1);
    const three = new PdfTextReaders(3);
    try {
      const byOne = await one.pageTexts(sevenPages);
      const progress: [number, number][] = [];
      const byThree = await three.pageTexts(sevenPages, {
        onPage: (done, total) => progress.push([done, total]),
      });
      // Seven pages are enough for three threads (three pages a thread at the least).
      expect(pageObjectCount(sevenPages)).toBe(7);
      expect(byOne).toHaveLength(7);
      byOne.forEach((text, i) => {
        expect(text).toContain(`Старонка ${i + 1}`);
        expect(text).toContain(`Сведка ${i + 1}: Źmicier Daškievič ${'й'.repeat(i + 1)}`);
      });
      expect(byThree).toEqual(byOne);
      // Progress counts up to every page, against the right total, and never goes back.
      expect(progress.at(-1)).toEqual([7, 7]);
      expect(progress.every(([, total]) => total === 7)).toBe(true);
      expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort());
    } finally {
      one.stop();
      three.stop();
    }
  });

  it('fails a damaged file with an error, and reads the next file as before', async () => {
    const readers = new PdfTextReaders(2);
    try {
      const damaged = new Uint8Array(sevenPages.subarray(0, 400));
      await expect(readers.pageTexts(damaged)).rejects.toThrow(Error);
      expect(await readers.pageTexts(sevenPages)).toHaveLength(7);
    } finally {
      readers.stop();
    }
  });

  it('stops when cancelled, and reads the next file as before', async () => {
    const readers = new PdfTextReaders(2);
    try {
      const cancel = new AbortController();
      const reading = readers.pageTexts(sevenPages, {
        onPage: (done) => {
          if (done === 1) cancel.abort();
        },
        signal: cancel.signal,
      });
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
      expect(await readers.pageTexts(sevenPages)).toHaveLength(7);
    } finally {
      readers.stop();
    }
  });

  it('leaves the caller’s bytes and the caller’s built-ins as they were', async () => {
    const stringify = JSON.stringify;
    const parse = JSON.parse;
    const push = Array.prototype.push;
    const copy = Buffer.from(sevenPages);
    // A Buffer from Node's pool: the reader must copy it, never take its memory away.
    expect((await pdfPageTexts(copy)).length).toBe(7);
    expect(copy.equals(Buffer.from(sevenPages))).toBe(true);
    // pdfjs's Node build replaces these in the thread that loads it (JSON.stringify measured
    // 10x slower); it must never be loaded here.
    expect(JSON.stringify).toBe(stringify);
    expect(JSON.parse).toBe(parse);
    expect(Array.prototype.push).toBe(push);
  });
});
