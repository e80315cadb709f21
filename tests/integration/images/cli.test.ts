import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../db';
import { attachBytes, custodyLog } from '../../../db/attachments';
import { casebook } from '../../support/cli';
import { encodings, newVault, passphrase, tempDir } from '../../support/vaults';
import { exiftoolTags, plantedImage, sentinels } from './plantedImages';

const env = { CASEBOOK_PASSPHRASE: passphrase };

interface Setup {
  readonly dir: string;
  readonly photo: string;
  readonly letter: string;
  readonly outside: string;
}

/** A vault with a case, a photo of it full of metadata, and a text file attached to it. */
async function vaultWithPhoto(): Promise<Setup> {
  const { vault, dir } = await newVault();
  try {
    vault.put('case', { title: 'A search', type: 'search' }, { id: 'case-1' });
    const photo = await attachBytes(vault, {
      recordId: 'case-1',
      bytes: await plantedImage('jpeg', 120, 80),
      name: 'IMG_0042.jpg',
      mediaType: 'image/jpeg',
    });
    const letter = await attachBytes(vault, {
      recordId: 'case-1',
      bytes: new TextEncoder().encode('A letter from prison, not a picture.'),
      name: 'letter.jpg', // named like a photo; its bytes say otherwise
      mediaType: 'image/jpeg',
    });
    return { dir, photo: photo.fileId, letter: letter.fileId, outside: tempDir('casebook-out-') };
  } finally {
    vault.lock();
  }
}

async function custodyOf(dir: string, fileId: string) {
  const vault = await Vault.unlock(dir, passphrase);
  try {
    return custodyLog(vault, fileId);
  } finally {
    vault.lock();
  }
}

describe('casebook export-image', () => {
  let setup: Setup;
  beforeAll(async () => {
    setup = await vaultWithPhoto();
  });

  it('writes the photo without its metadata, with a region blacked out, and logs the export', async () => {
    const out = path.join(setup.outside, 'evidence.jpg');
    const run = casebook(
      [
        '--vault',
        setup.dir,
        'export-image',
        setup.photo,
        '--out',
        out,
        '--black-out',
        '10,10,20,20',
        '--black-out',
        '100,70,20,10',
        '--json',
      ],
      { env },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /Written to .*evidence\.jpg \(JPEG, 120×80\), with no metadata; 2 regions blacked out \(widened to whole 8×8 JPEG blocks\)\./,
    );
    const bytes = readFileSync(out);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toEqual({
      fileId: setup.photo,
      out,
      mediaType: 'image/jpeg',
      width: 120,
      height: 80,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      blackedOut: [
        { x: 8, y: 8, width: 24, height: 24 },
        { x: 96, y: 64, width: 24, height: 16 },
      ],
    });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(setup.outside)).toEqual(['evidence.jpg']);

    const tags = exiftoolTags(bytes, 'evidence.jpg');
    expect(
      Object.keys(tags).filter((t) =>
        /GPS|Serial|Artist|Copyright|XMP|IPTC|ICC|Comment|IFD/i.test(t),
      ),
    ).toEqual([]);
    for (const sentinel of Object.values(sentinels)) {
      expect(
        encodings(sentinel).some((needle) => bytes.includes(needle)),
        sentinel,
      ).toBe(false);
    }
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    for (let y = 8; y < 32; y++) {
      for (let x = 8; x < 32; x++) {
        const at = (y * info.width + x) * info.channels;
        expect([...data.subarray(at, at + 3)], `pixel ${x},${y}`).toEqual([0, 0, 0]);
      }
    }

    const log = await custodyOf(setup.dir, setup.photo);
    expect(log.map((entry) => entry.action)).toEqual(['intake', 'export']);
    expect(log[1]!.sha256).toBe(summary.sha256);
    expect(log[1]!.purpose).toBe(
      'image cleaned for export as JPEG: metadata removed, blacked out 8,8,24,24 96,64,24,16',
    );
  });

  it('writes a PNG when the file is named .png, and logs why it left the vault', async () => {
    const out = path.join(tempDir('casebook-out-'), 'evidence.png');
    const run = casebook(
      ['--vault', setup.dir, 'export-image', setup.photo, '--out', out, '--purpose', 'for the UN'],
      { env },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(await sharp(out).metadata()).toMatchObject({ format: 'png', width: 120, height: 80 });
    expect((await custodyOf(setup.dir, setup.photo)).at(-1)!.purpose).toBe(
      'for the UN (image cleaned for export as PNG: metadata removed)',
    );
  });

  it('refuses, writes nothing and logs nothing, whatever is wrong', async () => {
    const before = (await custodyOf(setup.dir, setup.photo)).length;
    const folder = tempDir('casebook-out-');
    const taken = path.join(folder, 'taken.jpg');
    writeFileSync(taken, 'already here');
    const cases: [string[], RegExp][] = [
      [[setup.letter, '--out', path.join(folder, 'a.jpg')], /not an image Casebook can export/],
      [
        [setup.photo, '--out', path.join(folder, 'b.jpg'), '--black-out', '100,0,30,10'],
        /region 1 .*right edge.*120 pixels wide/,
      ],
      [
        [setup.photo, '--out', path.join(folder, 'c.jpg'), '--black-out', '1,2,3'],
        /write X,Y,WIDTH,HEIGHT/,
      ],
      [[setup.photo, '--out', path.join(folder, 'd.webp')], /name the file FILE\.jpg or FILE\.png/],
      [
        [setup.photo, '--out', path.join(folder, 'e.png'), '--format', 'jpeg'],
        /does not match the file name/,
      ],
      [[setup.photo, '--out', taken], /already exists/],
      [[setup.photo], /needs --out/],
      [[setup.photo, '--out', path.join(folder, 'missing', 'g.jpg')], /Cannot write to .*missing/],
      [
        ['0123456789abcdef0123456789abcdef', '--out', path.join(folder, 'f.jpg')],
        /There is no attachment/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = casebook(['--vault', setup.dir, 'export-image', ...args], { env });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
    expect(readdirSync(folder)).toEqual(['taken.jpg']);
    expect(readFileSync(taken, 'utf8')).toBe('already here');
    expect(await custodyOf(setup.dir, setup.photo)).toHaveLength(before);
    expect(await custodyOf(setup.dir, setup.letter)).toHaveLength(1);
    expect(existsSync(path.join(folder, 'a.jpg.partial'))).toBe(false);
  });
});
