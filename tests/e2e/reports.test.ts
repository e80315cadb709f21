// Reports in the app, over a real vault through the real router: the preview shows the same
// redacted HTML that is printed, the export prints with Chromium, checks the PDF for every
// removed value and writes it (read back here with pdftotext, not with the app's own reader);
// a leak writes nothing and names the field; passages marked in the testimony editor are left
// out of reports; an edited profile changes what is exported. Screens are photographed and
// checked with axe.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

import { launchChromiumPdfPrinter, type PdfPrinter } from '../../db/reports';
import type { ReportPorts } from '../../main/ipc/reportServices';
import { pdftotext } from '../integration/reports/pdfTools';
import { passphrase, tempDir } from '../support/vaults';
import {
  be,
  en,
  openFirstPersonFound,
  screenshot,
  seriousAccessibilityProblems,
  type AppUnderTest,
} from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

/** The DOM's text box, as far as these tests touch it (tests/ has no DOM types). */
interface TextArea {
  value: string;
  setSelectionRange(start: number, end: number): void;
}

// One Chromium printer for the file, as the app keeps one report window.
let printer: Promise<PdfPrinter> | undefined;
afterAll(async () => {
  await (await printer)?.close();
});

const outDir = tempDir('casebook-reports-e2e-');

/** The save dialog answers a new file in outDir, the printer is Playwright's Chromium. */
function reportPorts(): ReportPorts {
  let count = 0;
  return {
    printer: () => (printer ??= launchChromiumPdfPrinter()),
    chooseReportFile: async (suggestedName) => path.join(outDir, `${count++}-${suggestedName}`),
  };
}

const victim = 'Марыя Калеснікава';
/** In the victim's phone (secret): removed by every profile but internal. */
const phoneCanary = 'Кавбадажа';
const transcript = 'Мяне трымалі на Акрэсціна. Ахоўнік Пятро Зялёнка біў мяне.';
const markedPassage = 'Пятро Зялёнка';

async function unlockedApp(options: { summary?: string; locale?: string } = {}) {
  const text = options.locale === 'be-BY' ? be : en;
  const app = await session.open({
    reports: reportPorts(),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const { page } = app;
  expect((await callApi(page, 'vault', 'create', { folder: app.vaultFolder, passphrase })).ok).toBe(
    true,
  );
  const start = transcript.indexOf(markedPassage);
  const written = await callApi(page, 'records', 'putMany', {
    records: [
      {
        type: 'person',
        id: 'person-1',
        body: {
          names: [{ value: victim, lang: 'be', kind: 'primary' }],
          sex: 'female',
          contacts: { phones: [`+375 29 ${phoneCanary}`] },
        },
      },
      {
        type: 'case',
        id: 'case-1',
        body: {
          title: 'Затрыманне пасля выбараў',
          type: 'criminal-prosecution',
          date: { date: '2020-08-09' },
          ...(options.summary ? { summary: options.summary } : {}),
          involvements: [{ personId: 'person-1', role: 'victim' }],
        },
      },
      {
        type: 'testimony',
        id: 'testimony-1',
        body: {
          intervieweeId: 'person-1',
          interviewer: 'M. K.',
          date: { date: '2021-06' },
          transcript,
          caseIds: ['case-1'],
          consent: {
            uses: { internal: 'identifiable', un: 'identifiable', publication: 'identifiable' },
            givenOn: '2021-06-01',
            how: 'written',
          },
          redactions: [
            {
              field: 'transcript',
              start,
              end: start + markedPassage.length,
              text: markedPassage,
            },
          ],
        },
      },
    ],
  });
  expect(written.ok).toBe(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: text.people.title }).waitFor();
  await page.getByRole('button', { name: text.reports.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: text.reports.title }).waitFor();
  return app;
}

/**
 * The harness puts its stand-in for the preload into every frame, and the preview's sandbox
 * (no allow-scripts) refuses to run it, as it refuses axe's helper: Chromium says so on the
 * console. In the app the preload runs in the main frame only. Any other message still fails.
 */
function dropSandboxRefusals(app: AppUnderTest): void {
  const refusal =
    "console: Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set.";
  const others = app.errors.filter((error) => error !== refusal);
  app.errors.splice(0, app.errors.length, ...others);
}

async function problems(page: Page) {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

async function chooseCase(page: Page, text = en) {
  const picker = page.getByRole('combobox', { name: text.reports.case });
  await picker.focus();
  await page.keyboard.type('Затрыманне');
  await page.getByRole('option', { name: /Затрыманне пасля выбараў/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

async function previewText(page: Page, profile: string, text = en): Promise<string> {
  await page.getByLabel(text.reports.profile, { exact: true }).selectOption(profile);
  await page.getByRole('button', { name: text.reports.preview, exact: true }).click();
  // Preview drops the frame it showed at once: the one that comes is this profile's report.
  const frame = page.frameLocator('iframe.report-preview');
  await frame.locator('h1').waitFor();
  return frame.locator('body').innerText();
}

/** Exports as PDF from the screen and answers the written file's text (pdftotext). */
async function exportPdf(page: Page): Promise<{ file: string; text: string }> {
  const before = new Set(readdirSync(outDir));
  await page.getByRole('button', { name: en.reports.export, exact: true }).click();
  const done = page.locator('.report-export .message');
  await done.waitFor({ timeout: 60_000 });
  // An error says what it is here rather than as a timeout.
  expect(await done.innerText()).toMatch(/^Saved as/);
  const file = readdirSync(outDir).find((name) => !before.has(name));
  expect(file).toBeDefined();
  expect(file).toMatch(/\.pdf$/);
  const bytes = readFileSync(path.join(outDir, file!));
  return { file: file!, text: pdftotext(bytes) };
}

describe('reports in the app', () => {
  it('previews the redacted report and exports a PDF without a removed value', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await screenshot(page, '60-reports');
    await problems(page);

    await chooseCase(page);
    const shown = await previewText(page, 'public');
    // The victim is a code under the public profile; the phone is not there at all.
    expect(shown).toContain('Criminal prosecution');
    expect(shown).toContain('Victim A');
    expect(shown).not.toContain('Калеснікава');
    expect(shown).not.toContain(phoneCanary);
    expect(shown).not.toContain('Зялёнка');
    await page.getByText(/^Removed: \d+\. Pseudonymised: [1-9]/).waitFor();
    await screenshot(page, '61-report-preview');
    await problems(page);

    const { text } = await exportPdf(page);
    expect(text).toContain('Criminal prosecution');
    expect(text).toContain('Victim A');
    for (const canary of ['Калеснікава', 'Kalesnikava', phoneCanary, 'Зялёнка', 'Акрэсціна']) {
      expect(text).not.toContain(canary);
    }
    await screenshot(page, '62-report-exported');
    await problems(page);
    dropSandboxRefusals(app);
  });

  it('leaves a marked passage out of every report but an internal one', async () => {
    const app = await unlockedApp();
    const { page } = app;
    // The organisation's profile for the UN that includes transcripts: the marked passage
    // inside one is still removed.
    const saved = await callApi(page, 'reports', 'saveProfile', {
      profile: {
        id: 'un-transcripts',
        labels: { en: 'UN, with transcripts' },
        use: 'un',
        classes: {
          public: 'show',
          restricted: 'show',
          confidential: 'show',
          secret: 'pseudonymise',
        },
        fields: { 'testimony.transcript': 'show' },
        coarseDates: 'month',
      },
    });
    expect(saved.ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: en.reports.title, exact: true }).click();
    await chooseCase(page);

    const un = await previewText(page, 'un-transcripts');
    expect(un).toContain('Мяне трымалі на Акрэсціна');
    expect(un).not.toContain('Зялёнка');
    expect(await page.getByText('Marked passages removed: 1.').count()).toBe(1);
    const unPdf = await exportPdf(page);
    expect(unPdf.text).toContain('Акрэсціна');
    expect(unPdf.text).not.toContain('Зялёнка');

    const internal = await previewText(page, 'internal');
    expect(internal).toContain(markedPassage);
    const internalPdf = await exportPdf(page);
    expect(internalPdf.text).toContain('Зялёнка');
    dropSandboxRefusals(app);
  });

  it('writes nothing when the report would still hold a removed value, and says which field', async () => {
    // The case's summary (shown to the UN) repeats the transcript, which the UN profile removes.
    const app = await unlockedApp({ summary: `Сведка распавяла: ${transcript}` });
    const { page } = app;
    await chooseCase(page);
    await previewText(page, 'un');
    const before = readdirSync(outDir).length;
    await page.getByRole('button', { name: en.reports.export, exact: true }).click();
    const alert = page.locator('.report-export .message');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.innerText()).toContain(en.reports.leakAdvice);
    expect(await alert.innerText()).toContain('Testimony testimony-1, field transcript: the text');
    expect(readdirSync(outDir)).toHaveLength(before);
    expect(readdirSync(outDir).some((name) => name.endsWith('.partial'))).toBe(false);
    await screenshot(page, '63-report-leak-blocked');
    await problems(page);
    dropSandboxRefusals(app);
  });

  it('uses the profile as the organisation edited it, until it is reset', async () => {
    const app = await unlockedApp();
    const { page } = app;
    await chooseCase(page);
    expect(await previewText(page, 'public')).not.toContain(victim);

    await page.getByRole('button', { name: en.reports.editProfiles, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.reports.profiles.title }).waitFor();
    await page.getByLabel(en.reports.profiles.choose).selectOption('public');
    await page
      .getByLabel(en.reports.profiles.classNames.confidential, { exact: true })
      .selectOption('show');
    await page.getByRole('button', { name: en.reports.profiles.save, exact: true }).click();
    await page.getByRole('status').filter({ hasText: en.reports.profiles.saved }).waitFor();
    await screenshot(page, '64-report-profile-editor');
    await problems(page);

    await page.getByRole('button', { name: en.reports.profiles.back, exact: true }).click();
    expect(await previewText(page, 'public')).toContain(victim);

    await page.getByRole('button', { name: en.reports.editProfiles, exact: true }).click();
    await page.getByLabel(en.reports.profiles.choose).selectOption('public');
    await page.getByRole('button', { name: en.reports.profiles.reset, exact: true }).click();
    await page.getByRole('status').filter({ hasText: en.reports.profiles.resetDone }).waitFor();
    await page.getByRole('button', { name: en.reports.profiles.back, exact: true }).click();
    expect(await previewText(page, 'public')).not.toContain(victim);
    dropSandboxRefusals(app);
  });

  it('speaks Belarusian, and so does the report made in it', async () => {
    const app = await unlockedApp({ locale: 'be-BY' });
    const { page } = app;
    await chooseCase(page, be);
    const shown = await previewText(page, 'public', be);
    expect(shown).toContain('Крымінальнае пераследаванне');
    expect(shown).not.toContain('Калеснікава');
    await page.getByRole('heading', { name: be.reports.summaryTitle }).waitFor();
    await screenshot(page, '66-report-preview-be');
    await problems(page);
    dropSandboxRefusals(app);
  });

  it('marks a passage of a transcript in the testimony editor, and keeps marks as the text is edited', async () => {
    const { page } = await unlockedApp();
    await page.getByRole('button', { name: en.people.title, exact: true }).click();
    await openFirstPersonFound(page, 'Kalesnikava', /Марыя Калеснікава/);
    await page.getByRole('button', { name: /M\. K\./ }).click();
    await page.getByRole('heading', { level: 1, name: /Testimony/ }).waitFor();
    const marks = page.getByRole('region', { name: en.reports.marks.title });
    await marks.locator('mark', { hasText: markedPassage }).first().waitFor();

    // Mark "Акрэсціна" from the keyboard: select it in the text box, then the button.
    const box = page.getByLabel(en.fields.transcript, { exact: true });
    const start = transcript.indexOf('Акрэсціна');
    await box.evaluate(
      (element, [from, to]) => (element as unknown as TextArea).setSelectionRange(from!, to!),
      [start, start + 'Акрэсціна'.length],
    );
    await marks.getByRole('button', { name: en.reports.marks.mark, exact: true }).click();
    await marks.getByRole('button', { name: 'Unmark “Акрэсціна”' }).waitFor();

    // Typing before both marks moves them; editing inside one drops it, and says so.
    await box.focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Сведчанне. ');
    await box.evaluate((element) => {
      const area = element as unknown as TextArea;
      const at = area.value.indexOf('Зялёнка') + 2;
      area.setSelectionRange(at, at);
    });
    await page.keyboard.type('ў');
    await marks.getByText(/Marks removed because the text they covered changed: 1\./).waitFor();
    await screenshot(page, '65-testimony-marked-passages');
    await problems(page);
    await page.getByRole('button', { name: en.person.saveRevision }).click();
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();

    const stored = await callApi(page, 'records', 'get', { id: 'testimony-1' });
    const body = (stored.value as { body: { transcript: string; redactions: unknown[] } }).body;
    const moved = body.transcript.indexOf('Акрэсціна');
    expect(body.redactions).toEqual([
      { field: 'transcript', start: moved, end: moved + 'Акрэсціна'.length, text: 'Акрэсціна' },
    ]);
    expect(existsSync(outDir)).toBe(true);
  });
});
