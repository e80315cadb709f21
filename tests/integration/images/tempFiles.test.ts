import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { tempDir } from '../../support/vaults';

const builtImages = path.resolve(__dirname, '../../../dist/db/images/index.js');

/**
 * libvips may spill a decoded image larger than 100 MB to a temporary file when it needs random
 * access to it (to turn it upright, for one). Those would be evidence in clear on disk. The
 * export decodes in one sequential pass into memory instead; this watches the temp folder of a
 * separate process while it cleans a 35-megapixel photo held sideways.
 */
it('cleaning a large sideways photo writes nothing to the temp folder', async () => {
  const work = tempDir('casebook-bigphoto-');
  const watched = path.join(work, 'tmp');
  mkdirSync(watched);
  const input = path.join(work, 'photo.jpg');
  const output = path.join(work, 'clean.jpg');
  const [width, height] = [7000, 5000];
  writeFileSync(
    input,
    await sharp({ create: { width, height, channels: 3, background: '#5080c0' } })
      .jpeg({ quality: 80 })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );

  const seen: string[] = [];
  const watcher = watch(watched, (event, name) => seen.push(`${event} ${name}`));
  // The watch itself sees a file that comes and goes at once, as a spilled image would.
  writeFileSync(path.join(watched, 'probe'), 'x');
  rmSync(path.join(watched, 'probe'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(seen.length).toBeGreaterThan(0);
  seen.length = 0;
  const script = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { cleanImageForExport } = require(${JSON.stringify(builtImages)});
    cleanImageForExport(readFileSync(${JSON.stringify(input)}), {
      blackOut: [{ x: 100, y: 100, width: 2000, height: 3000 }],
    }).then((image) => writeFileSync(${JSON.stringify(output)}, image.bytes));`;
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], {
      env: { ...process.env, TMPDIR: watched, TMP: watched, TEMP: watched },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  await new Promise((resolve) => setTimeout(resolve, 200));
  watcher.close();
  expect(status).toBe(0);
  expect(await sharp(output).metadata()).toMatchObject({ width: height, height: width });
  expect(seen).toEqual([]);
  expect(readdirSync(watched)).toEqual([]);
});
