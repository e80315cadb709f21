/**
 * Chromium writes the page's title, its own user agent (browser version and operating
 * system) and the time of printing, with the time zone, into the PDF's Info dictionary.
 * None of it belongs in a report that leaves the documenter's hands. The dictionary is
 * overwritten in place with an empty one and spaces, byte for byte, so every offset in the
 * cross-reference table stays right and nothing else in the file moves.
 */
export class PdfMetadataError extends Error {
  override readonly name = 'PdfMetadataError';
}

const latin1 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

export function scrubPdfMetadata(pdf: Uint8Array): Uint8Array {
  const out = Buffer.from(pdf);
  const text = out.toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  if (trailerAt < 0) {
    // A cross-reference stream would hide the Info reference where this does not look.
    throw new PdfMetadataError('the PDF has no trailer this scrubber can read');
  }
  if (/\/Type\s*\/Metadata/.test(text))
    throw new PdfMetadataError('the PDF has an XMP metadata stream');
  const trailer = text.slice(trailerAt, text.indexOf('>>', text.indexOf('<<', trailerAt)) + 2);
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!info) return out;
  const header = new RegExp(`(^|[\\r\\n\\s])${info[1]}\\s+${info[2]}\\s+obj\\b`, 'g');
  let start = -1;
  for (let match = header.exec(text); match; match = header.exec(text))
    start = match.index + match[0].length;
  if (start < 0) throw new PdfMetadataError('the PDF names an Info dictionary it does not hold');
  const end = text.indexOf('endobj', start);
  const body = text.slice(start, end);
  if (!/^\s*<</.test(body)) throw new PdfMetadataError('the Info object is not a dictionary');
  const blank = ' <<>>'.padEnd(body.length - 1, ' ') + '\n';
  out.write(blank, start, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** The Info dictionary as written, for tests: empty after scrubbing. */
export function pdfInfoDictionary(pdf: Uint8Array): string | undefined {
  const text = latin1(pdf);
  const trailerAt = text.lastIndexOf('trailer');
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(text.slice(trailerAt));
  if (!info) return undefined;
  const at = text.search(new RegExp(`(^|[\\r\\n\\s])${info[1]}\\s+${info[2]}\\s+obj\\b`));
  return text
    .slice(at, text.indexOf('endobj', at))
    .replace(/^\s*\d+\s+\d+\s+obj/, '')
    .trim();
}
