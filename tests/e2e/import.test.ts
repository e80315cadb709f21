// Import in the app: a records file and a bundle, each chosen in the (test's) file dialog,
// checked with progress, shown before anything is written, then imported with progress and
// Cancel. A gate in the vault's worker holds the import between write batches, so the test
// sees the bar half-way and cancels there without any timing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { seedDefaultVocabularies } from '../../db/caseRecords';
import { exportBundle, importBundle } from '../../db/bundles';
import { ensureDeviceIdentity, trustDevice } from '../../db/identity';
import { newVault, passphrase, tempDir } from '../support/vaults';
import {
  en,
  importGate,
  isFocused,
  screenshot,
  seriousAccessibilityProblems,
} from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

/** An interchange file: the header, then these lines as they are (a malformed one stays so). */
function recordsFile(lines: readonly string[]): string {
  const file = path.join(tempDir('casebook-import-'), 'records.jsonl');
  writeFileSync(
    file,
    ['{"format":"casebook-interchange","version":1}', ...lines].join('\n') + '\n',
  );
  return file;
}

const personLine = (i: number) =>
  JSON.stringify({ type: 'person', id: `p${i}`, fields: { names: [{ value: `Person ${i}` }] } });

const people = (count: number) => Array.from({ length: count }, (_, i) => personLine(i));

async function createAndOpen(page: Page, folder: string): Promise<void> {
  expect((await callApi(page, 'vault', 'create', { folder, passphrase })).ok).toBe(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
}

async function openImport(page: Page): Promise<void> {
  await page.keyboard.press('Alt+0');
  await page.getByRole('heading', { level: 1, name: en.importer.title }).waitFor();
}

async function personCount(page: Page): Promise<number> {
  const list = await callApi(page, 'records', 'list', { type: 'person', offset: 0, limit: 1 });
  return (list.value as { total: number }).total;
}

/** The two parts of the Import section, each a region named by its heading. */
const recordsPart = (page: Page) => page.getByRole('region', { name: en.importer.recordsHeading });
const bundlePart = (page: Page) => page.getByRole('region', { name: en.importer.bundleHeading });

const writing = (done: number, total: number) => `${en.tasks.stages.write}: ${done} of ${total}`;

describe('importing a records file in the app', () => {
  it('checks it, shows what will change, imports with a progress bar, by keyboard', async () => {
    const file = recordsFile(people(2_500));
    const gate = importGate();
    const { page, vaultFolder } = await session.open({
      chooseImportFile: async () => file,
      writeGate: gate.buffer,
    });
    await createAndOpen(page, vaultFolder);
    await openImport(page);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '40-import');

    await recordsPart(page).getByRole('button', { name: en.importer.chooseRecords }).click();
    const counts = page.getByRole('table', { name: en.importer.readyTitle });
    await counts.waitFor();
    expect(await counts.getByRole('row', { name: /Person/ }).innerText()).toMatch(
      /Person\s+2500\s+0\s+0/,
    );
    expect(await page.getByText('File: records.jsonl').count()).toBe(1);
    expect(await personCount(page)).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '41-import-checked');

    // The outcome has the focus: Tab reaches Import, Enter starts it.
    const confirm = recordsPart(page).getByRole('button', { name: en.importer.confirm });
    await page.keyboard.press('Tab');
    expect(await isFocused(confirm)).toBe(true);
    await page.keyboard.press('Enter');
    const bar = recordsPart(page).getByRole('progressbar', { name: writing(1_000, 2_500) });
    await bar.waitFor();
    expect(await bar.getAttribute('value')).toBe('1000');
    expect(await bar.getAttribute('max')).toBe('2500');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '42-import-writing');

    gate.allow(2);
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported. New records: 2500; changed: 0; unchanged: 0.' })
      .waitFor();
    expect(await personCount(page)).toBe(2_500);
    await screenshot(page, '43-import-done');
  });

  it('cancelled half-way, leaves the vault as it was', async () => {
    const file = recordsFile(people(2_500));
    const gate = importGate();
    const { page, vaultFolder } = await session.open({
      chooseImportFile: async () => file,
      writeGate: gate.buffer,
    });
    await createAndOpen(page, vaultFolder);
    await openImport(page);
    await recordsPart(page).getByRole('button', { name: en.importer.chooseRecords }).click();
    await recordsPart(page).getByRole('button', { name: en.importer.confirm }).click();
    await recordsPart(page)
      .getByRole('progressbar', { name: writing(1_000, 2_500) })
      .waitFor();

    // Escape cancels; the first thousand were written inside the transaction, and roll back.
    await page.keyboard.press('Escape');
    await page.getByRole('status').filter({ hasText: en.importer.cancelled }).waitFor();
    expect(await recordsPart(page).getByRole('progressbar').count()).toBe(0);
    expect(await personCount(page)).toBe(0);
    const search = await callApi(page, 'search', 'query', { query: 'Person 1' });
    expect((search.value as { hits: unknown[] }).hits).toEqual([]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '44-import-cancelled');
  });

  it('refuses a file with a malformed line, says which lines, and writes nothing', async () => {
    const file = recordsFile([
      personLine(1),
      '{"type": "person", "id": "p2", "fields": {"names": [{"value": "Ok"}]',
      personLine(3),
      JSON.stringify({ type: 'person', id: 'p4', fields: { names: [{ value: 'X' }], sex: 7 } }),
      personLine(1).replace('Person 1', 'Again'),
    ]);
    const { page, vaultFolder } = await session.open({ chooseImportFile: async () => file });
    await createAndOpen(page, vaultFolder);
    await openImport(page);
    await recordsPart(page).getByRole('button', { name: en.importer.chooseRecords }).click();

    await recordsPart(page)
      .getByRole('alert')
      .filter({ hasText: en.importer.refusedTitle })
      .waitFor();
    const problems = recordsPart(page).getByRole('listitem');
    await expect
      .poll(() => problems.allInnerTexts(), { timeout: 30_000 })
      .toEqual([
        `Line 3: ${en.importer.problems.json}`,
        `Line 5, fields.sex: ${en.importer.problems.field}`,
        `Line 6: ${en.importer.problems.duplicate}`,
      ]);
    expect(await page.getByText('Problems: 3. Nothing was written.').count()).toBe(1);
    expect(await recordsPart(page).getByRole('button', { name: en.importer.confirm }).count()).toBe(
      0,
    );
    expect(await personCount(page)).toBe(0);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '45-import-refused');
  });
});

/**
 * Headquarters' vault in `dir` and a bundle from a field laptop it does not trust yet, in
 * which person p1 was changed differently than at headquarters since they last synced.
 */
async function bundleFromUntrustedLaptop(dir: string): Promise<string> {
  const hq = await newVault(dir);
  const field = await newVault();
  try {
    seedDefaultVocabularies(hq.vault);
    const hqIdentity = await ensureDeviceIdentity(hq.vault);
    const fieldIdentity = await ensureDeviceIdentity(field.vault);
    trustDevice(field.vault, { ...hqIdentity.entry, name: 'Headquarters' });
    const person = { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }] };
    hq.vault.put('person', { ...person, region: 'by-mi' }, { id: 'p1' });
    const first = path.join(tempDir('casebook-import-'), 'first.cbb');
    await exportBundle(hq.vault, first, { recipients: [fieldIdentity.entry.recipient] });
    await importBundle(field.vault, first);
    field.vault.put('person', { ...person, region: 'by-br' }, { id: 'p1' });
    hq.vault.put('person', { ...person, region: 'by-vi' }, { id: 'p1' });
    field.vault.put('person', { names: [{ value: 'Марфа Рабкова' }] }, { id: 'p2' });
    const file = path.join(tempDir('casebook-import-'), 'from-field.cbb');
    await exportBundle(field.vault, file, { recipients: [hqIdentity.entry.recipient] });
    return file;
  } finally {
    hq.vault.lock();
    field.vault.lock();
  }
}

describe('importing a bundle in the app', () => {
  it('shows the key of an unknown device, trusts it when asked, imports, and leads to the conflicts', async () => {
    let file = '';
    const app = await session.open({ chooseImportFile: async () => file });
    const { page, vaultFolder } = app;
    file = await bundleFromUntrustedLaptop(vaultFolder);
    expect(
      (await callApi(page, 'vault', 'unlock', { folder: vaultFolder, secret: passphrase })).ok,
    ).toBe(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
    await openImport(page);

    await bundlePart(page).getByRole('button', { name: en.importer.chooseBundle }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: en.importer.bundleProblems.untrusted })
      .waitFor();
    await page.getByRole('heading', { name: en.importer.trustTitle }).waitFor();
    expect(await page.locator('code.signing-key').innerText()).toMatch(/^[0-9a-f]{64}$/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '46-import-bundle-untrusted');

    await bundlePart(page).getByRole('button', { name: en.importer.trustAndCheck }).click();
    await page
      .getByText(/^Signed by: device-[0-9a-f]{8}\. Revisions: \d+; new to this vault: 2;/)
      .waitFor();
    // The check wrote nothing: p2 is not in the vault yet.
    const before = await callApi(page, 'records', 'get', { id: 'p2' });
    expect(before.ok).toBe(false);
    await screenshot(page, '47-import-bundle-checked');

    await bundlePart(page).getByRole('button', { name: en.importer.confirm }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Bundle imported\. New revisions: 2;/ })
      .waitFor();
    await page
      .getByText('Records changed differently on two devices: 1.', { exact: false })
      .waitFor();
    expect((await callApi(page, 'records', 'get', { id: 'p2' })).ok).toBe(true);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '48-import-bundle-done');

    await bundlePart(page).getByRole('button', { name: en.importer.openConflicts }).click();
    await page.getByRole('heading', { level: 1, name: en.conflicts.title }).waitFor();
    await page.getByRole('button', { name: 'Алесь Бяляцкі' }).waitFor();
  });
});

describe('long tasks: the unlock', () => {
  it('shows its stage with a Cancel, and a cancelled unlock leaves the vault locked', async () => {
    const gate = importGate();
    const app = await session.open({ writeGate: gate.buffer });
    const { page, vaultFolder } = app;
    expect((await callApi(page, 'vault', 'create', { folder: vaultFolder, passphrase })).ok).toBe(
      true,
    );
    await callApi(page, 'vault', 'lock');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.unlock.title }).waitFor();

    await page.getByLabel(en.unlock.secretLabel).fill(passphrase);
    await page.keyboard.press('Enter');
    // Held at the gate before the search index catch-up: the stage, its bar, and Cancel.
    await page.getByRole('progressbar', { name: `${en.tasks.stages.indexSearch}…` }).waitFor();
    await page.getByRole('button', { name: en.tasks.cancel }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, '49-unlock-progress');

    await page.keyboard.press('Escape');
    await page.getByRole('alert').filter({ hasText: en.errors.cancelled }).waitFor();
    expect(app.host.isUnlocked).toBe(false);
    expect(await page.getByRole('progressbar').count()).toBe(0);

    gate.allow(1);
    await page.getByRole('button', { name: en.unlock.submit }).click();
    await page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
    expect(app.host.isUnlocked).toBe(true);
  });
});
