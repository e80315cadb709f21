// Who was interviewed: a testimony kept under a code only, opened from the Testimonies list
// (with no person to point at), is given to a person picked by a name typed in another script;
// one opened from a person's page is that person's until another is picked, and a code still
// replaces the person. Keyboard only, through the real router over a real vault; each state
// photographed and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { listRecords, listRows, unlockedWith } from './listsRecords';
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
async function press(page: Page, role: 'button' | 'radio', name: string) {
  await page.getByRole(role, { name, exact: true }).focus();
  await page.keyboard.press(role === 'button' ? 'Enter' : 'Space');
}

const picker = (page: Page) =>
  page.getByRole('combobox', { name: en.linked.intervieweePerson, exact: true });
const thisPerson = (name: string) => en.linked.thisPerson.replace('{{name}}', name);
const heading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name, exact: true });

/** Types part of a name into the person picker and chooses the first person found with Enter. */
async function pickPerson(page: Page, typed: string, expected: string) {
  await picker(page).focus();
  await page.keyboard.type(typed);
  const first = page
    .getByRole('listbox', { name: en.linked.intervieweePerson })
    .getByRole('option');
  await expect.poll(() => first.first().textContent()).toBe(expected);
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: thisPerson(expected), exact: true }).waitFor();
}

async function stored(page: Page, id: string): Promise<unknown> {
  const reply = await callApi(page, 'records', 'get', { id });
  expect(reply.ok).toBe(true);
  return (reply.value as { body: unknown }).body;
}

async function saved(page: Page) {
  await page.getByRole('status').filter({ hasText: en.person.saved }).waitFor();
}

/** From People, a person's page found by a name in Latin letters. */
async function personPage(page: Page, typed: string, name: string) {
  await page.keyboard.press('Alt+1');
  await openFirstPersonFound(page, typed, new RegExp(name));
}

const testimoniesOnPage = (page: Page) =>
  page.getByRole('region', { name: en.linked.testimonies, exact: true });

describe('who was interviewed', () => {
  it('a testimony kept under a code only, opened from the list, is given to a person picked by a Latin spelling', async () => {
    const page = await unlockedWith(session, listRecords);
    await page.keyboard.press('Alt+7');
    const label = en.lists.testimonies.listLabel;
    const rows = await listRows(page, label, 3);
    expect(rows[1]).toContain('W-2024-017');
    await page.getByRole('searchbox', { name: en.lists.testimonies.search }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    // No person to point at: "a person" asks for one; the code is what is chosen now.
    await heading(page, en.linked.testimonyTitle).waitFor();
    const codeRadio = page.getByRole('radio', {
      name: en.linked.anonymousCodeNoPerson,
      exact: true,
    });
    expect(await codeRadio.isChecked()).toBe(true);
    expect(await page.getByLabel(en.linked.code, { exact: true }).inputValue()).toBe('W-2024-017');
    await press(page, 'radio', en.linked.aPerson);
    await picker(page).waitFor();

    // Saving with nobody chosen says what to do, next to the picker, and writes nothing.
    await press(page, 'button', en.person.saveRevision);
    await page.getByText(en.linked.errors.interviewee, { exact: true }).waitFor();
    expect(await isFocused(picker(page))).toBe(true);
    expect(await picker(page).getAttribute('aria-invalid')).toBe('true');
    expect(await stored(page, 't-code')).toEqual(listRecords.find((r) => r.id === 't-code')!.body);
    await screenshot(page, '67-testimony-interviewee-required');
    await problems(page);

    // "Losik" finds Ігар Лосік; the list of people found passes axe while open.
    await picker(page).focus();
    await page.keyboard.type('Losik');
    const options = page
      .getByRole('listbox', { name: en.linked.intervieweePerson })
      .getByRole('option');
    await expect.poll(() => options.first().textContent()).toBe('Ігар Лосік');
    await screenshot(page, '68-testimony-interviewee-picker');
    await problems(page);
    await page.keyboard.press('Enter');
    expect(await page.getByRole('radio', { name: thisPerson('Ігар Лосік') }).isChecked()).toBe(
      true,
    );

    // A code and back: the code is still the one kept, and the person comes back.
    await press(page, 'radio', en.linked.anonymousCode);
    expect(await page.getByLabel(en.linked.code, { exact: true }).inputValue()).toBe('W-2024-017');
    expect(await picker(page).count()).toBe(0);
    await press(page, 'radio', thisPerson('Ігар Лосік'));
    await page.getByRole('button', { name: en.picker.change, exact: true }).waitFor();
    expect(await picker(page).count()).toBe(0);

    await press(page, 'button', en.person.saveRevision);
    await saved(page);
    await heading(page, `${en.linked.testimonyTitle} — Ігар Лосік`).waitFor();
    await screenshot(page, '69-testimony-interviewee-saved');
    await problems(page);
    // The person's id, and the code gone: a testimony is linked to a person or coded, not both.
    expect(await stored(page, 't-code')).toEqual({
      intervieweeId: 'losik',
      interviewer: 'Н. К.',
      date: { date: '2024-02' },
    });

    // The person's page lists it now, and opens it as theirs.
    await personPage(page, 'Losik', 'Ігар Лосік');
    const testimony = testimoniesOnPage(page).getByRole('button', { name: /February 2024/ });
    await testimony.waitFor();
    expect(await testimoniesOnPage(page).getByRole('listitem').count()).toBe(2);
    await testimony.focus();
    await page.keyboard.press('Enter');
    await heading(page, `${en.linked.testimonyTitle} — Ігар Лосік`).waitFor();
    expect(await page.getByRole('radio', { name: thisPerson('Ігар Лосік') }).isChecked()).toBe(
      true,
    );
  });

  it("opened from a person's page, it is theirs until another is picked; a code still replaces the person", async () => {
    const page = await unlockedWith(session, listRecords);
    await personPage(page, 'Bialiatski', 'Алесь Бяляцкі');
    const testimony = testimoniesOnPage(page).getByRole('button', { name: /May 2023/ });
    await testimony.focus();
    await page.keyboard.press('Enter');
    await heading(page, `${en.linked.testimonyTitle} — Алесь Бяляцкі`).waitFor();
    expect(await page.getByRole('radio', { name: thisPerson('Алесь Бяляцкі') }).isChecked()).toBe(
      true,
    );

    // "Change" hands the focus to the search box that replaces it.
    await press(page, 'button', en.picker.change);
    expect(await isFocused(picker(page))).toBe(true);
    await pickPerson(page, 'Losik', 'Ігар Лосік');
    await heading(page, `${en.linked.testimonyTitle} — Ігар Лосік`).waitFor();

    // To a code: the person leaves the heading; back: the picked person returns.
    await press(page, 'radio', en.linked.anonymousCode);
    await heading(page, en.linked.testimonyTitle).waitFor();
    await press(page, 'radio', thisPerson('Ігар Лосік'));
    await heading(page, `${en.linked.testimonyTitle} — Ігар Лосік`).waitFor();
    await screenshot(page, '69-testimony-interviewee-changed');
    await problems(page);

    await press(page, 'radio', en.linked.anonymousCode);
    await page.getByLabel(en.linked.code, { exact: true }).focus();
    await page.keyboard.type('W-2024-100');
    await press(page, 'button', en.person.saveRevision);
    await saved(page);
    const body = (await stored(page, 't-bialiatski')) as Record<string, unknown>;
    expect(body.intervieweeCode).toBe('W-2024-100');
    expect(body).not.toHaveProperty('intervieweeId');
    expect(body.consent).toEqual({
      uses: { internal: 'identifiable' },
      givenOn: '2023-05-02',
      how: 'oral_recorded',
    });
  });
});
