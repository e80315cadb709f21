import { inflateSync } from 'node:zlib';

/**
 * What can be read out of a PDF: the text of each page as a reader's PDF viewer extracts it
 * (pdfjs-dist), and every string the file holds anywhere, in the clear or inside compressed
 * streams (metadata, bookmarks, annotations, marked-content ActualText), decoded from
 * PDFDocEncoding, UTF-16BE or UTF-8.
 */

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

async function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/**
 * Loads pdfjs ahead of need (it takes a moment the first time). Only on a thread of its own:
 * pdfTextWorker.ts says why.
 */
export async function preloadPdfText(): Promise<void> {
  await loadPdfJs();
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

export async function openPdf(pdf: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs();
  return getDocument({
    data: new Uint8Array(pdf),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
  }).promise;
}

/** One page's text as a reader's viewer extracts it, lines joined by newlines (1-based). */
export async function pageText(doc: PdfDocument, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return text;
}

function decodePdfString(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2));
    if (body.length % 2 === 1) body.writeUInt8(0, body.length - 1);
    return body.swap16().toString('utf16le');
  }
  const utf8 = bytes.toString('utf8');
  return utf8.includes('\ufffd') ? bytes.toString('latin1') : utf8;
}

const escapes: Readonly<Record<string, number>> = {
  n: 10,
  r: 13,
  t: 9,
  b: 8,
  f: 12,
  '(': 40,
  ')': 41,
  '\\': 92,
};

/**
 * Keeps a decoded string that reads as text. The glyph ids that page content streams show
 * (`<0029> Tj`) decode to control characters: they are the pages' glyphs, which the page
 * text (pdfjs) reads properly, and would only flood the search with noise.
 */
function keepText(text: string, out: string[]): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return;
  }
  out.push(text);
}

/** Every literal `( )` and hex `< >` string in a piece of PDF syntax, decoded. */
function stringsIn(source: string, out: string[]): void {
  const n = source.length;
  for (let i = 0; i < n; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x28 /* ( */) {
      const bytes: number[] = [];
      let depth = 1;
      for (i++; i < n && depth > 0; i++) {
        const d = source[i]!;
        if (d === '\\') {
          const next = source[i + 1] ?? '';
          if (/[0-7]/.test(next)) {
            const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4))![0];
            bytes.push(parseInt(octal, 8) & 0xff);
            i += octal.length;
          } else if (next === '\r' || next === '\n') {
            i += next === '\r' && source[i + 2] === '\n' ? 2 : 1;
          } else {
            bytes.push(escapes[next] ?? next.charCodeAt(0));
            i++;
          }
          continue;
        }
        if (d === '(') depth++;
        else if (d === ')' && --depth === 0) break;
        bytes.push(d.charCodeAt(0) & 0xff);
      }
      keepText(decodePdfString(Buffer.from(bytes)), out);
    } else if (c === 0x3c /* < */ && source.charCodeAt(i + 1) !== 0x3c) {
      const end = source.indexOf('>', i);
      if (end < 0) break;
      const hex = source.slice(i + 1, end).replace(/\s+/g, '');
      if (/^[0-9a-fA-F]*$/.test(hex) && hex.length >= 4) {
        keepText(decodePdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')), out);
      }
      i = end;
    } else if (c === 0x3c) {
      i++;
    }
  }
}

export interface PdfRawContent {
  /** Strings outside streams: the Info dictionary, names, annotations. */
  readonly objects: string;
  /** Strings inside streams, and text streams (XMP) as UTF-8. */
  readonly streams: string;
  /** Every stream, inflated where it was compressed. */
  readonly streamBytes: readonly Buffer[];
}

/** Everything a PDF holds that could carry text, outside the page's glyphs. */
export function pdfRawContent(pdf: Uint8Array): PdfRawContent {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = buffer.toString('latin1');
  const outside: string[] = [];
  const inside: string[] = [];
  const streamBytes: Buffer[] = [];
  const streamStart = /stream\r?\n/g;
  let last = 0;
  for (let match = streamStart.exec(text); match; match = streamStart.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = text.slice(text.lastIndexOf('<<', match.index), match.index);
    stringsIn(text.slice(last, match.index), outside);
    let bytes = buffer.subarray(start, end);
    if (/\/FlateDecode/.test(dictionary)) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        // Not compressed after all, or damaged: read as it stands.
      }
    }
    streamBytes.push(Buffer.from(bytes));
    // Fonts and images are binary: any "(" in them starts no string.
    if (!/\/Length1|\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType)/.test(dictionary)) {
      stringsIn(bytes.toString('latin1'), inside);
    }
    if (/\/Type\s*\/Metadata|\/Subtype\s*\/XML/.test(dictionary))
      inside.push(bytes.toString('utf8'));
    last = end + 'endstream'.length;
    streamStart.lastIndex = last;
  }
  stringsIn(text.slice(last), outside);
  return { objects: outside.join('\n'), streams: inside.join('\n'), streamBytes };
}
