// A conflict after a bundle import: the same fields changed differently on a field laptop and
// at headquarters. The app lists it with a count in the navigation, shows both values side by
// side as people read them, and a choice made by keyboard is saved as one revision over both.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { Vault } from '../../db';
import { vaultWithConflict } from '../support/conflicts';
import { passphrase } from '../support/vaults';
import { en, screenshot, seriousAccessibilityProblems } from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

const navLink = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: en.home.sections }).getByRole('button', { name });

describe('conflicts after a bundle import', () => {
  it('shows both values, is resolved by keyboard, and is gone from the app and the vault', async () => {
    const app = await session.open();
    const { page, vaultFolder } = app;
    const { fieldRevision, hqRevision } = await vaultWithConflict(vaultFolder);
    const unlocked = await callApi(page, 'vault', 'unlock', {
      folder: vaultFolder,
      secret: passphrase,
    });
    expect(unlocked.ok).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();

    // The navigation counts the records with conflicts; Alt+4 goes there.
    await navLink(page, `${en.conflicts.title} ${en.conflicts.badge} 1`).waitFor();
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { level: 1, name: en.conflicts.title }).waitFor();
    const record = page.getByRole('button', { name: 'Алесь Бяляцкі' });
    await record.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Conflict: Алесь Бяляцкі' }).waitFor();

    // Both values of each field, as text: vocabulary labels, readable dates, and their source.
    const region = page.getByRole('group', { name: 'Region' });
    const birth = page.getByRole('group', { name: 'Date of birth' });
    await expect.poll(() => region.getByRole('radio').count()).toBe(2);
    await expect.poll(() => region.innerText()).toMatch(/Brest region[\s\S]*From Field laptop 3/);
    await expect.poll(() => region.innerText()).toMatch(/Viciebsk region[\s\S]*From this computer/);
    expect(await birth.innerText()).toContain('September 25, 1962');
    expect(await birth.innerText()).toContain('September 1962');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(0);
    await expect.poll(() => seriousAccessibilityProblems(page)).toEqual([]);

    // Keyboard only: Space picks the field laptop's region; Tab to the next field, where the
    // arrow keys move to headquarters' date; Tab to Save, Enter.
    await region.getByRole('radio', { name: /Brest region/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    // The arrows went down and back up: the first of the two is checked. Which side comes first
    // depends on the revisions' times, which can be equal, so reach headquarters' from there.
    const birthRadios = birth.getByRole('radio');
    const first = await birthRadios.nth(0).getAttribute('value');
    expect(await birth.getByRole('radio', { checked: true }).getAttribute('value')).toBe(first);
    if (first !== hqRevision) await page.keyboard.press('ArrowDown');
    expect(await birth.getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      hqRevision,
    );
    expect(await region.getByRole('radio', { checked: true }).getAttribute('value')).toBe(
      fieldRevision,
    );
    await screenshot(page, '30-conflict-resolve');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: 'Saved: Алесь Бяляцкі' }).waitFor();
    await page.getByText(en.conflicts.none).waitFor();
    await navLink(page, en.conflicts.title).waitFor();
    expect(await problemsNow(page)).toEqual([]);

    const current = await callApi(page, 'records', 'get', { id: 'p1' });
    expect((current.value as { body: unknown }).body).toEqual({
      names: [{ value: 'Алесь Бяляцкі', lang: 'be' }],
      region: 'by-br',
      birthDate: { date: '1962-09', approximate: true },
    });

    // The history shows the resolving revision, over both competing ones.
    await page.getByRole('button', { name: en.conflicts.history }).click();
    await page.getByRole('heading', { level: 1, name: en.history.title }).waitFor();
    await page.getByText(en.history.merges.replace('{{total}}', '2')).waitFor();
    const history = await callApi(page, 'records', 'history', { id: 'p1' });
    const revisions = (history.value as { revisions: { parents: string[] }[] }).revisions;
    expect([...revisions[revisions.length - 1]!.parents].sort()).toEqual(
      [fieldRevision, hqRevision].sort(),
    );

    // What `casebook conflicts` lists (Vault.conflicts) is empty too.
    expect((await callApi(page, 'vault', 'lock')).ok).toBe(true);
    const vault = await Vault.unlock(vaultFolder, passphrase);
    try {
      expect([...vault.conflicts()]).toEqual([]);
    } finally {
      vault.lock();
    }
  });
});

function problemsNow(page: Page) {
  return seriousAccessibilityProblems(page);
}
