import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { fileSettingsStore } from '../../../main/ipc/appSettings';
import { createRouter } from '../../../main/ipc/router';
import { createVaultServices } from '../../../main/ipc/services';
import { AutoLock } from '../../../main/vaultHost/autoLock';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import { passphrase, tempDir, testKdfCost } from '../../support/vaults';

const workerPath = path.resolve(__dirname, '../../../dist/main/vaultHost/worker.js');
const hosts: VaultHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function unlockedRouter() {
  const dir = tempDir();
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost } });
  hosts.push(host);
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const folder = path.join(dir, 'Casebook');
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: folder,
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      chooseFolder: async () => null,
      setLanguage: () => {},
    }),
  );
  expect((await router.handle('vault.create', { folder, passphrase })).ok).toBe(true);
  const put = await router.handle('records.putMany', {
    records: [
      { type: 'person', id: 'p1', body: { names: [{ value: 'Ігар Лосік' }] } },
      {
        type: 'case',
        id: 'c1',
        body: {
          title: 'Арышт',
          type: 'detention',
          date: { date: '2020-06' },
          involvements: [{ personId: 'p1', role: 'victim' }],
        },
      },
      { type: 'case', id: 'c2', body: { title: 'Суд', type: 'criminal-prosecution' } },
      { type: 'detention', id: 'd1', body: { personId: 'p1', from: { date: '2020-06-25' } } },
    ],
  });
  expect(put.ok).toBe(true);
  return router;
}

const ids = (result: unknown) =>
  (result as { value: { items: { record: { id: string } }[] } }).value.items.map(
    (item) => item.record.id,
  );

describe('the case list and the records that refer to a person', () => {
  it('narrow cases by type and by dates, and keep up with writes', async () => {
    const router = await unlockedRouter();
    expect(ids(await router.handle('cases.list', { offset: 0, limit: 10 }))).toEqual(['c1', 'c2']);
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, caseType: 'detention' })),
    ).toEqual(['c1']);
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, from: '2020-06-30' })),
    ).toEqual(['c1']);
    expect(ids(await router.handle('cases.list', { offset: 0, limit: 10, to: '2020-05' }))).toEqual(
      [],
    );
    await router.handle('records.put', {
      type: 'case',
      id: 'c2',
      body: { title: 'Суд', type: 'detention' },
    });
    expect(
      ids(await router.handle('cases.list', { offset: 0, limit: 10, caseType: 'detention' })),
    ).toEqual(['c1', 'c2']);
    const found = await router.handle('search.query', {
      query: 'Суд',
      types: ['case'],
      caseType: 'criminal-prosecution',
    });
    expect(found).toEqual({ ok: true, value: { hits: [] } });
  });

  it('list the records that refer to a person, by type', async () => {
    const router = await unlockedRouter();
    expect(
      ids(await router.handle('records.referring', { id: 'p1', types: ['detention', 'case'] })),
    ).toEqual(['d1', 'c1']);
    await router.handle('records.delete', { id: 'd1' });
    expect(
      ids(await router.handle('records.referring', { id: 'p1', types: ['detention'] })),
    ).toEqual([]);
  });
});
