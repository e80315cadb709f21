// A documenter's first day, in Chromium, over the real router and a real vault: create the
// vault, prove the recovery code was copied, record people, lock, mistype the passphrase,
// unlock. Every screen is checked with axe and saved as a screenshot.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { passphrase } from '../support/vaults';
import {
  be,
  en,
  focusedElement,
  focusOutline,
  isFocused,
  screenshot,
  seriousAccessibilityProblems,
} from './support/harness';
import { useBrowserSession } from './support/session';

const session = useBrowserSession();

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

async function expectAccessible(page: Page) {
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

/** Shows the recovery code, reads it off the screen, and confirms it like a person would. */
async function confirmRecoveryCode(page: Page, options: { mistypeFirst?: boolean } = {}) {
  await page.getByRole('heading', { name: en.recovery.title }).waitFor();
  const groups = await page.locator('.recovery-code li').allTextContents();
  expect(groups).toHaveLength(8);
  await screenshot(page, '03-recovery-code');
  await expectAccessible(page);
  await page.getByLabel(en.recovery.written).check();
  await page.getByRole('button', { name: en.common.continue }).click();

  await page.getByRole('heading', { name: en.recovery.checkTitle }).waitFor();
  const asked = (await page.locator('.group-fields label').allTextContents()).map(
    (label) => Number(/\d+/.exec(label)![0]) - 1,
  );
  expect(asked).toHaveLength(2);
  const fields = page.locator('.group-fields input');
  if (options.mistypeFirst) {
    await fields.nth(0).fill('ZZZZ');
    await fields.nth(1).fill(groups[asked[1]!]!);
    await page.getByRole('button', { name: en.recovery.confirm }).click();
    await page.getByRole('alert').filter({ hasText: en.recovery.mismatch }).waitFor();
    expect(await isFocused(fields.nth(0))).toBe(true);
    await screenshot(page, '04-recovery-check-mismatch');
    await expectAccessible(page);
  }
  // Copied by hand: lower case, and O for 0 or I for 1, are read as the code means.
  const handwritten = (group: string) => group.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'i');
  await fields.nth(0).fill(handwritten(groups[asked[0]!]!));
  await fields.nth(1).fill(handwritten(groups[asked[1]!]!));
  await page.getByRole('button', { name: en.recovery.confirm }).click();
  return groups.join('-');
}

async function addPerson(page: Page, name: string) {
  const field = page.getByLabel(en.people.nameLabel, { exact: true });
  await field.fill(name);
  await page.getByRole('button', { name: en.people.add, exact: true }).click();
  await page
    .getByRole('status')
    .filter({ hasText: en.people.added.replace('{{name}}', name) })
    .waitFor();
}

const option = (page: Page, name: string) =>
  page.getByRole('listbox', { name: en.people.listLabel }).getByRole('option', { name });

describe('the vault, from first run to unlock', () => {
  it('creates a vault, checks the recovery code, records people, locks and unlocks', async () => {
    const app = await session.open();
    const { page } = app;

    // First run: a welcome screen that creates a vault in the proposed folder.
    await heading(page).filter({ hasText: en.welcome.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByLabel(en.create.folderLabel).inputValue()).toBe(app.vaultFolder);
    await screenshot(page, '01-welcome');
    await expectAccessible(page);

    // Too short, then two that differ: translated field errors, nothing created.
    await page.getByLabel(en.create.passphraseLabel, { exact: true }).fill('short');
    await page.getByRole('button', { name: en.create.submit }).click();
    await page.getByText(en.create.tooShort).waitFor();
    await page.getByLabel(en.create.passphraseLabel, { exact: true }).fill(passphrase);
    await page.getByLabel(en.create.repeatLabel).fill(`${passphrase}!`);
    await page.getByRole('button', { name: en.create.submit }).click();
    await page.getByText(en.create.mismatch).waitFor();
    expect(
      await page.getByText(`${en.create.strengthLabel} ${en.create.strength.strong}`).count(),
    ).toBe(1);
    await screenshot(page, '02-create-mismatch');
    await expectAccessible(page);

    await page.getByLabel(en.create.repeatLabel).fill(passphrase);
    await page.getByRole('button', { name: en.create.submit }).click();
    const recoveryCode = await confirmRecoveryCode(page, { mistypeFirst: true });

    // Unlocked: the People section, empty, with the name field ready.
    await heading(page).filter({ hasText: en.people.title }).waitFor();
    await page.getByText(en.people.empty).waitFor();
    expect(await isFocused(page.getByLabel(en.people.nameLabel, { exact: true }))).toBe(true);
    await screenshot(page, '05-home-empty');
    await expectAccessible(page);

    for (const name of ['Марыя Калеснікава', 'Ales Bialiatski', 'Ігар Лосік']) {
      await addPerson(page, name);
      await option(page, name).waitFor();
    }
    await page.getByText(en.people.count.replace('{{total}}', '3')).waitFor();
    await screenshot(page, '06-home-people');
    await expectAccessible(page);

    // Lock: the People list is gone from the page, not just hidden.
    await page.getByRole('button', { name: en.home.lock }).click();
    await heading(page).filter({ hasText: en.unlock.title }).waitFor();
    expect(await page.content()).not.toContain('Калеснікава');
    expect(app.host.isUnlocked).toBe(false);
    await screenshot(page, '07-unlock');
    await expectAccessible(page);

    // A wrong passphrase: the translated error, and the field again, selected.
    const secret = page.getByLabel(en.unlock.secretLabel);
    await secret.fill('correct horse battery stable');
    await page.getByRole('button', { name: en.unlock.submit }).click();
    await page.getByRole('alert').filter({ hasText: en.errors.wrong_secret }).waitFor();
    expect(await isFocused(secret)).toBe(true);
    await screenshot(page, '08-unlock-wrong-passphrase');
    await expectAccessible(page);

    await secret.fill(passphrase);
    await page.getByRole('button', { name: en.unlock.submit }).click();
    await option(page, 'Марыя Калеснікава').waitFor();
    await option(page, 'Ігар Лосік').waitFor();

    // Ctrl+L locks from anywhere; the recovery code opens the vault too.
    await page.keyboard.press('Control+l');
    await heading(page).filter({ hasText: en.unlock.title }).waitFor();
    await secret.fill(recoveryCode.toLowerCase());
    await page.keyboard.press('Enter');
    await option(page, 'Ales Bialiatski').waitFor();
  });

  it('walks the create and unlock flows with the keyboard alone, focus always visible', async () => {
    const app = await session.open();
    const { page } = app;
    await heading(page).filter({ hasText: en.welcome.title }).waitFor();

    // The passphrase field has the focus from the start.
    expect(await focusedElement(page)).toBe(`input:${en.create.passphraseLabel}`);
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`input:${en.create.repeatLabel}`);
    expect(await focusOutline(page)).toMatch(/^solid [1-9]/);
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`input:${en.create.showPassphrase}`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`button:${en.create.submit}`);
    expect(await focusOutline(page)).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');

    // Recovery code: tick the box, continue, type the two groups, confirm.
    await page.getByRole('heading', { name: en.recovery.title }).waitFor();
    const groups = await page.locator('.recovery-code li').allTextContents();
    expect(await focusedElement(page)).toBe(`input:${en.recovery.written}`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`button:${en.common.continue}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: en.recovery.checkTitle }).waitFor();
    for (let field = 0; field < 2; field++) {
      const label = (await focusedElement(page)).replace(/^input:/, '');
      const group = groups[Number(/\d+/.exec(label)![0]) - 1]!;
      await page.keyboard.type(group);
      await page.keyboard.press(field === 0 ? 'Tab' : 'Enter');
    }
    await heading(page).filter({ hasText: en.people.title }).waitFor();

    // Add a person, move into the list, lock with the shortcut.
    await page.keyboard.type('Марыя Калеснікава');
    await page.keyboard.press('Enter');
    await option(page, 'Марыя Калеснікава').waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`button:${en.people.add}`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`button:${en.person.newButton}`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`input:${en.search.people}`);
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toBe(`div:${en.people.listLabel}`);
    await page.keyboard.press('Control+l');

    // Unlock: focus is in the field; a wrong passphrase leaves it there.
    await heading(page).filter({ hasText: en.unlock.title }).waitFor();
    expect(await focusedElement(page)).toBe(`input:${en.unlock.secretLabel}`);
    await page.keyboard.type('not the passphrase');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: en.errors.wrong_secret }).waitFor();
    expect(await focusedElement(page)).toBe(`input:${en.unlock.secretLabel}`);
    await page.keyboard.type(passphrase);
    await page.keyboard.press('Enter');
    await option(page, 'Марыя Калеснікава').waitFor();
  });

  it('speaks Belarusian when asked: the text, <html lang> and the errors', async () => {
    const app = await session.open();
    const { page } = app;
    await heading(page).filter({ hasText: en.welcome.title }).waitFor();
    await page.getByLabel(en.common.language).selectOption('be');
    await heading(page).filter({ hasText: be.welcome.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('be');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    expect(await page.title()).toBe(`${be.titles.welcome} · Casebook`);
    await page.getByRole('button', { name: be.create.submit }).waitFor();
    await screenshot(page, '09-welcome-be');
    await expectAccessible(page);

    // The choice is remembered across a reload, and errors come from the same catalog.
    await page.reload();
    await heading(page).filter({ hasText: be.welcome.title }).waitFor();
    await page.getByLabel(be.create.passphraseLabel, { exact: true }).fill(passphrase);
    await page.getByLabel(be.create.repeatLabel).fill(passphrase);
    await page.getByRole('button', { name: be.create.submit }).click();
    await page.getByRole('heading', { name: be.recovery.title }).waitFor();
    await screenshot(page, '10-recovery-code-be');
    await page.keyboard.press('Control+l');
    await heading(page).filter({ hasText: be.unlock.title }).waitFor();
    await page.getByLabel(be.unlock.secretLabel).fill('няправільная фраза');
    await page.getByRole('button', { name: be.unlock.submit }).click();
    await page.getByRole('alert').filter({ hasText: be.errors.wrong_secret }).waitFor();
    await screenshot(page, '11-unlock-wrong-passphrase-be');
    await expectAccessible(page);
  });
});
