// Vocabularies over a real vault: the list, a term added with labels in four languages and
// offered at once by the case editor's picker, a term retired (no longer offered, still shown
// on the case that uses it, which still saves), and a fixed vocabulary that only takes labels.
// Keyboard only; every screen photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { be, en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { unlockedWith } from './listsRecords';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

const records = [
  {
    type: 'case',
    id: 'case-search',
    body: { title: 'Ператрус у «Вясны»', type: 'search', date: { date: '2021-07-14' } },
  },
];

const unlockedApp = () => unlockedWith(session, records);

async function press(page: Page, role: 'button' | 'checkbox', name: string) {
  await page.getByRole(role, { name, exact: true }).focus();
  await page.keyboard.press(role === 'button' ? 'Enter' : 'Space');
}

async function type(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

async function openVocabulary(page: Page, name: string) {
  await page.keyboard.press('Alt+9');
  await page.getByRole('heading', { level: 1, name: en.vocabularies.title }).waitFor();
  await press(page, 'button', name);
  await page.getByRole('heading', { level: 1, name: `Vocabulary: ${name}` }).waitFor();
}

const typeOptions = (page: Page) =>
  page.getByLabel(en.fields.type, { exact: true }).locator('option').allTextContents();

describe('the Vocabularies section', () => {
  it('adds a term in four languages and retires one; the case picker follows, old cases keep theirs', async () => {
    const page = await unlockedApp();
    await page.keyboard.press('Alt+9');
    await page.getByRole('heading', { level: 1, name: en.vocabularies.title }).waitFor();
    await page
      .getByRole('list', { name: en.vocabularies.listLabel })
      .getByRole('button', { name: en.vocabularies.names['case-types'] })
      .waitFor();
    await screenshot(page, '80-vocabularies-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await openVocabulary(page, en.vocabularies.names['case-types']);
    // A new id in the wrong shape is refused next to the field, in words.
    await type(page, en.vocabularies.newId, 'Hunger strike');
    await page.keyboard.press('Enter');
    await page.getByText(en.vocabularies.errors.id).waitFor();
    expect(await isFocused(page.getByLabel(en.vocabularies.newId, { exact: true }))).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('hunger-strike');
    await type(page, en.vocabularies.languages.en, 'Hunger strike');
    await type(page, en.vocabularies.languages.be, 'Галадоўка');
    await type(page, en.vocabularies.languages.ru, 'Голодовка');
    await type(page, en.vocabularies.languages.uk, 'Голодування');
    // Enter in the new term's fields adds the term to the table (the vocabulary is saved later).
    await page.keyboard.press('Enter');
    const belarusian = page.getByLabel('Belarusian label of hunger-strike', { exact: true });
    expect(await belarusian.inputValue()).toBe('Галадоўка');
    expect(await isFocused(page.getByLabel(en.vocabularies.newId, { exact: true }))).toBe(true);
    await press(page, 'checkbox', 'Retire Search');
    await screenshot(page, '81-vocabulary-editor');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await press(page, 'button', en.person.saveRevision);
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
    expect(
      await page.getByLabel('Belarusian label of hunger-strike', { exact: true }).inputValue(),
    ).toBe('Галадоўка');
    expect(await page.getByRole('checkbox', { name: 'Retire Search' }).isChecked()).toBe(true);

    // The case editor offers the new term and no longer the retired one.
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: en.cases.title }).waitFor();
    await press(page, 'button', en.cases.newButton);
    await page.getByRole('heading', { level: 1, name: en.cases.newTitle }).waitFor();
    const offered = await typeOptions(page);
    expect(offered).toContain('Hunger strike');
    expect(offered).not.toContain('Search');
    await page.getByLabel(en.fields.type, { exact: true }).focus();
    await page.keyboard.type('Hunger');
    expect(await page.getByLabel(en.fields.type, { exact: true }).inputValue()).toBe(
      'hunger-strike',
    );
    await screenshot(page, '82-case-picker-new-term');

    // A case of the retired type still shows it, and still saves.
    await page.keyboard.press('Alt+2');
    const cases = page.getByRole('listbox', { name: en.cases.listLabel });
    await cases.getByRole('option', { name: /Ператрус у «Вясны»/ }).waitFor();
    await cases.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Ператрус у «Вясны»/ }).waitFor();
    expect(await page.getByLabel(en.fields.type, { exact: true }).inputValue()).toBe('search');
    await press(page, 'button', en.person.saveRevision);
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();

    // In Belarusian the picker offers the term by its Belarusian label.
    await page.getByLabel(en.common.language).selectOption('be');
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 1, name: be.cases.title }).waitFor();
    await press(page, 'button', be.cases.newButton);
    await page.getByRole('heading', { level: 1, name: be.cases.newTitle }).waitFor();
    expect(
      await page.getByLabel(be.fields.type, { exact: true }).locator('option').allTextContents(),
    ).toContain('Галадоўка');
  });

  it('lets a fixed vocabulary be relabelled but not extended, and never drops a term', async () => {
    const page = await unlockedApp();
    await openVocabulary(page, en.vocabularies.names.regimes);
    await page.getByText(en.vocabularies.fixedHint).waitFor();
    expect(await page.getByRole('group', { name: en.vocabularies.addTerm }).count()).toBe(0);
    const label = page.getByLabel('Russian label of strict', { exact: true });
    await label.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Строгий режим');
    await press(page, 'button', en.person.saveRevision);
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
    expect(await page.getByLabel('Russian label of strict', { exact: true }).inputValue()).toBe(
      'Строгий режим',
    );
    await screenshot(page, '83-vocabulary-fixed');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // The vault itself refuses a revision that leaves a term out, whoever sends it.
    const current = await callApi(page, 'records', 'get', { id: 'vocab-regimes' });
    const body = (current.value as { body: { terms: { id: string }[] } }).body;
    const dropped = await callApi(page, 'records', 'put', {
      type: 'vocabulary',
      id: 'vocab-regimes',
      body: { ...body, terms: body.terms.filter((term) => term.id !== 'strict') },
    });
    expect(dropped.ok).toBe(false);
    expect(dropped.error?.code).toBe('validation_failed');
  });
});
