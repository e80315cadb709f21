import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VaultError } from '../../../db';
import {
  alignToBlocks,
  blackOutRaster,
  blackOutRegionProblem,
  checkBlackOutRegions,
  parseBlackOutRegion,
  type BlackOutRegion,
  type ImageSize,
} from '../../../db/images/blackOutRegions';

const size = fc.record({
  width: fc.integer({ min: 1, max: 120 }),
  height: fc.integer({ min: 1, max: 120 }),
});

/** Any numbers at all, near and far from the image: the cases a slip of the hand produces. */
const coordinate = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -20, max: 150 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, Infinity) },
);
const anyRegion = fc.record({
  x: coordinate,
  y: coordinate,
  width: coordinate,
  height: coordinate,
});

const fits = (r: BlackOutRegion, s: ImageSize) =>
  [r.x, r.y, r.width, r.height].every(Number.isSafeInteger) &&
  r.width >= 1 &&
  r.height >= 1 &&
  r.x >= 0 &&
  r.y >= 0 &&
  r.x + r.width <= s.width &&
  r.y + r.height <= s.height;

/** A region that lies inside an image of `s`. */
const regionInside = (s: ImageSize) =>
  fc
    .record({
      x: fc.integer({ min: 0, max: s.width - 1 }),
      y: fc.integer({ min: 0, max: s.height - 1 }),
    })
    .chain(({ x, y }) =>
      fc.record({
        x: fc.constant(x),
        y: fc.constant(y),
        width: fc.integer({ min: 1, max: s.width - x }),
        height: fc.integer({ min: 1, max: s.height - y }),
      }),
    );

describe('black-out regions', () => {
  it('are accepted exactly when they are whole pixels, have an area and lie inside the image', () => {
    fc.assert(
      fc.property(size, anyRegion, (s, region) => {
        expect(blackOutRegionProblem(region, s) === undefined).toBe(fits(region, s));
      }),
      { numRuns: 2000 },
    );
  });

  it('are refused as a list at the first bad one, named by its place, with a clear error', () => {
    fc.assert(
      fc.property(size, fc.array(anyRegion, { maxLength: 6 }), (s, regions) => {
        const firstBad = regions.findIndex((r) => !fits(r, s));
        let thrown: unknown;
        try {
          checkBlackOutRegions(regions, s);
        } catch (error) {
          thrown = error;
        }
        if (firstBad === -1) {
          expect(thrown).toBeUndefined();
        } else {
          expect(thrown).toBeInstanceOf(VaultError);
          expect((thrown as VaultError).code).toBe('invalid_input');
          expect((thrown as VaultError).message).toMatch(
            new RegExp(`^Black-out region ${firstBad + 1} .*Nothing was exported\\.$`),
          );
        }
      }),
    );
  });

  it('turn exactly the pixels they cover black and opaque, and no other', () => {
    const raster = size.chain((s) =>
      fc.record({
        size: fc.constant(s),
        channels: fc.constantFrom(3 as const, 4 as const),
        regions: fc.array(regionInside(s), { maxLength: 4 }),
        seed: fc.integer({ min: 1, max: 255 }),
      }),
    );
    fc.assert(
      fc.property(raster, ({ size: s, channels, regions, seed }) => {
        const data = new Uint8Array(s.width * s.height * channels).map((_, i) => (i * seed) % 251);
        const before = data.slice();
        blackOutRaster({ ...s, channels, data }, regions);
        for (let y = 0; y < s.height; y++) {
          for (let x = 0; x < s.width; x++) {
            const at = (y * s.width + x) * channels;
            const value = [...data.subarray(at, at + channels)];
            const covered = regions.some(
              (r) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height,
            );
            const expected = covered
              ? [0, 0, 0, 255].slice(0, channels)
              : [...before.subarray(at, at + channels)];
            if (value.join() !== expected.join()) return false;
          }
        }
        return true;
      }),
    );
  });

  it('widen to the smallest cover of whole 8×8 blocks inside the image, for JPEG', () => {
    fc.assert(
      fc.property(
        size.chain((s) => fc.tuple(fc.constant(s), regionInside(s))),
        ([s, r]) => {
          const a = alignToBlocks(r, 8, s);
          expect(fits(a, s)).toBe(true);
          expect(a.x <= r.x && a.y <= r.y).toBe(true);
          expect(a.x + a.width >= r.x + r.width && a.y + a.height >= r.y + r.height).toBe(true);
          expect(a.x % 8 === 0 && a.y % 8 === 0).toBe(true);
          const right = a.x + a.width;
          const bottom = a.y + a.height;
          expect(right % 8 === 0 || right === s.width).toBe(true);
          expect(bottom % 8 === 0 || bottom === s.height).toBe(true);
          // Smallest: no side moved by a whole block or more.
          expect(r.x - a.x < 8 && r.y - a.y < 8).toBe(true);
          expect(right - (r.x + r.width) < 8 && bottom - (r.y + r.height) < 8).toBe(true);
        },
      ),
    );
  });

  it('are read from X,Y,WIDTH,HEIGHT on a command line, and anything else is refused', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(99999), fc.nat(99999), fc.nat(99999), fc.nat(99999)),
        ([x, y, width, height]) => {
          expect(parseBlackOutRegion(`${x},${y},${width},${height}`)).toEqual({
            x,
            y,
            width,
            height,
          });
          expect(parseBlackOutRegion(` ${x}, ${y} ,${width},${height} `)).toEqual({
            x,
            y,
            width,
            height,
          });
        },
      ),
    );
    for (const text of ['', '1,2,3', '1,2,3,4,5', '1.5,2,3,4', 'x,y,w,h', '1;2;3;4', '1,2,3,1e3']) {
      expect(() => parseBlackOutRegion(text), text).toThrow(
        /write X,Y,WIDTH,HEIGHT in whole pixels/,
      );
    }
  });
});
