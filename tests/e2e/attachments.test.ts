// Evidence files in the app, over a real vault in Chromium: a PNG (with EXIF, and a hostile
// name), a PDF and a WAV attached from the keyboard through the (stubbed) system dialog with
// their acquisition facts; previews decrypted in memory (image decoded, PDF drawn by pdf.js,
// audio with a duration); the custody log with intake and exports; a copy saved byte for byte;
// an image exported for a report with regions blacked out by keyboard and by mouse, checked by
// decoding it; a duplicate warned about; every file verified; and every blob URL revoked when
// the vault locks. Each screen photographed and checked with axe.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { passphrase, tempDir } from '../support/vaults';
import { en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

const t = en.attachments;
const hostileName = '<img src=x onerror=alert(1)>.png';
const sourceTitle = 'Фота затрымання ля Акрэсціна';

/** 240×160: left half red, right half blue, with EXIF naming an artist and a camera. */
async function photo(): Promise<Buffer> {
  const red = await sharp({
    create: { width: 120, height: 160, channels: 3, background: { r: 220, g: 30, b: 30 } },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width: 240, height: 160, channels: 3, background: { r: 30, g: 30, b: 220 } },
  })
    .composite([{ input: red, left: 0, top: 0 }])
    .withExif({ IFD0: { Artist: 'SENTINEL-ARTIST', Make: 'SENTINEL-CAMERA' } })
    .png()
    .toBuffer();
}

/** One second of a 440 Hz tone, 8 kHz mono 16-bit PCM. */
function tone(): Buffer {
  const rate = 8000;
  const samples = rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    wav.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 12_000), 44 + i * 2);
  }
  return wav;
}

/** A one-page PDF printed by the same Chromium: a heading and a black box. */
async function verdictPdf(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent(
      '<h1>Verdict</h1><div style="width:300px;height:200px;background:#000"></div>',
    );
    return await page.pdf({ format: 'A5', printBackground: true });
  } finally {
    await context.close();
  }
}

/** Every blob URL the page makes and revokes, counted from before the app's own code runs. */
function trackBlobUrls(): void {
  const scope = globalThis as unknown as {
    URL: { createObjectURL(o: unknown): string; revokeObjectURL(u: string): void };
    __blobUrls: { created: string[]; revoked: string[] };
  };
  const created: string[] = [];
  const revoked: string[] = [];
  scope.__blobUrls = { created, revoked };
  const create = scope.URL.createObjectURL.bind(scope.URL);
  const revoke = scope.URL.revokeObjectURL.bind(scope.URL);
  scope.URL.createObjectURL = (object) => {
    const url = create(object);
    created.push(url);
    return url;
  };
  scope.URL.revokeObjectURL = (url) => {
    revoked.push(url);
    revoke(url);
  };
}

function blobUrls(page: Page): Promise<{ created: string[]; revoked: string[] }> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { __blobUrls: { created: string[]; revoked: string[] } })
        .__blobUrls,
  );
}

async function press(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
}

/** Focuses a field by its label within the evidence panel, and types, as a keyboard user does. */
async function type(page: Page, label: string, text: string) {
  await page.locator('.evidence-files').getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

/** The actions of one file, by its name. */
function fileActions(page: Page, name: string) {
  return page.getByRole('group', { name: t.actionsFor.replace('{{name}}', name), exact: true });
}

async function noAccessibilityProblems(page: Page) {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

describe('evidence files in a record', () => {
  it('attaches, previews in memory, logs custody, exports a cleaned image and revokes every blob URL on lock', async () => {
    const dir = tempDir('casebook-evidence-');
    const inbox = path.join(dir, 'inbox');
    const outbox = path.join(dir, 'out');
    mkdirSync(inbox);
    mkdirSync(outbox);

    const png = await photo();
    const pngFile = path.join(inbox, hostileName);
    writeFileSync(pngFile, png);
    const wavFile = path.join(inbox, 'interview.wav');
    writeFileSync(wavFile, tone());

    const chosen: string[] = [];
    const saves: string[] = [];
    const app = await session.open({
      attachments: {
        chooseEvidenceFile: async () => chosen.shift() ?? null,
        chooseSaveFile: async (suggested) => {
          const out = path.join(outbox, `${saves.length}-${suggested}`);
          saves.push(out);
          return out;
        },
      },
    });
    const { page } = app;
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const pdfFile = path.join(inbox, 'verdict.pdf');
    writeFileSync(pdfFile, await verdictPdf(browser));

    await page.addInitScript(trackBlobUrls);
    expect(
      (await callApi(page, 'vault', 'create', { folder: app.vaultFolder, passphrase })).ok,
    ).toBe(true);
    const put = await callApi(page, 'records', 'put', {
      type: 'source',
      id: 'source-photo',
      body: { kind: 'photo', title: sourceTitle },
    });
    expect(put.ok).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();

    // To the source, from the keyboard.
    await page.keyboard.press('Alt+8');
    await page.getByRole('heading', { level: 1, name: en.sources.title }).waitFor();
    await page.getByRole('searchbox', { name: en.sources.search }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.sources.editTitle }).waitFor();
    await page.getByRole('heading', { level: 2, name: t.heading }).waitFor();
    await page.getByText(t.none).waitFor();

    // Attach the photo, keyboard only: the dialog, the acquisition facts, Attach.
    chosen.push(pngFile);
    await press(page, t.attach);
    const attachHeading = page.getByRole('heading', {
      level: 3,
      name: t.attachHeading.replace('{{name}}', hostileName),
    });
    await attachHeading.waitFor();
    await type(page, t.obtainedBy, 'documenter 7');
    const form = page.locator('.attach-form');
    await form.getByLabel(en.date.precision).selectOption('month');
    await type(page, en.date.yearLabel, '2024');
    await form.getByLabel(en.date.monthLabel).selectOption('5');
    await type(page, t.method, 'photo taken at the hospital');
    await type(page, t.from, 'the victim’s sister');
    await screenshot(page, '80-evidence-attach-form');
    await noAccessibilityProblems(page);
    await press(page, t.attachNow);
    await page.getByText(t.attached.replace('{{name}}', hostileName)).waitFor();
    expect(await isFocused(page.getByRole('button', { name: t.attach, exact: true }))).toBe(true);

    // The hostile name is text, everywhere it shows.
    const pngHeading = page.getByRole('heading', { level: 3, name: hostileName, exact: true });
    await pngHeading.waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    const facts = await page.locator('.evidence-file').first().textContent();
    expect(facts).toContain('documenter 7');
    expect(facts).toContain('2024-05');
    expect(facts).toContain('the victim’s sister');
    expect(facts).toContain('image/png');

    // The page cannot name a file of its own choosing: only what the dialog answered.
    const smuggled = await callApi(page, 'attachments', 'attach', {
      recordId: 'source-photo',
      file: wavFile,
      acquisition: {},
    });
    expect(smuggled.ok).toBe(false);
    expect(smuggled.error?.code).toBe('invalid_request');

    // The PDF and the recording.
    for (const file of [pdfFile, wavFile]) {
      chosen.push(file);
      await press(page, t.attach);
      await press(page, t.attachNow);
      await page.getByText(t.attached.replace('{{name}}', path.basename(file))).waitFor();
    }
    await expect.poll(() => page.locator('.evidence-file').count()).toBe(3);
    await screenshot(page, '81-evidence-files');
    await noAccessibilityProblems(page);

    // The same photo again: the intake says it is already in the vault.
    chosen.push(pngFile);
    await press(page, t.attach);
    await press(page, t.attachNow);
    await page
      .getByRole('alert')
      .filter({ hasText: t.duplicateAtIntake.replace('{{count}}', '1') })
      .waitFor();
    await expect.poll(() => page.locator('.evidence-file').count()).toBe(4);
    expect(
      await page.getByText(t.duplicateOf.replace('{{recordId}}', 'source-photo')).count(),
    ).toBe(2);
    await screenshot(page, '82-evidence-duplicate');

    const firstPng = fileActions(page, hostileName).first();

    // Preview: the image decoded from a blob URL.
    await firstPng.getByRole('button', { name: t.preview }).click();
    const image = page.locator('img.evidence-image');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((element) => (element as { naturalWidth: number }).naturalWidth))
      .toBe(240);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await screenshot(page, '83-evidence-image-preview');
    await noAccessibilityProblems(page);

    // The PDF drawn by pdf.js into a canvas, with dark pixels where the box is.
    await fileActions(page, 'verdict.pdf').getByRole('button', { name: t.preview }).click();
    const canvas = page.locator('canvas.pdf-canvas[data-rendered="1"]');
    await canvas.waitFor();
    const dark = await canvas.evaluate((element) => {
      const c = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 40 && data[i + 3]! > 200) count++;
      return count;
    });
    expect(dark).toBeGreaterThan(1000);
    await screenshot(page, '84-evidence-pdf-preview');
    await noAccessibilityProblems(page);

    // The recording, with its duration read from the decrypted bytes.
    await fileActions(page, 'interview.wav').getByRole('button', { name: t.preview }).click();
    const audio = page.locator('audio.evidence-audio');
    await audio.waitFor();
    await expect
      .poll(() => audio.evaluate((element) => (element as { duration: number }).duration))
      .toBeCloseTo(1, 1);
    await noAccessibilityProblems(page);

    // Save a copy: the original bytes, and the export in the custody log.
    await firstPng.getByRole('button', { name: t.saveCopy }).click();
    await type(page, t.purpose, 'for the lawyer');
    await press(page, t.saveNow);
    await expect.poll(() => saves.length).toBe(1);
    await page.getByText(t.saved.replace('{{name}}', path.basename(saves[0]!))).waitFor();
    expect(readFileSync(saves[0]!).equals(png)).toBe(true);

    // Export for a report: one region added and moved from the keyboard, one drawn with the mouse.
    await firstPng.getByRole('button', { name: t.exportImage }).click();
    await page
      .getByRole('heading', { level: 4, name: t.exportHeading.replace('{{name}}', hostileName) })
      .waitFor();
    const stage = page.getByRole('group', { name: t.canvasLabel });
    await stage.locator('img').waitFor();
    await press(page, t.addRegion);
    // A quarter of 240×160 in the middle: 60×40 at (90, 60). Steps are 240/50 ≈ 5 pixels.
    const region1 = page.getByRole('button', { name: /^Region 1:/ });
    expect(await isFocused(region1)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await region1.getAttribute('aria-label')).toBe('Region 1: 80, 59, 60 × 45 pixels');
    const box = await stage.boundingBox();
    if (!box) throw new Error('no stage');
    const at = (x: number, y: number) => ({
      x: box.x + (x / 240) * box.width,
      y: box.y + (y / 160) * box.height,
    });
    const from = at(180, 10);
    const to = at(230, 40);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2);
    await page.mouse.move(to.x, to.y);
    await page.mouse.up();
    await page.getByRole('button', { name: /^Region 2:/ }).waitFor();
    // A third, removed again from the list.
    await press(page, t.addRegion);
    await press(page, t.removeRegion.replace('{{number}}', '3'));
    await expect.poll(() => page.locator('.blackout-list li').count()).toBe(2);
    await screenshot(page, '85-evidence-export-regions');
    await noAccessibilityProblems(page);
    const drawn = await page.getByRole('button', { name: /^Region 2:/ }).getAttribute('aria-label');
    const [, x2, y2, w2, h2] = /(\d+), (\d+), (\d+) × (\d+)/.exec(drawn ?? '')!.map(Number);

    await type(page, t.purpose, 'for the public report');
    await press(page, t.exportNow);
    const exported = () => saves[1]!;
    await expect.poll(() => saves.length).toBe(2);
    await page.getByText(t.saved.replace('{{name}}', path.basename(saves[1]!))).waitFor();
    expect(path.basename(exported())).toMatch(/-cleaned\.png$/);

    // The exported pixels: black inside both regions, the photo's colours outside; no EXIF.
    const cleaned = readFileSync(exported());
    expect(cleaned.includes('SENTINEL')).toBe(false);
    const meta = await sharp(cleaned).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([240, 160]);
    const { data, info } = await sharp(cleaned).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const at = (y * info.width + x) * info.channels;
      return [data[at], data[at + 1], data[at + 2]];
    };
    for (const [x, y, w, h] of [
      [80, 59, 60, 45],
      [x2!, y2!, w2!, h2!],
    ] as const) {
      for (let dy = 0; dy < h; dy++)
        for (let dx = 0; dx < w; dx++) expect(pixel(x + dx, y + dy)).toEqual([0, 0, 0]);
    }
    expect(pixel(5, 150)).toEqual([220, 30, 30]);
    expect(pixel(235, 150)).toEqual([30, 30, 220]);

    // The custody log: intake, the copy and the export, and the chain intact.
    await firstPng.getByRole('button', { name: t.custody }).click();
    await page.getByText(t.custodyIntact).waitFor();
    const rows = page.locator('.custody-table tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const log = await rows.allTextContents();
    expect(log[0]).toContain(t.actions.intake);
    expect(log[1]).toContain(t.actions.export);
    expect(log[1]).toContain('for the lawyer');
    expect(log[2]).toContain(t.actions.export);
    expect(log[2]).toContain('for the public report');
    await screenshot(page, '86-evidence-custody');
    await noAccessibilityProblems(page);

    // Every file of the vault checked.
    await press(page, t.verifyAll);
    await page.getByText(t.verifyOk.replace('{{count}}', '4')).waitFor();
    await screenshot(page, '87-evidence-verified');
    await noAccessibilityProblems(page);

    // A preview open when the vault locks: its blob URL, and every other, is revoked.
    await firstPng.getByRole('button', { name: t.preview }).click();
    await page.locator('img.evidence-image').waitFor();
    const before = await blobUrls(page);
    expect(before.created.length).toBeGreaterThan(0);
    expect(before.revoked.length).toBeLessThan(before.created.length);
    await press(page, en.home.lock);
    await page.getByRole('heading', { level: 1, name: en.unlock.title }).waitFor();
    const after = await blobUrls(page);
    expect(after.created.filter((url) => !after.revoked.includes(url))).toEqual([]);

    // Nothing of the evidence was written anywhere but where the user chose.
    expect(existsSync(path.join(outbox, hostileName))).toBe(false);
  });

  it('says a file is too large to preview, and cancels a long attach leaving nothing behind', async () => {
    const dir = tempDir('casebook-evidence-');
    // Sparse: no disk is spent on the zeros, but every byte is read, hashed and encrypted.
    const big = path.join(dir, 'long-recording.wav');
    writeFileSync(big, '');
    truncateSync(big, 40 * 1024 * 1024);
    const huge = path.join(dir, 'camera-dump.mp4');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 * 1024 * 1024);
    const chosen: string[] = [];
    const app = await session.open({
      attachments: {
        chooseEvidenceFile: async () => chosen.shift() ?? null,
        chooseSaveFile: async () => null,
      },
    });
    const { page } = app;
    expect(
      (await callApi(page, 'vault', 'create', { folder: app.vaultFolder, passphrase })).ok,
    ).toBe(true);
    expect(
      (
        await callApi(page, 'records', 'put', {
          type: 'source',
          id: 'source-audio',
          body: { kind: 'audio', title: sourceTitle },
        })
      ).ok,
    ).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
    await page.keyboard.press('Alt+8');
    await page.getByRole('searchbox', { name: en.sources.search }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: t.heading }).waitFor();

    // 40 MiB: attached, but not decrypted for a preview; the page says why and what to do.
    chosen.push(big);
    await press(page, t.attach);
    await press(page, t.attachNow);
    await page.getByText(t.attached.replace('{{name}}', 'long-recording.wav')).waitFor();
    await fileActions(page, 'long-recording.wav').getByRole('button', { name: t.preview }).click();
    await page
      .getByText(t.previewTooLarge.replace('{{size}}', '40 MiB').replace('{{limit}}', '32 MiB'))
      .waitFor();
    expect(await page.locator('audio').count()).toBe(0);

    // 1 GiB: progress shows, Escape cancels, and the vault holds no trace of it.
    chosen.push(huge);
    await press(page, t.attach);
    await press(page, t.attachNow);
    await page.getByRole('progressbar').waitFor();
    await screenshot(page, '88-evidence-attach-progress');
    await noAccessibilityProblems(page);
    await page.keyboard.press('Escape');
    await page.getByRole('alert').filter({ hasText: en.errors.cancelled }).waitFor();
    expect(await page.locator('.evidence-file').count()).toBe(1);
    const bodies = readdirSync(path.join(app.vaultFolder, 'attachments'));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).not.toMatch(/partial/);
  });
});
