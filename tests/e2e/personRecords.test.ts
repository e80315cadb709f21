// A person's detentions, trials and testimonies: listed on the person's page (records.referring),
// added and edited there from the keyboard, validated by the model next to the fields, with
// history. Each editor is photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { passphrase } from '../support/vaults';
import {
  en,
  isFocused,
  openFirstPersonFound,
  screenshot,
  seriousAccessibilityProblems,
} from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

async function problems(page: Page) {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

/** Focuses a control and presses a key on it: how a keyboard user acts on it. */
async function press(page: Page, role: 'button' | 'radio' | 'checkbox', name: string | RegExp) {
  const control = page.getByRole(role, { name, exact: typeof name === 'string' });
  await control.focus();
  await page.keyboard.press(role === 'button' ? 'Enter' : 'Space');
}

/** Types into a field found by its label, from the keyboard. */
async function type(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

async function day(page: Page, legend: string, year: string, month: string, dayOfMonth: string) {
  const group = page.getByRole('group', { name: legend, exact: true });
  await group.getByLabel(en.date.precision).selectOption('day');
  await group.getByLabel(en.date.dayLabel).focus();
  await page.keyboard.type(dayOfMonth);
  await group.getByLabel(en.date.monthLabel).selectOption(month);
  await group.getByLabel(en.date.yearLabel).focus();
  await page.keyboard.type(year);
}

const personPage = (page: Page) => openFirstPersonFound(page, 'Bialiatski', /Алесь Бяляцкі/);

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function saved(page: Page) {
  await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
}

describe("a person's detentions, trials and testimonies", () => {
  it('adds each from the keyboard, lists them on the page, edits one, shows its history', async () => {
    const app = await session.open();
    const { page } = app;
    expect(
      (await callApi(page, 'vault', 'create', { folder: app.vaultFolder, passphrase })).ok,
    ).toBe(true);
    const put = await callApi(page, 'records', 'put', {
      type: 'person',
      id: 'bialiatski',
      body: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }] },
    });
    expect(put.ok).toBe(true);
    // Someone else's detention: must not be listed on this person's page.
    await callApi(page, 'records', 'put', {
      type: 'person',
      id: 'other',
      body: { names: [{ value: 'Іншы' }] },
    });
    await callApi(page, 'records', 'put', {
      type: 'detention',
      id: 'detention-other',
      body: { personId: 'other', from: { date: '2021' } },
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();

    await personPage(page);
    for (const name of [en.linked.detentions, en.linked.proceedings, en.linked.testimonies]) {
      await section(page, name).getByText(en.linked.none).waitFor();
    }
    await screenshot(page, '40-person-records-empty');
    await problems(page);

    // A detention: a required start, a release reason that needs a release day.
    await press(page, 'button', en.linked.addDetention);
    const detentionHeading = page.getByRole('heading', {
      level: 1,
      name: /Detention — Алесь Бяляцкі/,
    });
    await detentionHeading.waitFor();
    expect(await isFocused(detentionHeading)).toBe(true);
    await page.getByLabel(en.fields.facility).selectOption('akrestsina-minsk');
    await page.getByLabel(en.fields.regime).selectOption('administrative_arrest');
    await page.getByLabel(en.fields.releaseReason).selectOption('served');
    await press(page, 'button', en.person.save);
    await page.getByText(en.forms.errors.required).first().waitFor();
    await day(page, en.fields.from, '2020', '8', '9');
    await press(page, 'button', en.person.save);
    await page.getByText(en.linked.errors.releaseNeedsTo).waitFor();
    expect(await isFocused(page.getByLabel(en.fields.releaseReason))).toBe(true);
    await screenshot(page, '41-detention-errors');
    await problems(page);
    await day(page, en.fields.to, '2020', '8', '24');
    await press(page, 'button', en.person.save);
    await saved(page);
    await screenshot(page, '42-detention-saved');
    await problems(page);
    await press(page, 'button', en.common.back);

    // A trial: kind is required; two charges; a sentence and a fine.
    await section(page, en.linked.detentions)
      .getByRole('button', { name: /Akrestsina/ })
      .waitFor();
    await press(page, 'button', en.linked.addProceeding);
    await page.getByRole('heading', { level: 1, name: /Trial — Алесь Бяляцкі/ }).waitFor();
    await press(page, 'button', en.person.save);
    await page.getByText(en.forms.errors.required).first().waitFor();
    expect(await isFocused(page.getByLabel(en.fields.kind))).toBe(true);
    await page.getByLabel(en.fields.kind).selectOption('criminal');
    await type(page, en.fields.court, 'Мінскі гарадскі суд <b>Minsk</b>');
    await press(page, 'button', en.linked.addCharge);
    expect(await isFocused(page.getByLabel('Charge 1', { exact: true }))).toBe(true);
    await page.getByLabel('Charge 1', { exact: true }).selectOption('cc-342');
    await press(page, 'button', en.linked.addCharge);
    await page.getByLabel('Charge 2', { exact: true }).selectOption('cc-293');
    await day(page, en.linked.verdictDate, '2023', '3', '3');
    await page.getByLabel(en.fields.outcome).selectOption('convicted');
    await type(page, en.fields.prisonMonths, '120');
    await type(page, en.linked.fineAmount, '1000');
    await page.getByLabel(en.fields.currency).fill('');
    await type(page, en.fields.currency, 'b$');
    await press(page, 'button', en.person.save);
    await page.getByText(en.linked.errors.currency).waitFor();
    await screenshot(page, '43-trial-errors');
    await problems(page);
    await page.getByLabel(en.fields.currency).fill('');
    await type(page, en.fields.currency, 'byn');
    await press(page, 'button', en.person.save);
    await saved(page);
    await screenshot(page, '44-trial-saved');
    await problems(page);
    await press(page, 'button', en.common.back);

    // A testimony with consent for two uses, one only anonymously.
    await section(page, en.linked.proceedings)
      .getByRole('button', { name: /criminal/ })
      .waitFor();
    await press(page, 'button', en.linked.addTestimony);
    await page.getByRole('heading', { level: 1, name: /Testimony — Алесь Бяляцкі/ }).waitFor();
    await type(page, en.fields.interviewer, 'M. K.');
    await type(page, en.fields.language, 'be');
    await day(page, en.fields.date, '2024', '1', '15');
    await type(page, en.fields.transcript, 'Мяне затрымалі 9 жніўня.\n<script>alert(1)</script>');
    await press(page, 'checkbox', en.values.internal);
    await press(page, 'checkbox', en.values.un);
    await press(page, 'checkbox', `${en.linked.consentAnonymous} (${en.values.un})`);
    await type(page, en.linked.consentGivenOn, '2024-01-15');
    await press(page, 'button', en.person.save);
    await page.getByText(en.forms.errors.required).first().waitFor();
    await screenshot(page, '45-testimony-errors');
    await problems(page);
    await page.getByLabel(en.fields.how).selectOption('oral_recorded');
    await press(page, 'button', en.person.save);
    await saved(page);
    await screenshot(page, '46-testimony-saved');
    await problems(page);
    await press(page, 'button', en.common.back);

    // All three listed; the other person's detention is not.
    await section(page, en.linked.testimonies)
      .getByRole('button', { name: /M\. K\./ })
      .waitFor();
    expect(await section(page, en.linked.detentions).getByRole('listitem').count()).toBe(1);
    await screenshot(page, '47-person-records-listed');
    await problems(page);

    const stored = async (type: string) => {
      const reply = await callApi(page, 'records', 'referring', {
        id: 'bialiatski',
        types: [type],
      });
      const items = (reply.value as { items: { record: { id: string; body: unknown } }[] }).items;
      expect(items).toHaveLength(1);
      return items[0]!.record;
    };
    expect((await stored('detention')).body).toEqual({
      personId: 'bialiatski',
      facility: 'akrestsina-minsk',
      from: { date: '2020-08-09' },
      to: { date: '2020-08-24' },
      regime: 'administrative_arrest',
      releaseReason: 'served',
    });
    expect((await stored('proceeding')).body).toEqual({
      personId: 'bialiatski',
      kind: 'criminal',
      court: 'Мінскі гарадскі суд <b>Minsk</b>',
      charges: ['cc-342', 'cc-293'],
      verdict: { date: { date: '2023-03-03' }, outcome: 'convicted' },
      sentence: { prisonMonths: 120, fine: { amount: 1000, currency: 'BYN' } },
    });
    const testimony = await stored('testimony');
    expect(testimony.body).toEqual({
      intervieweeId: 'bialiatski',
      interviewer: 'M. K.',
      date: { date: '2024-01-15' },
      language: 'be',
      transcript: 'Мяне затрымалі 9 жніўня.\n<script>alert(1)</script>',
      consent: {
        uses: { internal: 'identifiable', un: 'anonymous' },
        givenOn: '2024-01-15',
        how: 'oral_recorded',
      },
    });

    // Edit the detention: the regime changes; history shows two versions.
    await press(page, 'button', /Akrestsina/);
    await page.getByRole('heading', { level: 1, name: /Detention — Алесь Бяляцкі/ }).waitFor();
    await page.getByLabel(en.fields.regime).selectOption('pretrial');
    await press(page, 'button', en.person.saveRevision);
    await saved(page);
    await press(page, 'button', en.person.history);
    await page.getByRole('heading', { level: 1, name: en.history.title }).waitFor();
    await page.getByText('Versions: 2').waitFor();
    await screenshot(page, '48-detention-history');
    await problems(page);

    // The testimony again: the hostile transcript is text in a textarea, nothing ran.
    await press(page, 'button', en.history.back);
    await press(page, 'button', en.common.back);
    await press(page, 'button', /M\. K\./);
    expect(await page.getByLabel(en.fields.transcript).inputValue()).toContain('<script>');
    await screenshot(page, '49-testimony-edit');
    await problems(page);
  });
});
