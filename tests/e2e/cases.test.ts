// The Cases section over a real vault: the virtual list with its filters, search as you type,
// the case editor from the keyboard alone, a person opened from the case and back, and the
// history written out in words. Each screen is photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { passphrase } from '../support/vaults';
import { en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

const records = [
  { type: 'person', id: 'losik', body: { names: [{ value: 'Ігар Лосік', lang: 'be' }] } },
  { type: 'person', id: 'bialiatski', body: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }] } },
  {
    type: 'case',
    id: 'case-losik',
    body: {
      title: 'Арышт Ігара Лосіка',
      type: 'detention',
      date: { date: '2020-06-25' },
      involvements: [{ personId: 'losik', role: 'victim' }],
    },
  },
  {
    type: 'case',
    id: 'case-viasna',
    body: { title: 'Справа «Вясны»', type: 'criminal-prosecution', date: { date: '2021-07' } },
  },
  {
    type: 'case',
    id: 'case-search',
    body: { title: '<img src=x onerror=alert(1)> Ператрус у Менску', type: 'search' },
  },
];

async function unlockedApp() {
  const app = await session.open();
  const created = await callApi(app.page, 'vault', 'create', {
    folder: app.vaultFolder,
    passphrase,
  });
  expect(created.ok).toBe(true);
  expect((await callApi(app.page, 'records', 'putMany', { records })).ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
  return app;
}

const casesList = (page: Page) => page.getByRole('listbox', { name: en.cases.listLabel });

describe('the Cases section', () => {
  it('lists every case, narrows by type and dates, and finds by words as you type', async () => {
    const { page } = await unlockedApp();
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: en.cases.title }).waitFor();
    await casesList(page)
      .getByRole('option', { name: /Ператрус у Менску/ })
      .waitFor();
    expect(await casesList(page).getByRole('option').count()).toBe(3);
    // Hostile content is text: the title's markup is shown, not run.
    await page.getByText('<img src=x onerror=alert(1)> Ператрус у Менску').waitFor();
    await screenshot(page, '30-cases-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByLabel(en.fields.type, { exact: true }).selectOption({ label: 'Detention' });
    await page.getByText('Records: 1').waitFor();
    expect(await casesList(page).getByRole('option').allTextContents()).toEqual([
      'Арышт Ігара Лосіка',
    ]);
    await page.getByLabel(en.fields.type, { exact: true }).selectOption('');
    await page.getByLabel(en.cases.from).fill('2021');
    await page.getByText('Records: 1').waitFor();
    expect(await casesList(page).getByRole('option').allTextContents()).toEqual(['Справа «Вясны»']);
    await page.getByLabel(en.cases.from).fill('2021-13x');
    await page.getByText(en.cases.dateFormat).waitFor();
    await page.getByLabel(en.cases.from).fill('');

    await page.getByRole('searchbox', { name: en.cases.search }).fill('Losik');
    const results = page.getByRole('listbox', { name: en.search.results });
    await results.getByRole('option', { name: /Арышт Ігара Лосіка/ }).waitFor();
    await screenshot(page, '31-cases-search');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel(en.cases.to).fill('2019');
    await page.getByText(en.search.none).waitFor();
  });

  it('makes a case from the keyboard alone, links a person with a role, and opens them and back', async () => {
    const { page } = await unlockedApp();
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: en.cases.title }).waitFor();
    await page.getByRole('button', { name: en.cases.newButton }).focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name: en.cases.newTitle });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    // Heading, back, then the title.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel(en.fields.title))).toBe(true);
    await page.keyboard.type('Затрыманне Алеся Бяляцкага');
    // Selects answer to typed letters, as in any desktop form.
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel(en.fields.type, { exact: true }))).toBe(true);
    await page.keyboard.type('Detention');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Minsk (');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel(en.date.precision))).toBe(true);
    await page.keyboard.type('the d');
    await page.keyboard.press('Tab');
    await page.keyboard.type('14');
    await page.keyboard.press('Tab');
    await page.keyboard.type('July');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2021');
    // Approximate, summary, then the person picker.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByRole('combobox', { name: en.cases.addPerson }))).toBe(true);
    await page.keyboard.type('Bialiatski');
    await page.getByRole('option', { name: 'Алесь Бяляцкі' }).waitFor();
    await page.keyboard.press('Enter');
    const role = page.getByLabel('Role of Алесь Бяляцкі');
    await role.focus();
    await page.keyboard.type('Victim');
    await screenshot(page, '32-case-editor');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await page.getByLabel(en.fields.title).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();

    const list = (
      await callApi(page, 'cases', 'list', { offset: 0, limit: 10, from: '2021-07-14' })
    ).value as { items: { record: { body: unknown } }[] };
    expect(list.items.map((item) => item.record.body)).toContainEqual({
      title: 'Затрыманне Алеся Бяляцкага',
      type: 'detention',
      date: { date: '2021-07-14' },
      place: { region: 'by-hm' },
      involvements: [{ personId: 'bialiatski', role: 'victim' }],
    });

    await page.getByRole('button', { name: 'Алесь Бяляцкі', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Алесь Бяляцкі/ }).waitFor();
    await page.getByRole('button', { name: en.common.back, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Затрыманне Алеся Бяляцкага/ }).waitFor();
  });

  it('shows what each version changed, by field names and readable values', async () => {
    const { page } = await unlockedApp();
    const changed = await callApi(page, 'records', 'put', {
      type: 'case',
      id: 'case-losik',
      body: {
        title: 'Арышт Ігара Лосіка',
        type: 'criminal-prosecution',
        date: { date: '2020-06', approximate: true },
        involvements: [{ personId: 'losik', role: 'victim' }],
      },
    });
    expect(changed.ok).toBe(true);
    await page.keyboard.press('Alt+2');
    await casesList(page)
      .getByRole('option', { name: /Арышт Ігара Лосіка/ })
      .click();
    await page.getByRole('button', { name: en.person.history }).click();
    await page.getByRole('heading', { level: 1, name: en.history.title }).waitFor();
    const newest = page.locator('.revision').first();
    await newest.getByText(en.history.changed).waitFor();
    expect(await newest.locator('dt').allTextContents()).toEqual([en.fields.type, en.fields.date]);
    expect(await newest.locator('dd').allTextContents()).toEqual([
      'Criminal prosecution',
      '≈ June 2020',
    ]);
    const first = page.locator('.revision').last();
    expect(await first.locator('dd').allTextContents()).toContain('June 25, 2020');
    expect(await first.locator('dd').allTextContents()).toContain(
      'Person: Ігар Лосік, Role: Victim',
    );
    await screenshot(page, '33-case-history');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
