// Sources over a real vault: the list (virtual, narrowed by words and by kind), a new source
// made from the keyboard alone, a model error shown in words next to its field, and hostile
// titles shown as text. Every screen photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { en, isFocused, screenshot, seriousAccessibilityProblems } from './support/harness';
import { listRows, unlockedWith } from './listsRecords';
import { useBrowserSession } from './support/session';

const session = useBrowserSession();

const hostile = '<img src=x onerror=alert(1)> Скрыншот';

const records = [
  {
    type: 'source',
    id: 'source-hostile',
    body: { kind: 'social_media', title: hostile, reliability: 'low' },
  },
  {
    type: 'source',
    id: 'source-press',
    body: { kind: 'press', title: 'Артыкул пра суд над «Вясной»', obtainedOn: { date: '2023-03' } },
  },
];

const unlockedApp = () => unlockedWith(session, records);

const rows = (page: Page, count: number) => listRows(page, en.sources.listLabel, count);

/** Focuses a field by its label and types, as a keyboard user does. */
async function type(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).focus();
  await page.keyboard.type(text);
}

async function press(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

describe('the Sources section', () => {
  it('lists sources, makes one from the keyboard, says what is wrong in words, and finds it', async () => {
    const page = await unlockedApp();
    await page.keyboard.press('Alt+8');
    await page.getByRole('heading', { level: 1, name: en.sources.title }).waitFor();
    const before = await rows(page, 2);
    expect(before[0]).toContain(hostile);
    expect(before[0]).toContain(en.sources.kinds.social_media);
    expect(before[1]).toContain('March 2023');
    await page.getByText(hostile, { exact: true }).waitFor();
    expect(await page.locator('.list-row img').count()).toBe(0);
    await screenshot(page, '70-sources-list');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await press(page, en.sources.newButton);
    const heading = page.getByRole('heading', { level: 1, name: en.sources.newTitle });
    await heading.waitFor();
    expect(await isFocused(heading)).toBe(true);
    await type(page, en.fields.title, 'Фота затрымання ля Акрэсціна');
    await page.getByLabel(en.fields.kind, { exact: true }).focus();
    await page.keyboard.type('photo');
    await page.getByLabel(en.sources.reliability, { exact: true }).focus();
    await page.keyboard.type('High');
    await type(page, en.sources.obtainedBy, 'Н. К.');
    await type(page, en.sources.sha256, 'not-a-hash');
    await press(page, en.person.save);
    // The model refuses the hash: the field says why, in words, and takes the focus.
    await page.getByText(en.sources.errors.sha256).waitFor();
    const hash = page.getByLabel(en.sources.sha256, { exact: true });
    expect(await hash.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(hash)).toBe(true);
    await screenshot(page, '71-source-editor-error');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('a'.repeat(64));
    await press(page, en.person.save);
    await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
    await page.getByRole('heading', { level: 1, name: en.sources.editTitle }).waitFor();
    await screenshot(page, '72-source-saved');

    await press(page, en.common.back);
    await page.getByRole('heading', { level: 1, name: en.sources.title }).waitFor();
    const after = await rows(page, 3);
    const added = after.find((row) => row.includes('Фота затрымання ля Акрэсціна'));
    expect(added).toContain(en.sources.kinds.photo);
    expect(added).toContain('High');

    await page.getByRole('searchbox', { name: en.sources.search }).focus();
    await page.keyboard.type('Акрэсціна');
    expect(await rows(page, 1)).toEqual([added]);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.getByLabel(en.fields.kind, { exact: true }).focus();
    await page.keyboard.type('press');
    expect(await rows(page, 1)).toEqual([before[1]]);

    // Enter on the row opens the source again.
    await page.getByRole('searchbox', { name: en.sources.search }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.sources.editTitle }).waitFor();
    expect(await page.getByLabel(en.fields.title, { exact: true }).inputValue()).toBe(
      'Артыкул пра суд над «Вясной»',
    );
  });
});
