/**
 * What kind of picture a file holds, read from its first bytes rather than from its name or its
 * stated media type: an attachment's name is whatever the sender called it. Only formats that
 * the bundled image library decodes from its own code are let through; anything else is
 * refused before a decoder sees it (SVG in particular, which is a document that can point at
 * other files, not a picture).
 */
export const cleanableImageFormats = ['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'] as const;
export type CleanableImageFormat = (typeof cleanableImageFormats)[number];

export type RecognisedImage =
  | { readonly kind: 'cleanable'; readonly format: CleanableImageFormat }
  /** A picture format we know but cannot clean; `name` is what a documenter would call it. */
  | { readonly kind: 'unsupported'; readonly name: string }
  | { readonly kind: 'not-an-image' };

const ascii = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);

/** ISO base media brands of HEIF images coded with HEVC (iPhone photos) and with AV1 (AVIF). */
const hevcBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const av1Brands = new Set(['avif', 'avis']);

/** The major and compatible brands of an ISO base media `ftyp` box at the start of the file. */
function ftypBrands(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const end = Math.min(size, bytes.length);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

function recogniseHeif(bytes: Uint8Array): RecognisedImage | undefined {
  const brands = ftypBrands(bytes);
  if (!brands) return undefined;
  // The major brand decides; `mif1`/`msf1` files name their codec among the compatible brands.
  const [major] = brands;
  if (av1Brands.has(major!)) return { kind: 'cleanable', format: 'avif' };
  if (hevcBrands.has(major!)) return heic;
  if (brands.some((b) => av1Brands.has(b))) return { kind: 'cleanable', format: 'avif' };
  if (brands.some((b) => hevcBrands.has(b))) return heic;
  return undefined;
}

const heic: RecognisedImage = { kind: 'unsupported', name: 'HEIC' };

export function recogniseImage(bytes: Uint8Array): RecognisedImage {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'cleanable', format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'cleanable', format: 'png' };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return { kind: 'cleanable', format: 'webp' };
  // Classic TIFF (42) and BigTIFF (43), in either byte order.
  if (
    [0x2a, 0x2b].some(
      (v) => startsWith(bytes, [0x49, 0x49, v, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, v]),
    )
  )
    return { kind: 'cleanable', format: 'tiff' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')
    return { kind: 'cleanable', format: 'gif' };
  const heif = recogniseHeif(bytes);
  if (heif) return heif;
  if (startsWith(bytes, [0x42, 0x4d])) return { kind: 'unsupported', name: 'BMP' };
  if (startsWith(bytes, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]))
    return { kind: 'unsupported', name: 'JPEG 2000' };
  if (looksLikeSvg(bytes)) return { kind: 'unsupported', name: 'SVG' };
  return { kind: 'not-an-image' };
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 0, Math.min(bytes.length, 512)).trimStart().toLowerCase();
  return head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'));
}
