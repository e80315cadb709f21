// Records for the lists of detentions, trials, testimonies and sources: the unit test of
// records.browse and the e2e tests of the lists read the same vault.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

import { passphrase } from '../support/vaults';
import { en } from './support/harness';
import { callApi, type BrowserSession } from './support/session';

export const hostileName = '<img src=x onerror=alert(1)>';

export const listRecords = [
  { type: 'person', id: 'bialiatski', body: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }] } },
  { type: 'person', id: 'losik', body: { names: [{ value: 'Ігар Лосік', lang: 'be' }] } },
  { type: 'person', id: 'hostile', body: { names: [{ value: hostileName }] } },
  {
    type: 'detention',
    id: 'd-akrestsina',
    body: {
      personId: 'bialiatski',
      facility: 'akrestsina-minsk',
      from: { date: '2021-07-14' },
      to: { date: '2021-07-20' },
    },
  },
  {
    type: 'detention',
    id: 'd-hostile',
    body: { personId: 'hostile', facility: 'akrestsina-minsk', from: { date: '2022-03' } },
  },
  {
    type: 'detention',
    id: 'd-losik',
    body: { personId: 'losik', facility: 'akrestsina-minsk', from: { date: '2020-06-25' } },
  },
  {
    type: 'detention',
    id: 'd-sizo',
    body: { personId: 'bialiatski', facility: 'sizo-1-minsk', from: { date: '2021-07-20' } },
  },
  {
    type: 'proceeding',
    id: 'p-bialiatski',
    body: {
      personId: 'bialiatski',
      kind: 'criminal',
      court: 'Ленінскі раённы суд Мінска',
      charges: ['cc-342'],
      verdict: { date: { date: '2023-03-03' }, outcome: 'convicted' },
    },
  },
  {
    type: 'proceeding',
    id: 'p-losik',
    body: {
      personId: 'losik',
      kind: 'criminal',
      charges: ['cc-293'],
      hearings: [{ date: { date: '2022-12' } }],
    },
  },
  {
    type: 'testimony',
    id: 't-bialiatski',
    body: {
      intervieweeId: 'bialiatski',
      interviewer: 'Н. К.',
      date: { date: '2023-05' },
      consent: { uses: { internal: 'identifiable' }, givenOn: '2023-05-02', how: 'oral_recorded' },
    },
  },
  {
    type: 'testimony',
    id: 't-code',
    body: { intervieweeCode: 'W-2024-017', interviewer: 'Н. К.', date: { date: '2024-02' } },
  },
  {
    type: 'testimony',
    id: 't-losik',
    body: {
      intervieweeId: 'losik',
      interviewer: 'Н. К.',
      date: { date: '2024-01-10' },
      consent: {
        uses: { internal: 'identifiable' },
        givenOn: '2024-01-15',
        how: 'written',
        withdrawnOn: '2024-02-01',
      },
    },
  },
  {
    type: 'source',
    id: 's-photo',
    body: { kind: 'photo', title: 'Фота ля Акрэсціна', reliability: 'high' },
  },
  {
    type: 'source',
    id: 's-press',
    body: { kind: 'press', title: 'Артыкул пра суд', obtainedOn: { date: '2023-03' } },
  },
];

/** A new vault with these records, unlocked, the app showing People. */
export async function unlockedWith(
  session: BrowserSession,
  records: readonly unknown[],
): Promise<Page> {
  const app = await session.open();
  const created = await callApi(app.page, 'vault', 'create', {
    folder: app.vaultFolder,
    passphrase,
  });
  expect(created.ok).toBe(true);
  expect((await callApi(app.page, 'records', 'putMany', { records })).ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
  return app.page;
}

/** The rows' texts of a list once it shows `count` rows. */
export async function listRows(page: Page, label: string, count: number): Promise<string[]> {
  await page.getByText(`Records: ${count}`, { exact: true }).waitFor();
  const options = page.getByRole('listbox', { name: label }).getByRole('option');
  await expect.poll(() => options.count()).toBe(count);
  return options.allTextContents();
}
