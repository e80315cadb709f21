import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cleanImageForExport, type BlackOutRegion } from '../../../db/images';
import { gradient } from './plantedImages';

interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
}

/** Decodes with sharp, upright and in sRGB: what a viewer of the exported file would see. */
async function decode(bytes: Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(bytes, { autoOrient: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

const inside = (r: BlackOutRegion, x: number, y: number) =>
  x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;

function pixel(p: Pixels, x: number, y: number): number[] {
  const at = (y * p.width + x) * p.channels;
  return [...p.data.subarray(at, at + p.channels)];
}

/** Every pixel, split by whether a region covers it. */
function* pixelsOf(p: Pixels, regions: readonly BlackOutRegion[]) {
  for (let y = 0; y < p.height; y++)
    for (let x = 0; x < p.width; x++)
      yield { x, y, covered: regions.some((r) => inside(r, x, y)), value: pixel(p, x, y) };
}

describe('blacking out regions of an image', () => {
  it('replaces every pixel of a PNG region with black and leaves every other pixel as it was', async () => {
    const original = await gradient(97, 61).png().toBuffer();
    const regions = [
      { x: 5, y: 7, width: 20, height: 11 },
      { x: 60, y: 0, width: 37, height: 61 }, // to the right and top and bottom edges
      { x: 20, y: 15, width: 1, height: 1 }, // one pixel, overlapping the first region's corner
    ];
    const cleaned = await cleanImageForExport(original, { blackOut: regions });
    expect(cleaned.blackedOut).toEqual(regions);
    const before = await decode(original);
    const after = await decode(cleaned.bytes);
    expect([after.width, after.height, after.channels]).toEqual([97, 61, 3]);
    let covered = 0;
    for (const { x, y, covered: isCovered, value } of pixelsOf(after, regions)) {
      if (isCovered) {
        covered++;
        expect(value, `pixel ${x},${y}`).toEqual([0, 0, 0]);
      } else {
        expect(value, `pixel ${x},${y}`).toEqual(pixel(before, x, y));
      }
    }
    expect(covered).toBe(20 * 11 + 37 * 61 + 1 - 1);
  });

  it('makes transparent pixels in a region opaque black, so no background shows through', async () => {
    const original = await gradient(64, 32, 4).png().toBuffer();
    const region = { x: 0, y: 4, width: 30, height: 10 }; // half over the transparent strip
    const cleaned = await cleanImageForExport(original, { blackOut: [region] });
    expect(cleaned.format).toBe('png');
    const after = await decode(cleaned.bytes);
    expect(after.channels).toBe(4);
    for (const { x, y, covered, value } of pixelsOf(after, [region])) {
      if (covered) expect(value, `pixel ${x},${y}`).toEqual([0, 0, 0, 255]);
    }
    expect(pixel(after, 1, 20)[3]).toBe(0);
  });

  it('blacks out whole 8×8 blocks of a JPEG, exactly black, and changes the rest only by re-encoding', async () => {
    const original = await gradient(101, 75).jpeg({ quality: 95 }).toBuffer();
    const asked = [
      { x: 13, y: 9, width: 21, height: 10 },
      { x: 90, y: 70, width: 11, height: 5 }, // the bottom-right corner, in partial blocks
    ];
    const cleaned = await cleanImageForExport(original, { blackOut: asked });
    expect(cleaned.format).toBe('jpeg');
    expect(cleaned.blackedOut).toEqual([
      { x: 8, y: 8, width: 32, height: 16 },
      { x: 88, y: 64, width: 13, height: 11 },
    ]);
    const before = await decode(original);
    const after = await decode(cleaned.bytes);
    let worst = 0;
    let total = 0;
    let outside = 0;
    for (const { x, y, covered, value } of pixelsOf(after, cleaned.blackedOut)) {
      if (covered) {
        expect(value, `pixel ${x},${y}`).toEqual([0, 0, 0]);
        continue;
      }
      const expected = pixel(before, x, y);
      value.forEach((v, i) => {
        const difference = Math.abs(v - expected[i]!);
        worst = Math.max(worst, difference);
        total += difference;
      });
      outside++;
    }
    // Quality 90 at full colour resolution: a smooth picture comes back within a few levels.
    expect(total / (outside * 3)).toBeLessThan(1.5);
    expect(worst).toBeLessThanOrEqual(8);
  });
});

/**
 * A 40×20 picture of four coloured quarters, stored with an EXIF orientation: what the camera
 * writes when the phone was held sideways or upside down.
 */
const red = [255, 0, 0];
const green = [0, 255, 0];
const blue = [0, 0, 255];
const white = [255, 255, 255];

async function quarters(orientation: number): Promise<Buffer> {
  const width = 40;
  const height = 20;
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = y < 10 ? (x < 20 ? red : green) : x < 20 ? blue : white;
      data.set(colour, (y * width + x) * 3);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    .withMetadata({ orientation })
    .toBuffer();
}

/** The colour at the middle of each quarter of the upright picture: TL, TR, BL, BR. */
async function uprightQuarters(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const p = { data, width: info.width, height: info.height, channels: info.channels };
  const [w, h] = [info.width, info.height];
  const near = (actual: number[], expected: number[]) =>
    actual.every((v, i) => Math.abs(v - expected[i]!) <= 12);
  const name = (value: number[]) =>
    Object.entries({ red, green, blue, white, black: [0, 0, 0] }).find(([, c]) =>
      near(value, c),
    )?.[0] ?? `other ${value.join(',')}`;
  return {
    size: [w, h],
    corners: [
      pixel(p, w / 4, h / 4),
      pixel(p, (3 * w) / 4, h / 4),
      pixel(p, w / 4, (3 * h) / 4),
      pixel(p, (3 * w) / 4, (3 * h) / 4),
    ].map(name),
  };
}

describe('the orientation of an exported image', () => {
  // What a viewer shows for each EXIF orientation (the TIFF/EXIF specification's table).
  it.each([
    [1, [40, 20], ['red', 'green', 'blue', 'white']],
    [2, [40, 20], ['green', 'red', 'white', 'blue']], // mirrored left to right
    [3, [40, 20], ['white', 'blue', 'green', 'red']], // upside down
    [4, [40, 20], ['blue', 'white', 'red', 'green']], // mirrored top to bottom
    [5, [20, 40], ['red', 'blue', 'green', 'white']], // mirrored along the diagonal
    [7, [20, 40], ['white', 'green', 'blue', 'red']], // mirrored along the other diagonal
    [6, [20, 40], ['blue', 'red', 'white', 'green']], // turned 90° clockwise to view
    [8, [20, 40], ['green', 'white', 'red', 'blue']], // turned 90° anticlockwise to view
  ])(
    'is applied to the pixels (orientation %i), so the picture stays upright without its EXIF',
    async (orientation, size, corners) => {
      const stored = await quarters(orientation);
      expect((await sharp(stored).metadata()).orientation).toBe(orientation);
      const cleaned = await cleanImageForExport(stored);
      expect([cleaned.width, cleaned.height]).toEqual(size);
      expect((await sharp(cleaned.bytes).metadata()).orientation).toBeUndefined();
      expect(await uprightQuarters(cleaned.bytes)).toEqual({ size, corners });
    },
  );

  it('takes regions in the coordinates of the upright picture', async () => {
    // Orientation 6: the stored top-left (red) quarter shows at the top right.
    const cleaned = await cleanImageForExport(await quarters(6), {
      blackOut: [{ x: 10, y: 0, width: 10, height: 20 }],
    });
    expect((await uprightQuarters(cleaned.bytes)).corners).toEqual([
      'blue',
      'black',
      'white',
      'green',
    ]);
  });

  it('refuses a region that fits the stored picture but not the upright one', async () => {
    await expect(
      cleanImageForExport(await quarters(6), { blackOut: [{ x: 25, y: 0, width: 10, height: 5 }] }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/region 1 .*right edge.*20 pixels wide.*upright 20×40/),
    });
  });
});

describe('colour in an exported image', () => {
  it('comes out as 8-bit sRGB from a CMYK scan and from a 16-bit grey PNG', async () => {
    const cmyk = await gradient(48, 32).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const grey16 = await gradient(48, 32).toColourspace('grey16').png().toBuffer();
    expect((await sharp(grey16).metadata()).depth).toBe('ushort');
    for (const original of [cmyk, grey16]) {
      const cleaned = await cleanImageForExport(original, {
        blackOut: [{ x: 0, y: 0, width: 16, height: 8 }],
      });
      const metadata = await sharp(cleaned.bytes).metadata();
      expect(metadata).toMatchObject({ space: 'srgb', channels: 3, depth: 'uchar' });
      const after = await decode(cleaned.bytes);
      expect(pixel(after, 3, 3)).toEqual([0, 0, 0]);
    }
  });
});
