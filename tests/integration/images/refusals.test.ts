import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImageForExport, imageExportLimits, recogniseImage } from '../../../db/images';
import { gradient } from './plantedImages';

const refusedWith = (pattern: RegExp) => ({
  name: 'VaultError',
  code: 'invalid_input',
  message: expect.stringMatching(pattern),
});

/** A photo of noise, so that half of its file is half of its pixels. */
const noisyJpeg = () =>
  sharp({
    create: {
      width: 300,
      height: 200,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg()
    .toBuffer();

/** A real JPEG whose frame header is rewritten to claim `width`×`height` pixels. */
async function jpegClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = await gradient(16, 16).jpeg().toBuffer();
  for (let at = 2; at < bytes.length;) {
    const marker = bytes[at + 1]!;
    const length = bytes.readUInt16BE(at + 2);
    if (marker === 0xc0 || marker === 0xc2) {
      bytes.writeUInt16BE(height, at + 5);
      bytes.writeUInt16BE(width, at + 7);
      return bytes;
    }
    at += 2 + length;
  }
  throw new Error('no frame header');
}

/** A real PNG whose header chunk is rewritten (with a valid checksum) to claim a size. */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = await gradient(16, 16).png().toBuffer();
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

describe('an image that cannot be cleaned is refused with one clear error', () => {
  it('refuses a truncated JPEG and a truncated PNG as damaged', async () => {
    const jpeg = await noisyJpeg();
    await expect(cleanImageForExport(jpeg.subarray(0, jpeg.length / 2))).rejects.toMatchObject(
      refusedWith(/^The image is damaged or cut short.*Nothing was exported\..*intact copy/),
    );
    const png = await sharp(await noisyJpeg())
      .png()
      .toBuffer();
    await expect(cleanImageForExport(png.subarray(0, png.length - 5000))).rejects.toMatchObject(
      refusedWith(/^The image is damaged or cut short/),
    );
  });

  it('refuses a JPEG whose headers are garbage', async () => {
    const jpeg = await noisyJpeg();
    const broken = Buffer.concat([
      jpeg.subarray(0, 4),
      Buffer.alloc(600, 0x5a),
      jpeg.subarray(604),
    ]);
    await expect(cleanImageForExport(broken)).rejects.toMatchObject(
      refusedWith(/^The image is damaged or cut short/),
    );
  });

  it('refuses files that are not pictures, naming the formats it takes', async () => {
    for (const bytes of [
      Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n'),
      Buffer.from('Witness statement, not a picture'),
      Buffer.alloc(0),
      Buffer.from([0xff, 0xd8]),
    ]) {
      await expect(cleanImageForExport(bytes)).rejects.toMatchObject(
        refusedWith(
          /^This file is not an image Casebook can export \(JPEG, PNG, WebP, TIFF, GIF or AVIF\)/,
        ),
      );
    }
  });

  it('refuses SVG, BMP and HEIC by name, and says to convert them', async () => {
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>');
    const bmp = Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)]);
    // An iPhone photo's first box: HEIF with the HEVC brand. The bundled libheif has no HEVC decoder.
    const ftyp = Buffer.alloc(24);
    ftyp.writeUInt32BE(24, 0);
    ftyp.write('ftypheic', 4, 'latin1');
    ftyp.write('mif1heic', 16, 'latin1');
    const heic = Buffer.concat([ftyp, Buffer.alloc(200)]);
    for (const [bytes, name] of [
      [svg, 'SVG'],
      [bmp, 'BMP'],
      [heic, 'HEIC'],
    ] as const) {
      await expect(cleanImageForExport(bytes)).rejects.toMatchObject(
        refusedWith(
          new RegExp(`^${name} images cannot be cleaned.*Convert the file to JPEG or PNG`),
        ),
      );
    }
  });

  it('refuses a small file that claims billions of pixels, before decoding anything', async () => {
    for (const bomb of [await jpegClaiming(60000, 60000), await pngClaiming(200000, 100000)]) {
      expect(bomb.length).toBeLessThan(2000);
      await expect(cleanImageForExport(bomb)).rejects.toMatchObject(
        refusedWith(
          /^The image says it is \d+×\d+ pixels \(\d+ megapixels\), more than the 100 megapixels/,
        ),
      );
    }
    // One pixel over a lowered limit is enough to refuse.
    await expect(
      cleanImageForExport(await gradient(40, 25).png().toBuffer(), { maxPixels: 999 }),
    ).rejects.toMatchObject(refusedWith(/40×25 pixels/));
    // The limit can only be lowered, never raised past the built-in one.
    await expect(
      cleanImageForExport(await jpegClaiming(12000, 9000), { maxPixels: 10 ** 9 }),
    ).rejects.toMatchObject(refusedWith(/more than the 100 megapixels/));
    expect(imageExportLimits.maxPixels).toBe(100_000_000);
  });

  it('refuses an export format other than JPEG or PNG, and bad regions, before decoding', async () => {
    const png = await gradient(40, 25).png().toBuffer();
    await expect(
      cleanImageForExport(png, { format: 'gif' as unknown as 'png' }),
    ).rejects.toMatchObject(refusedWith(/exported as jpeg or png/));
    await expect(
      cleanImageForExport(png, { blackOut: [{ x: 0, y: 0, width: 0, height: 5 }] }),
    ).rejects.toMatchObject(refusedWith(/^Black-out region 1 \(0,0,0,5\) has no area/));
    await expect(
      cleanImageForExport(png, {
        blackOut: [
          { x: 0, y: 0, width: 5, height: 5 },
          { x: -1, y: 0, width: 5, height: 5 },
        ],
      }),
    ).rejects.toMatchObject(refusedWith(/^Black-out region 2 .*cannot be negative/));
    await expect(
      cleanImageForExport(png, { blackOut: [{ x: 0, y: 20, width: 5, height: 6 }] }),
    ).rejects.toMatchObject(refusedWith(/bottom edge of the image, which is 25 pixels high/));
  });

  it('stops a cancelled export and returns nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      cleanImageForExport(await gradient(40, 25).png().toBuffer(), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled. Nothing was exported.' });
  });
});

describe('the kind of picture a file holds', () => {
  const ftyp = (...brands: string[]) => {
    const box = Buffer.alloc(8 + 4 * (brands.length + 1));
    box.writeUInt32BE(box.length, 0);
    box.write('ftyp', 4, 'latin1');
    box.write(brands[0]!, 8, 'latin1');
    brands.slice(1).forEach((brand, i) => box.write(brand, 16 + 4 * i, 'latin1'));
    return Buffer.concat([box, Buffer.alloc(64)]);
  };

  it('is read from its first bytes, whatever its name says', async () => {
    expect(recogniseImage(await gradient(8, 8).png().toBuffer())).toEqual({
      kind: 'cleanable',
      format: 'png',
    });
    // HEIF containers: the codec is named by the brands, and HEVC wins only without AV1.
    expect(recogniseImage(ftyp('mif1', 'mif1', 'avif'))).toEqual({
      kind: 'cleanable',
      format: 'avif',
    });
    expect(recogniseImage(ftyp('mif1', 'mif1', 'heic'))).toEqual({
      kind: 'unsupported',
      name: 'HEIC',
    });
    expect(recogniseImage(ftyp('isom', 'mp41'))).toEqual({ kind: 'not-an-image' });
    // BigTIFF, both byte orders.
    expect(recogniseImage(Buffer.from([0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0]))).toMatchObject({
      format: 'tiff',
    });
    expect(recogniseImage(Buffer.from([0x4d, 0x4d, 0x00, 0x2b, 0, 8, 0, 0]))).toMatchObject({
      format: 'tiff',
    });
  });
});
