import type { BlackOutRegionValue as Region } from '../../../shared/ipc/attachments';

/**
 * The black-out rectangles as the export editor changes them, in pixels of the upright image
 * (what the browser shows, and what db/images checks them against). Every change keeps a
 * region whole, at least a pixel, and inside the image, so the export never refuses one.
 */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export function clampRegion(region: Region, size: ImageSize): Region {
  const width = Math.max(1, Math.min(Math.round(region.width), size.width));
  const height = Math.max(1, Math.min(Math.round(region.height), size.height));
  const x = Math.max(0, Math.min(Math.round(region.x), size.width - width));
  const y = Math.max(0, Math.min(Math.round(region.y), size.height - height));
  return { x, y, width, height };
}

export function moveRegion(region: Region, dx: number, dy: number, size: ImageSize): Region {
  return clampRegion({ ...region, x: region.x + dx, y: region.y + dy }, size);
}

export function resizeRegion(region: Region, dw: number, dh: number, size: ImageSize): Region {
  const width = Math.max(1, Math.min(region.width + dw, size.width - region.x));
  const height = Math.max(1, Math.min(region.height + dh, size.height - region.y));
  return clampRegion({ ...region, width, height }, size);
}

/** The rectangle a drag spans, whichever corner it started from. */
export function regionBetween(
  a: { x: number; y: number },
  b: { x: number; y: number },
  size: ImageSize,
): Region | null {
  const x = Math.max(0, Math.min(a.x, b.x));
  const y = Math.max(0, Math.min(a.y, b.y));
  const width = Math.min(size.width, Math.max(a.x, b.x)) - x;
  const height = Math.min(size.height, Math.max(a.y, b.y)) - y;
  if (width < 1 || height < 1) return null;
  return clampRegion({ x, y, width, height }, size);
}

/** A new region for the keyboard: a quarter of the image, in its middle. */
export function centredRegion(size: ImageSize): Region {
  const width = Math.max(1, Math.round(size.width / 4));
  const height = Math.max(1, Math.round(size.height / 4));
  return clampRegion(
    { x: (size.width - width) / 2, y: (size.height - height) / 2, width, height },
    size,
  );
}

/** Arrow keys move a region, Shift + arrows resize it; a step is 1/50 of the image, Alt 1 px. */
export function regionAfterKey(
  region: Region,
  key: { key: string; shiftKey: boolean; altKey: boolean },
  size: ImageSize,
): Region | null {
  const delta: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };
  const direction = delta[key.key];
  if (!direction) return null;
  const step = key.altKey ? 1 : Math.max(1, Math.round(Math.max(size.width, size.height) / 50));
  const [dx, dy] = [direction[0] * step, direction[1] * step];
  return key.shiftKey ? resizeRegion(region, dx, dy, size) : moveRegion(region, dx, dy, size);
}
