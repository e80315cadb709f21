import { describe, expect, it } from 'vitest';
import { cleanImageForExport } from '../../../db/images';
import { encodings } from '../../support/vaults';
import {
  exiftoolTags,
  plantedImage,
  plantedIn,
  sentinels,
  type PlantedFormat,
} from './plantedImages';

/** Tags that say where, with what or by whom a picture was taken, in any group exiftool knows. */
const telling =
  /GPS|Serial|Artist|Author|Creator|Copyright|Rights|By-?line|Caption|Comment|Description|Thumbnail|Make|Model|Software|DateTime|Owner|Lens|Location|City|Country/i;

/** Groups a cleaned file may have: exiftool's own, the file's structure, and derived values. */
const allowedGroups = new Set([
  'ExifTool',
  'System',
  'File',
  'JFIF',
  'PNG',
  'PNG-pHYs',
  'Composite',
]);

const hasSentinel = (bytes: Uint8Array, sentinel: string) =>
  encodings(sentinel).some((needle) => Buffer.from(bytes).includes(needle));

const formats: PlantedFormat[] = ['jpeg', 'png', 'webp', 'tiff', 'gif', 'avif'];

describe('an image cleaned for export', () => {
  it.each(formats)(
    'keeps no metadata from a %s file: no GPS, serial, author, copyright, XMP, IPTC, ICC text or comment',
    async (format) => {
      const planted = await plantedImage(format);
      const before = exiftoolTags(planted, `planted.${format}`);
      // The planted blocks are really there and readable, or the test would prove nothing.
      // (PNG compresses XMP and ICC profiles, so some sentinels show only through exiftool.)
      const readable = JSON.stringify(before);
      for (const name of plantedIn[format]) {
        const sentinel = sentinels[name];
        expect(
          readable.includes(sentinel) || hasSentinel(planted, sentinel),
          `${name} planted in ${format}`,
        ).toBe(true);
      }
      if (format !== 'gif') {
        expect(Object.keys(before).some((tag) => tag.startsWith('GPS:'))).toBe(true);
        expect(Object.keys(before).some((tag) => tag.startsWith('ICC_Profile:'))).toBe(true);
      }
      expect(Object.keys(before).some((tag) => tag.startsWith('XMP-'))).toBe(true);

      const cleaned = await cleanImageForExport(planted);
      const after = exiftoolTags(cleaned.bytes, `cleaned.${cleaned.format}`);
      const tags = Object.keys(after).filter((tag) => tag !== 'SourceFile');
      const outOfPlace = tags.filter((tag) => !allowedGroups.has(tag.split(':')[0]!));
      expect(outOfPlace, 'metadata groups left in the cleaned file').toEqual([]);
      const tellingTags = tags.filter(
        (tag) => !tag.startsWith('System:') && !tag.startsWith('ExifTool:') && telling.test(tag),
      );
      expect(tellingTags, 'tags that identify the picture or its maker').toEqual([]);
      const readableAfter = JSON.stringify(after);
      for (const sentinel of Object.values(sentinels)) {
        expect(hasSentinel(cleaned.bytes, sentinel), `${sentinel} in the cleaned bytes`).toBe(
          false,
        );
        expect(readableAfter.includes(sentinel), `${sentinel} seen by exiftool`).toBe(false);
      }
    },
  );

  it('is a JPEG for a photo and a PNG for a PNG, as plain sRGB with no colour profile', async () => {
    const fromJpeg = await cleanImageForExport(await plantedImage('jpeg'));
    expect(fromJpeg).toMatchObject({
      format: 'jpeg',
      mediaType: 'image/jpeg',
      width: 96,
      height: 64,
    });
    expect(Buffer.from(fromJpeg.bytes.subarray(0, 3))).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const fromPng = await cleanImageForExport(await plantedImage('png'));
    expect(fromPng).toMatchObject({ format: 'png', mediaType: 'image/png', width: 96, height: 64 });
    for (const cleaned of [fromJpeg, fromPng]) {
      const tags = exiftoolTags(cleaned.bytes, `cleaned.${cleaned.format}`);
      expect(Object.keys(tags).filter((tag) => /ICC|sRGB|Gamma|Chromaticit/i.test(tag))).toEqual(
        [],
      );
    }
    const asPng = await cleanImageForExport(await plantedImage('jpeg'), { format: 'png' });
    expect(asPng.mediaType).toBe('image/png');
  });
});
