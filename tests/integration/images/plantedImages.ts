import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { tempDir } from '../../support/vaults';

/**
 * Test pictures that carry every kind of metadata a camera, a phone or an editor leaves in a
 * file, each holding a sentinel string, so a test can show that none of it survives an export.
 * The pixels are made here; the metadata is written by sharp (EXIF, XMP, ICC) and by exiftool
 * (IPTC, comments, PNG text, thumbnails), the same tool a reader of a published photo would use.
 */
export const sentinels = {
  artist: 'SENTINEL-ARTIST-Kalesnikava',
  copyright: 'SENTINEL-COPYRIGHT-Viasna',
  serial: 'SENTINEL-BODYSERIAL-4711',
  make: 'SENTINEL-MAKE',
  model: 'SENTINEL-MODEL',
  description: 'SENTINEL-IMAGEDESCRIPTION',
  xmpCreator: 'SENTINEL-XMP-CREATOR',
  xmpRights: 'SENTINEL-XMP-RIGHTS',
  iptcByline: 'SENTINEL-IPTC-BYLINE',
  iptcCaption: 'SENTINEL-IPTC-CAPTION',
  comment: 'SENTINEL-COMMENT',
  pngText: 'SENTINEL-PNG-TEXT',
  thumbnail: 'SENTINEL-IN-THUMBNAIL',
  iccDescription: 'SENTINEL-ICC-DESCRIPTION',
  iccCopyright: 'SENTINEL-ICC-COPYRIGHT',
  iccDeviceModel: 'SENTINEL-ICC-DEVICE-MODEL',
} as const;

/** Minsk, as a phone would record it; the test looks for any GPS tag, not only these values. */
const latitude = '53.902';
const longitude = '27.561';

export function exiftool(args: readonly string[]): string {
  const run = spawnSync('exiftool', args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      `exiftool ${args.join(' ')} failed (install Debian's libimage-exiftool-perl): ${run.error?.message ?? run.stderr}`,
    );
  }
  return run.stdout;
}

/** Every tag exiftool finds, by "Group:Tag", duplicates and unknown tags included. */
export function exiftoolTags(bytes: Uint8Array, name: string): Record<string, unknown> {
  const file = path.join(tempDir('casebook-exif-'), name);
  writeFileSync(file, bytes);
  const [tags] = JSON.parse(exiftool(['-j', '-G1', '-a', '-u', file])) as Record<string, unknown>[];
  return tags!;
}

/** A smooth gradient (so JPEG re-encoding error stays small), 8-bit RGB or RGBA. */
export function gradientPixels(width: number, height: number, channels: 3 | 4): Buffer {
  const data = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      data[at] = Math.round(40 + (180 * x) / width);
      data[at + 1] = Math.round(60 + (150 * y) / height);
      data[at + 2] = Math.round(200 - (120 * (x + y)) / (width + height));
      if (channels === 4) data[at + 3] = x < width / 4 ? 0 : 255;
    }
  }
  return data;
}

export function gradient(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp(gradientPixels(width, height, channels), { raw: { width, height, channels } });
}

/**
 * A small RGB display profile (ICC v2: sRGB primaries, gamma 2.2) whose description, copyright
 * and device model texts are sentinels: real enough for the colour engine to convert with it.
 */
export function iccProfileWithText(): Buffer {
  const textDescription = (text: string) => {
    const ascii = Buffer.from(`${text}\0`, 'latin1');
    const tail = Buffer.alloc(4 + 4 + 2 + 1 + 67);
    const head = Buffer.alloc(12);
    head.write('desc', 0, 'latin1');
    head.writeUInt32BE(ascii.length, 8);
    return Buffer.concat([head, ascii, tail]);
  };
  const textType = (text: string) => {
    const head = Buffer.alloc(8);
    head.write('text', 0, 'latin1');
    return Buffer.concat([head, Buffer.from(`${text}\0`, 'latin1')]);
  };
  const xyz = (x: number, y: number, z: number) => {
    const tag = Buffer.alloc(20);
    tag.write('XYZ ', 0, 'latin1');
    [x, y, z].forEach((v, i) => tag.writeInt32BE(Math.round(v * 65536), 8 + 4 * i));
    return tag;
  };
  const gamma = Buffer.alloc(14);
  gamma.write('curv', 0, 'latin1');
  gamma.writeUInt32BE(1, 8);
  gamma.writeUInt16BE(Math.round(2.2 * 256), 12);
  const tags: [string, Buffer][] = [
    ['desc', textDescription(sentinels.iccDescription)],
    ['cprt', textType(sentinels.iccCopyright)],
    ['dmdd', textDescription(sentinels.iccDeviceModel)],
    ['wtpt', xyz(0.9642, 1, 0.8249)],
    ['rXYZ', xyz(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyz(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyz(0.1431, 0.0606, 0.7141)],
    ['rTRC', gamma],
    ['gTRC', gamma],
    ['bTRC', gamma],
  ];
  const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
  const table = Buffer.alloc(4 + 12 * tags.length);
  table.writeUInt32BE(tags.length, 0);
  let offset = 128 + table.length;
  const bodies: Buffer[] = [];
  tags.forEach(([signature, body], i) => {
    table.write(signature, 4 + 12 * i, 'latin1');
    table.writeUInt32BE(offset, 8 + 12 * i);
    table.writeUInt32BE(body.length, 12 + 12 * i);
    const padded = pad(body);
    bodies.push(padded);
    offset += padded.length;
  });
  const header = Buffer.alloc(128);
  header.writeUInt32BE(offset, 0);
  header.writeUInt32BE(0x02100000, 8);
  header.write('mntr', 12, 'latin1');
  header.write('RGB ', 16, 'latin1');
  header.write('XYZ ', 20, 'latin1');
  [2024, 3, 4, 12, 0, 0].forEach((v, i) => header.writeUInt16BE(v, 24 + 2 * i));
  header.write('acsp', 36, 'latin1');
  [0.9642, 1, 0.8249].forEach((v, i) => header.writeInt32BE(Math.round(v * 65536), 68 + 4 * i));
  return Buffer.concat([header, table, ...bodies]);
}

const xmpPacket = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:creator><rdf:Seq><rdf:li>${sentinels.xmpCreator}</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${sentinels.xmpRights}</rdf:li></rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;

export type PlantedFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif' | 'avif';

/** Which sentinels each container can carry (GIF has no EXIF; only JPEG has a thumbnail). */
export const plantedIn: Record<PlantedFormat, readonly (keyof typeof sentinels)[]> = {
  jpeg: [
    'artist',
    'copyright',
    'serial',
    'make',
    'model',
    'description',
    'xmpCreator',
    'xmpRights',
    'iptcByline',
    'iptcCaption',
    'comment',
    'thumbnail',
    'iccDescription',
    'iccCopyright',
    'iccDeviceModel',
  ],
  png: [
    'artist',
    'copyright',
    'serial',
    'xmpCreator',
    'xmpRights',
    'pngText',
    'iccDescription',
    'iccCopyright',
  ],
  webp: ['artist', 'copyright', 'serial', 'xmpCreator', 'xmpRights', 'iccDescription'],
  tiff: [
    'artist',
    'copyright',
    'serial',
    'xmpCreator',
    'xmpRights',
    'iptcByline',
    'iccDescription',
  ],
  gif: ['xmpRights', 'comment'],
  avif: ['artist', 'copyright', 'serial', 'xmpCreator'],
};

/**
 * A picture in `format` with every metadata block that format can hold, each carrying
 * sentinels, plus GPS coordinates wherever EXIF or XMP can hold them.
 */
export async function plantedImage(
  format: PlantedFormat,
  width = 96,
  height = 64,
): Promise<Buffer> {
  const dir = tempDir('casebook-planted-');
  const iccFile = path.join(dir, 'profile.icc');
  writeFileSync(iccFile, iccProfileWithText());
  let image = gradient(width, height);
  if (format !== 'gif') {
    image = image
      .withIccProfile(iccFile)
      .withExif({
        IFD0: {
          Artist: sentinels.artist,
          Copyright: sentinels.copyright,
          Make: sentinels.make,
          Model: sentinels.model,
          ImageDescription: sentinels.description,
        },
        IFD2: { BodySerialNumber: sentinels.serial },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '53/1 54/1 7/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '27/1 33/1 40/1',
        },
      })
      .withXmp(xmpPacket);
  }
  const encoded = await image.toFormat(format).toBuffer();
  const file = path.join(dir, `planted.${format}`);
  writeFileSync(file, encoded);

  const more: string[] = [];
  if (format === 'jpeg') {
    const thumbnail = path.join(dir, 'thumbnail.jpg');
    writeFileSync(thumbnail, await gradient(16, 12).jpeg().toBuffer());
    exiftool(['-q', '-overwrite_original', `-Comment=${sentinels.thumbnail}`, thumbnail]);
    more.push(
      `-IPTC:By-line=${sentinels.iptcByline}`,
      `-IPTC:Caption-Abstract=${sentinels.iptcCaption}`,
      `-Comment=${sentinels.comment}`,
      `-ThumbnailImage<=${thumbnail}`,
    );
  }
  if (format === 'png') more.push(`-PNG:Comment=${sentinels.pngText}`);
  if (format === 'tiff') {
    // libvips writes no EXIF into a TIFF of its own; a scanner or an editor would.
    more.push(
      `-IPTC:By-line=${sentinels.iptcByline}`,
      `-IFD0:Artist=${sentinels.artist}`,
      `-IFD0:Copyright=${sentinels.copyright}`,
      `-ExifIFD:SerialNumber=${sentinels.serial}`,
      `-GPS:GPSLatitude=${latitude}`,
      '-GPS:GPSLatitudeRef=N',
      `-GPS:GPSLongitude=${longitude}`,
      '-GPS:GPSLongitudeRef=E',
    );
  }
  if (format === 'gif') {
    more.push(
      `-Comment=${sentinels.comment}`,
      `-XMP-dc:Rights=${sentinels.xmpRights}`,
      `-XMP-exif:GPSLatitude=${latitude}`,
      `-XMP-exif:GPSLongitude=${longitude}`,
    );
  }
  if (more.length > 0) exiftool(['-q', '-m', '-overwrite_original', ...more, file]);
  return readFileSync(file);
}
