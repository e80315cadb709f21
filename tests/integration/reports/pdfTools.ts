import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';

/**
 * Reading a PDF with tools other than the app's own (poppler-utils: pdftotext, pdfinfo,
 * pdffonts, pdftoppm), and byte by byte, so the tests do not trust the code they test.
 */
export function pdftotext(pdf: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    maxBuffer: 64 << 20,
  }).toString('utf8');
}

export function pdfinfo(pdf: Uint8Array): string {
  return execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
}

export function pdffonts(file: string): string[] {
  return execFileSync('pdffonts', [file])
    .toString('utf8')
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!)
    .filter(Boolean);
}

/** The file's bytes and every stream in it inflated. */
export function rawAndInflated(pdf: Uint8Array): Buffer[] {
  const buffer = Buffer.from(pdf);
  const parts = [buffer];
  const text = buffer.toString('latin1');
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    if (text.slice(at - 3, at) === 'end') continue;
    const start = at + (text[at + 6] === '\r' ? 8 : 7);
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(buffer.subarray(start, end)));
    } catch {
      parts.push(buffer.subarray(start, end));
    }
  }
  return parts;
}

/** The forms a word could take in the bytes: UTF-8, UTF-16BE (PDF text strings), UTF-16LE. */
export function encodings(word: string): Buffer[] {
  const le = Buffer.from(word, 'utf16le');
  return [Buffer.from(word, 'utf8'), Buffer.from(le).swap16(), le];
}

export function bytesContain(parts: readonly Buffer[], word: string): boolean {
  return encodings(word).some((needle) => parts.some((part) => part.includes(needle)));
}
