import { VaultError } from '../errors';

/**
 * A rectangle to black out, in pixels of the upright image (after its EXIF orientation is
 * applied, as every viewer shows it), counted from the top-left corner.
 */
export interface BlackOutRegion {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Decoded pixels, row by row, 8 bits per channel: RGB, or RGBA with alpha last. */
export interface Raster extends ImageSize {
  readonly data: Uint8Array;
  readonly channels: 3 | 4;
}

/** More regions than anyone draws by hand: a list this long is a mistake or an attack. */
export const maxBlackOutRegions = 1000;

const describe = (r: BlackOutRegion) => `(${r.x},${r.y},${r.width},${r.height})`;

/** What is wrong with one region on an image of `size`, as a sentence; undefined if nothing. */
export function blackOutRegionProblem(region: BlackOutRegion, size: ImageSize): string | undefined {
  const { x, y, width, height } = region;
  if (![x, y, width, height].every(Number.isSafeInteger))
    return 'must be four whole numbers of pixels: X,Y,WIDTH,HEIGHT';
  if (width < 1 || height < 1)
    return `${describe(region)} has no area: give a width and a height of at least 1 pixel`;
  if (x < 0 || y < 0)
    return `${describe(region)} starts outside the image: X and Y count pixels from the top-left corner and cannot be negative`;
  if (x + width > size.width)
    return `${describe(region)} reaches past the right edge of the image, which is ${size.width} pixels wide`;
  if (y + height > size.height)
    return `${describe(region)} reaches past the bottom edge of the image, which is ${size.height} pixels high`;
  return undefined;
}

/** Refuses the whole list at its first bad region, naming it, before any pixel is touched. */
export function checkBlackOutRegions(regions: readonly BlackOutRegion[], size: ImageSize): void {
  if (regions.length > maxBlackOutRegions) {
    throw new VaultError(
      'invalid_input',
      `${regions.length} black-out regions is more than the ${maxBlackOutRegions} an image export takes. Merge neighbouring regions into larger ones.`,
    );
  }
  regions.forEach((region, i) => {
    const problem = blackOutRegionProblem(region, size);
    if (problem) {
      throw new VaultError(
        'invalid_input',
        `Black-out region ${i + 1} ${problem}. Regions are in pixels of the upright ${size.width}×${size.height} image, from its top-left corner. Nothing was exported.`,
      );
    }
  });
}

/** `X,Y,WIDTH,HEIGHT` as typed on a command line, e.g. `120,40,300,200`. */
export function parseBlackOutRegion(text: string): BlackOutRegion {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 4 || !parts.every((part) => /^-?\d{1,9}$/.test(part))) {
    throw new VaultError(
      'invalid_input',
      `"${text.slice(0, 40)}" is not a black-out region: write X,Y,WIDTH,HEIGHT in whole pixels, for example 120,40,300,200.`,
    );
  }
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/**
 * The smallest rectangle on a `block`-pixel grid that covers the region, clipped to the image.
 * A JPEG codes 8×8 blocks of pixels; a block that is only partly black rings, so the black
 * would come back slightly grey at its edge. Widening to whole blocks makes the area decode to
 * exact black, and only ever hides more, never less.
 */
export function alignToBlocks(
  region: BlackOutRegion,
  block: number,
  size: ImageSize,
): BlackOutRegion {
  const x = Math.floor(region.x / block) * block;
  const y = Math.floor(region.y / block) * block;
  const right = Math.min(Math.ceil((region.x + region.width) / block) * block, size.width);
  const bottom = Math.min(Math.ceil((region.y + region.height) / block) * block, size.height);
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Replaces the pixels of every region with opaque black, in place: the hidden pixels are gone
 * from the raster before any encoder sees it, rather than covered by a layer a tool could lift.
 * Regions must have passed `checkBlackOutRegions` for this raster's size.
 */
export function blackOutRaster(raster: Raster, regions: readonly BlackOutRegion[]): void {
  const { data, width, channels } = raster;
  for (const { x, y, width: w, height: h } of regions) {
    for (let row = y; row < y + h; row++) {
      const start = (row * width + x) * channels;
      const end = start + w * channels;
      data.fill(0, start, end);
      if (channels === 4) for (let alpha = start + 3; alpha < end; alpha += 4) data[alpha] = 255;
    }
  }
}
