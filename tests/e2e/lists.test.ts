// The lists of detentions, trials and testimonies over a real vault: each shows the person's
// name and the date, narrows as words are typed (a name in another script) and by its own
// filters, and opens a row with Enter in the editor of the person's page. Keyboard only; every
// screen photographed and checked with axe. The history names people instead of ids.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { hostileName, listRecords, listRows as rows, unlockedWith } from './listsRecords';
import { useBrowserSession } from './support/session';

const session = useBrowserSession();

const hostile = hostileName;
const unlockedApp = () => unlockedWith(session, listRecords);
const list = (page: Page, label: string) => page.getByRole('listbox', { name: label });

/** Types words into the list's search box, from the keyboard. */
async function search(page: Page, label: string, words: string) {
  await page.getByRole('searchbox', { name: label }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(words);
}

/** Down arrow from the search box to the list, down to the row, Enter opens it. */
async function openRow(page: Page, searchLabel: string, listLabel: string, index: number) {
  await page.getByRole('searchbox', { name: searchLabel }).focus();
  await page.keyboard.press('ArrowDown');
  expect(await isFocused(list(page, listLabel))).toBe(true);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

describe('the lists of detentions, trials and testimonies', () => {
  it('detentions: names and dates, narrowed by a name in Latin and by a facility group; Enter opens', async () => {
    const page = await unlockedApp();
    const label = en.lists.detentions.listLabel;
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { level: 1, name: en.lists.detentions.title }).waitFor();
    const all = await rows(page, label, 4);
    expect(all[0]).toContain('Алесь Бяляцкі');
    expect(all[0]).toContain('July 14, 2021 – July 20, 2021');
    expect(all[1]).toContain(hostile);
    expect(all[3]).toContain(`July 20, 2021 – ${en.lists.detentions.stillHeld}`);
    // Hostile content is text: the name's markup is shown, not run.
    await page.getByText(hostile, { exact: true }).waitFor();
    expect(await page.locator('.list-row img').count()).toBe(0);
    await screenshot(page, '60-detentions-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await search(page, en.lists.detentions.search, 'Bialiatski');
    expect(await rows(page, label, 2)).toEqual([all[0], all[3]]);
    await search(page, en.lists.detentions.search, '');
    await page
      .getByLabel(en.fields.facility, { exact: true })
      .selectOption({ label: 'Pre-trial detention centres (SIZO)' });
    expect(await rows(page, label, 1)).toEqual([all[3]]);
    await page.getByLabel(en.fields.facility, { exact: true }).selectOption('');
    await page.getByLabel(en.cases.to).fill('2021-12');
    expect(await rows(page, label, 3)).toEqual([all[0], all[2], all[3]]);
    await screenshot(page, '61-detentions-filtered');

    await openRow(page, en.lists.detentions.search, label, 2);
    await page
      .getByRole('heading', { level: 1, name: `${en.linked.detentionTitle} — Алесь Бяляцкі` })
      .waitFor();
    // Its history names the person, not the id.
    await page.getByRole('button', { name: en.person.history }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.history.title }).waitFor();
    await page.locator('.revision dd').first().waitFor();
    const fields = await page.locator('.revision dd').allTextContents();
    expect(fields).toContain('Алесь Бяляцкі');
    expect(fields).not.toContain('bialiatski');
    await screenshot(page, '62-detention-history-names');
  });

  it('trials: narrowed by article, by stage and by words of the court; Enter opens', async () => {
    const page = await unlockedApp();
    const label = en.lists.proceedings.listLabel;
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { level: 1, name: en.lists.proceedings.title }).waitFor();
    const all = await rows(page, label, 2);
    expect(all[0]).toContain('Алесь Бяляцкі');
    expect(all[0]).toContain('March 3, 2023');
    expect(all[0]).toContain('Art. 342 CC');
    expect(all[1]).toContain('Ігар Лосік');
    expect(all[1]).toContain('December 2022');
    await screenshot(page, '63-trials-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page
      .getByLabel(en.lists.proceedings.stage, { exact: true })
      .selectOption({ label: en.lists.proceedings.stages.awaiting_verdict });
    expect(await rows(page, label, 1)).toEqual([all[1]]);
    await page.getByLabel(en.lists.proceedings.stage, { exact: true }).selectOption('');
    await page
      .getByLabel(en.lists.proceedings.article, { exact: true })
      .selectOption({ label: 'Criminal Code of the Republic of Belarus' });
    expect(await rows(page, label, 2)).toEqual(all);
    await page.getByLabel(en.lists.proceedings.article, { exact: true }).selectOption('cc-293');
    expect(await rows(page, label, 1)).toEqual([all[1]]);
    await page.getByLabel(en.lists.proceedings.article, { exact: true }).selectOption('');
    await search(page, en.lists.proceedings.search, 'Ленінскі');
    expect(await rows(page, label, 1)).toEqual([all[0]]);

    await openRow(page, en.lists.proceedings.search, label, 0);
    await page
      .getByRole('heading', { level: 1, name: `${en.linked.proceedingTitle} — Алесь Бяляцкі` })
      .waitFor();
    await screenshot(page, '64-trial-opened');
  });

  it('testimonies: the interviewee or their code, narrowed by consent; Enter opens', async () => {
    const page = await unlockedApp();
    const label = en.lists.testimonies.listLabel;
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { level: 1, name: en.lists.testimonies.title }).waitFor();
    const all = await rows(page, label, 3);
    expect(all[0]).toContain('Алесь Бяляцкі');
    expect(all[0]).toContain(en.lists.testimonies.consentStates.given);
    expect(all[1]).toContain('W-2024-017');
    expect(all[2]).toContain('Ігар Лосік');
    expect(all[2]).toContain('January 10, 2024');
    await screenshot(page, '65-testimonies-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page
      .getByLabel(en.fields.consent, { exact: true })
      .selectOption({ label: en.lists.testimonies.consentStates.withdrawn });
    expect(await rows(page, label, 1)).toEqual([all[2]]);
    await page.getByLabel(en.fields.consent, { exact: true }).selectOption('');
    await search(page, en.lists.testimonies.search, 'Losik');
    expect(await rows(page, label, 1)).toEqual([all[2]]);
    await search(page, en.lists.testimonies.search, 'nobody-by-this-name');
    await page.getByText(en.lists.noneMatch).waitFor();
    await search(page, en.lists.testimonies.search, 'Лосік');
    await rows(page, label, 1);

    await openRow(page, en.lists.testimonies.search, label, 0);
    await page
      .getByRole('heading', { level: 1, name: `${en.linked.testimonyTitle} — Ігар Лосік` })
      .waitFor();
    // Back returns to the list the record was opened from.
    await page.getByRole('button', { name: en.common.back, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.lists.testimonies.title }).waitFor();
  });
});
