import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { VaultError } from '../errors';
import {
  alignToBlocks,
  blackOutRaster,
  checkBlackOutRegions,
  type BlackOutRegion,
  type Raster,
} from './blackOutRegions';
import { recogniseImage, type CleanableImageFormat } from './imageFormat';

export const exportImageFormats = ['jpeg', 'png'] as const;
export type ExportImageFormat = (typeof exportImageFormats)[number];

export const imageExportLimits = {
  /** The largest image file accepted: far above any photo or scan a documenter keeps. */
  maxBytes: 256 * 1024 * 1024,
  /**
   * Pixels decoded at most (100 megapixels: a 108-megapixel phone sensor is refused, an A3
   * page scanned at 600 dpi is not). Checked from the header before decoding, so a small file
   * that claims to be enormous (a decompression bomb) costs nothing; the decoded raster of
   * the largest accepted image takes 400 MB at most.
   */
  maxPixels: 100_000_000,
} as const;

export interface CleanImageOptions {
  /** Rectangles to replace with black, in pixels of the upright image. */
  readonly blackOut?: readonly BlackOutRegion[];
  /** Default: PNG for PNG and GIF files and images with transparency, JPEG for the rest. */
  readonly format?: ExportImageFormat;
  /** Lower than `imageExportLimits.maxPixels` to refuse smaller images; never higher. */
  readonly maxPixels?: number;
  /** Checked between decoding and encoding: a cancelled export returns nothing. */
  readonly signal?: AbortSignal | undefined;
}

export interface CleanedImage {
  readonly bytes: Uint8Array;
  readonly format: ExportImageFormat;
  readonly mediaType: 'image/jpeg' | 'image/png';
  /** Of the upright image, as written. */
  readonly width: number;
  readonly height: number;
  /** The regions as blacked out: for JPEG, widened to whole 8×8 blocks. */
  readonly blackedOut: readonly BlackOutRegion[];
}

const jpegBlock = 8;

const importSharp = async () => (await import('sharp')).default;
type SharpFactory = Awaited<ReturnType<typeof importSharp>>;

let sharpModule: SharpFactory | undefined;

/**
 * Loaded on first use, not with the vault: it is a native library most commands never need.
 * libvips' operation cache would keep decoded evidence in memory after the export is done, so
 * it is switched off before the first image is opened.
 */
async function loadSharp(): Promise<SharpFactory> {
  if (!sharpModule) {
    const sharp = await importSharp();
    sharp.cache(false);
    sharpModule = sharp;
  }
  return sharpModule;
}

const refused = (message: string) => new VaultError('invalid_input', message);

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VaultError('cancelled', 'Cancelled. Nothing was exported.');
}

const damaged = () =>
  refused(
    'The image is damaged or cut short, so it cannot be cleaned for export. Nothing was exported. Attach an intact copy from the source it came from.',
  );

function tooLarge(width: number, height: number, maxPixels: number): VaultError {
  const megapixels = (n: number) => `${Math.round(n / 1e5) / 10} megapixels`;
  return refused(
    `The image says it is ${width}×${height} pixels (${megapixels(width * height)}), more than the ${megapixels(maxPixels)} an export decodes: it is damaged or made to exhaust memory. Nothing was exported. Reduce the original on a trusted computer and attach that copy.`,
  );
}

const undecodable = (name: string) =>
  refused(
    `${name} images cannot be cleaned for export: the image library shipped with Casebook does not decode them. Nothing was exported. Convert the file to JPEG or PNG on a trusted computer and attach that copy.`,
  );

function checkCleanable(bytes: Uint8Array): CleanableImageFormat {
  if (bytes.length > imageExportLimits.maxBytes) {
    throw refused(
      `The image file is ${Math.ceil(bytes.length / 2 ** 20)} MiB, more than the ${imageExportLimits.maxBytes / 2 ** 20} MiB an export reads. Nothing was exported. Reduce it on a trusted computer and attach that copy.`,
    );
  }
  const recognised = recogniseImage(bytes);
  if (recognised.kind === 'cleanable') return recognised.format;
  if (recognised.kind === 'unsupported') throw undecodable(recognised.name);
  throw refused(
    'This file is not an image Casebook can export (JPEG, PNG, WebP, TIFF, GIF or AVIF). Nothing was exported.',
  );
}

/** Header only: dimensions, orientation, alpha. Reading it decodes no pixels. */
async function readHeader(sharp: SharpFactory, bytes: Uint8Array): Promise<Metadata> {
  try {
    return await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged();
  }
}

/**
 * Decodes the first page or frame to 8-bit sRGB, upright. The ICC profile, if any, is applied
 * to the pixels here and then dropped with everything else the file carried.
 */
async function decodeUpright(
  sharp: SharpFactory,
  bytes: Uint8Array,
  options: { maxPixels: number; opaque: boolean },
): Promise<Raster> {
  const input: SharpOptions = {
    limitInputPixels: options.maxPixels,
    // Aborts on corrupt or truncated pixel data; mere warnings (common in camera files) pass.
    failOn: 'error',
    autoOrient: true,
    pages: 1,
  };
  let pipeline: Sharp = sharp(bytes, input);
  if (options.opaque) pipeline = pipeline.flatten({ background: '#ffffff' });
  try {
    const { data, info } = await pipeline
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) throw new Error('unexpected channel count');
    return { data, width: info.width, height: info.height, channels: info.channels };
  } catch {
    throw damaged();
  }
}

/**
 * An image made safe to publish: the pixels are decoded, turned upright, the requested regions
 * replaced with black, and the raster encoded afresh. The encoder is given nothing but that
 * raster, so no block of the original file (EXIF with GPS and serial numbers, maker notes,
 * XMP, IPTC, ICC profile text, comments, text chunks, thumbnails) can reach the output. The
 * output has no colour profile: it is sRGB, which is what viewers assume of an untagged image.
 * docs/images.md has the detail.
 */
export async function cleanImageForExport(
  bytes: Uint8Array,
  options: CleanImageOptions = {},
): Promise<CleanedImage> {
  const maxPixels = Math.min(
    options.maxPixels ?? imageExportLimits.maxPixels,
    imageExportLimits.maxPixels,
  );
  if (options.format !== undefined && !exportImageFormats.includes(options.format)) {
    throw refused(`An image is exported as ${exportImageFormats.join(' or ')}.`);
  }
  const source = checkCleanable(bytes);
  stopIfCancelled(options.signal);
  const sharp = await loadSharp();
  const header = await readHeader(sharp, bytes);
  // A HEIF file whose brands did not say HEVC, but whose first image is coded with it.
  if (header.compression === 'hevc') throw undecodable('HEIC');
  const { width, height } = header;
  if (!(width > 0 && height > 0)) throw damaged();
  if (width * height > maxPixels) throw tooLarge(width, height, maxPixels);

  const upright = header.autoOrient ?? { width, height };
  const regions = options.blackOut ?? [];
  checkBlackOutRegions(regions, upright);

  const format =
    options.format ?? (source === 'png' || source === 'gif' || header.hasAlpha ? 'png' : 'jpeg');
  stopIfCancelled(options.signal);
  const raster = await decodeUpright(sharp, bytes, { maxPixels, opaque: format === 'jpeg' });
  try {
    stopIfCancelled(options.signal);
    // The header's orientation and the decoder's must agree, or the regions were checked
    // against the wrong shape.
    if (raster.width !== upright.width || raster.height !== upright.height) throw damaged();
    const blackedOut =
      format === 'jpeg' ? regions.map((r) => alignToBlocks(r, jpegBlock, raster)) : regions;
    blackOutRaster(raster, blackedOut);
    const encoder = sharp(raster.data, {
      raw: { width: raster.width, height: raster.height, channels: raster.channels },
    });
    const encoded =
      format === 'jpeg'
        ? // Full-resolution colour (4:4:4): with subsampled colour, a viewer's smoothing
          // would tint the black at a region's edge with the colour beside it.
          encoder.jpeg({ quality: 90, chromaSubsampling: '4:4:4' })
        : encoder.png({ compressionLevel: 6 });
    const output = await encoded.toBuffer();
    stopIfCancelled(options.signal);
    return {
      bytes: new Uint8Array(output.buffer, output.byteOffset, output.length),
      format,
      mediaType: format === 'jpeg' ? 'image/jpeg' : 'image/png',
      width: raster.width,
      height: raster.height,
      blackedOut,
    };
  } finally {
    // The decoded evidence, blacked-out parts and all, does not outlive the export.
    raster.data.fill(0);
  }
}
