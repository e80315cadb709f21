// The data-entry screens over a real vault: search as you type across scripts, the duplicate
// warning, the person editor with an imprecise date, a region and its history, and a violation
// entered in one flow. Each screen is photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { passphrase } from '../support/vaults';
import { en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

async function unlockedApp() {
  const app = await session.open();
  const created = await callApi(app.page, 'vault', 'create', {
    folder: app.vaultFolder,
    passphrase,
  });
  expect(created.ok).toBe(true);
  for (const [id, name] of [
    ['kalesnikava', 'Марыя Калеснікава'],
    ['bialiatski', 'Алесь Бяляцкі'],
  ] as const) {
    const put = await callApi(app.page, 'records', 'put', {
      type: 'person',
      id,
      body: { names: [{ value: name, lang: 'be' }] },
    });
    expect(put.ok).toBe(true);
  }
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
  return app;
}

async function problems(page: Page) {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: en.search.people });
const results = (page: Page) => page.getByRole('listbox', { name: en.search.results });

describe('search as you type', () => {
  it('finds a person written in another script, and opens them from the keyboard', async () => {
    const { page } = await unlockedApp();
    await searchBox(page).focus();
    await page.keyboard.type('Kolesnikova');
    await results(page)
      .getByRole('option', { name: /Марыя Калеснікава/ })
      .waitFor();
    expect(await results(page).getByRole('option').count()).toBe(1);
    await screenshot(page, '20-search-across-scripts');
    await problems(page);

    await page.keyboard.press('ArrowDown');
    expect(await isFocused(results(page))).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Person/ }).waitFor();
    expect(await page.getByLabel('Name 1', { exact: true }).inputValue()).toBe('Марыя Калеснікава');
  });
});

describe('the person editor', () => {
  it('warns of a possible duplicate before saving, with a link to the existing record', async () => {
    const { page } = await unlockedApp();
    await page.getByRole('button', { name: en.person.newButton }).click();
    await page.getByRole('heading', { level: 1, name: en.person.newTitle }).waitFor();
    await page.getByLabel('Name 1', { exact: true }).fill('Maryja Kaleśnikava');
    const warning = page.locator('.duplicate-warning').filter({ hasText: en.duplicates.intro });
    await warning.waitFor();
    await screenshot(page, '21-duplicate-warning');
    await problems(page);
    await warning.getByRole('button', { name: 'Марыя Калеснікава' }).click();
    await page.getByRole('heading', { level: 1, name: /Марыя Калеснікава/ }).waitFor();
  });

  it('warns after a quick add too, and links to the record it may repeat', async () => {
    const { page } = await unlockedApp();
    await page.getByLabel(en.people.nameLabel, { exact: true }).fill('Мария Колесникова');
    await page.getByRole('button', { name: en.people.add, exact: true }).click();
    const warning = page.locator('.duplicate-warning');
    await warning.getByRole('button', { name: 'Марыя Калеснікава' }).click();
    await page.getByRole('heading', { level: 1, name: /Марыя Калеснікава/ }).waitFor();
  });

  it('saves a month-precise birth date and a region as a new revision, shown in the history', async () => {
    const { page } = await unlockedApp();
    await searchBox(page).fill('Бяляцкі');
    await results(page)
      .getByRole('option', { name: /Алесь Бяляцкі/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /Алесь Бяляцкі/ }).waitFor();

    await page.getByLabel(en.date.precision).selectOption('month');
    await page.getByLabel(en.date.monthLabel).selectOption('9');
    await page.getByLabel(en.date.yearLabel).fill('1962');
    await page.getByLabel(en.date.approximate).check();
    await page.getByLabel(en.person.region).selectOption({ label: 'Minsk region' });
    await page.getByRole('button', { name: en.person.addName }).click();
    await page.getByLabel('Name 2', { exact: true }).fill('Ales Bialiatski');
    await screenshot(page, '22-person-editor');
    await problems(page);
    await page.getByRole('button', { name: en.person.saveRevision }).click();
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();

    const stored = await callApi(page, 'records', 'get', { id: 'bialiatski' });
    expect((stored.value as { body: unknown }).body).toEqual({
      names: [{ value: 'Алесь Бяляцкі', lang: 'be' }, { value: 'Ales Bialiatski' }],
      birthDate: { date: '1962-09', approximate: true },
      region: 'by-mi',
    });

    await page.getByRole('button', { name: en.person.history }).click();
    await page.getByRole('heading', { level: 1, name: en.history.title }).waitFor();
    await page.getByText('Versions: 2').waitFor();
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: /^Version/ })
        .count(),
    ).toBe(2);
    await screenshot(page, '23-person-history');
    await problems(page);
  });

  it('shows the field the model refuses next to it, and deletes after confirmation', async () => {
    const { page } = await unlockedApp();
    await searchBox(page).fill('Kalesnikava');
    await results(page).getByRole('option').first().click();
    await page.getByLabel(en.date.precision).selectOption('day');
    await page.getByLabel(en.date.dayLabel).fill('31');
    await page.getByLabel(en.date.monthLabel).selectOption('2');
    await page.getByLabel(en.date.yearLabel).fill('1982');
    await page.getByRole('button', { name: en.person.saveRevision }).click();
    await page.getByText(en.person.errors.date).waitFor();
    await screenshot(page, '24-person-field-error');
    await problems(page);

    await page.getByRole('button', { name: en.person.delete }).click();
    await page.getByRole('alert').filter({ hasText: en.person.deleteConfirm }).waitFor();
    await page.getByRole('button', { name: en.person.deleteYes, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
    const gone = await callApi(page, 'records', 'get', { id: 'kalesnikava' });
    expect(gone.error?.code).toBe('record_deleted');
  });

  it('works from the keyboard alone: search, open, change a name, save', async () => {
    const { page } = await unlockedApp();
    await searchBox(page).focus();
    await page.keyboard.type('Bialiatski');
    await results(page).getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: /Алесь Бяляцкі/ });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    // Tab from the heading: back, history, then the first name.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel('Name 1', { exact: true }))).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.type(' (Алесь Віктаравіч)');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
    const history = await callApi(page, 'records', 'history', { id: 'bialiatski' });
    expect((history.value as { revisions: unknown[] }).revisions).toHaveLength(2);
  });
});

describe('a violation in one flow', () => {
  it('creates the new victim, the new case and the act in one go', async () => {
    const { page } = await unlockedApp();
    await page.getByRole('button', { name: en.violation.title }).click();
    await page.getByRole('heading', { level: 1, name: en.violation.title }).waitFor();

    const victim = page.getByRole('combobox', { name: en.violation.victim });
    await victim.fill('Ігар Лосік');
    await page.getByRole('option', { name: 'Add a new person: Ігар Лосік' }).waitFor();
    await victim.press('ArrowDown');
    await victim.press('Enter');
    await page.getByText(en.picker.willBeAdded).waitFor();

    const perpetrator = page.getByRole('combobox', { name: en.violation.perpetrator });
    await perpetrator.fill('Бяляцкі');
    await page.getByRole('option', { name: 'Алесь Бяляцкі' }).waitFor();
    await perpetrator.press('Enter');

    await page.getByLabel(en.violation.actType).selectOption({ label: 'Arbitrary detention' });
    await page.getByLabel(en.date.precision).selectOption('month');
    await page.getByLabel(en.date.monthLabel).selectOption('6');
    await page.getByLabel(en.date.yearLabel).fill('2020');
    const theCase = page.getByRole('combobox', { name: en.violation.case });
    await theCase.fill('Арышт Ігара Лосіка');
    await page.getByRole('option', { name: /Add a new case/ }).waitFor();
    await theCase.press('Enter');
    await page.getByLabel(en.violation.caseType).selectOption({ label: 'Detention' });
    await screenshot(page, '25-violation-flow');
    await problems(page);
    await page.getByRole('button', { name: en.violation.save }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Saved: a violation against Ігар Лосік' })
      .waitFor();
    await screenshot(page, '26-violation-saved');

    const count = async (type: string) =>
      (
        (await callApi(page, 'records', 'list', { type, offset: 0, limit: 10 })).value as {
          total: number;
        }
      ).total;
    expect(await count('person')).toBe(3);
    expect(await count('case')).toBe(1);
    expect(await count('act')).toBe(1);
    const acts = (await callApi(page, 'records', 'list', { type: 'act', offset: 0, limit: 1 }))
      .value as { items: { record: { body: Record<string, unknown> } }[] };
    expect(acts.items[0]!.record.body).toMatchObject({
      type: 'arbitrary-detention',
      perpetratorIds: ['bialiatski'],
      date: { date: '2020-06' },
    });
  });

  it('says what is missing, next to the field', async () => {
    const { page } = await unlockedApp();
    await page.getByRole('button', { name: en.violation.title }).click();
    await page.getByRole('button', { name: en.violation.save }).click();
    await page.getByText(en.violation.errors.victim).waitFor();
    await page.getByText(en.violation.errors.actType).waitFor();
    await page.getByText(en.violation.errors.case).waitFor();
    expect(await isFocused(page.getByRole('combobox', { name: en.violation.victim }))).toBe(true);
    await screenshot(page, '27-violation-errors');
    await problems(page);
  });
});
