import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { Vault } from '../../../db';
import { fileSettingsStore } from '../../../main/ipc/appSettings';
import { createRouter } from '../../../main/ipc/router';
import { createVaultServices } from '../../../main/ipc/services';
import { pathKeys } from '../../../main/vaultHost/conflicts';
import { AutoLock } from '../../../main/vaultHost/autoLock';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import type { ChannelResult } from '../../../shared/ipc/contract';
import { vaultWithConflict } from '../../support/conflicts';
import { passphrase, tempDir } from '../../support/vaults';

const workerPath = path.resolve(__dirname, '../../../dist/main/vaultHost/worker.js');
const hosts: VaultHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function conflictedRouter() {
  const dir = tempDir();
  const folder = path.join(dir, 'Casebook');
  const made = await vaultWithConflict(folder);
  const host = new VaultHost({ workerPath });
  hosts.push(host);
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: folder,
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      chooseFolder: async () => null,
      setLanguage: () => {},
    }),
  );
  expect((await router.handle('vault.unlock', { folder, secret: passphrase })).ok).toBe(true);
  return { router, folder, ...made };
}

type List = ChannelResult<'conflicts.list'>;
const listed = async (router: Awaited<ReturnType<typeof conflictedRouter>>['router']) => {
  const result = await router.handle('conflicts.list', {});
  expect(result.ok).toBe(true);
  return (result as { value: List }).value.records;
};

describe('conflicts.list and conflicts.resolve', () => {
  it('list every competing value, and a choice per field writes one revision over both heads', async () => {
    const { router, folder, fieldRevision, hqRevision, fieldDevice } = await conflictedRouter();
    const [conflict, ...others] = await listed(router);
    expect(others).toEqual([]);
    expect(conflict).toMatchObject({ id: 'p1', type: 'person', label: 'Алесь Бяляцкі' });
    expect(conflict!.fields.map((field) => [field.path, field.keys])).toEqual([
      ['region', ['region']],
      // Dates are objects, merged key by key: only the day differs.
      ['birthDate.date', ['birthDate', 'date']],
    ]);
    const region = conflict!.fields.find((field) => field.path === 'region')!;
    expect(Object.fromEntries(region.values.map((v) => [v.revision, v.value]))).toEqual({
      [fieldRevision]: 'by-br',
      [hqRevision]: 'by-vi',
    });
    const fromField = region.values.find((value) => value.revision === fieldRevision)!;
    expect(fromField).toMatchObject({
      device: fieldDevice,
      deviceName: 'Field laptop 3',
      thisDevice: false,
      removed: false,
    });
    expect(region.values.find((value) => value.revision === hqRevision)!.thisDevice).toBe(true);

    const resolved = await router.handle('conflicts.resolve', {
      id: 'p1',
      choices: [
        { path: 'region', revision: fieldRevision },
        { path: 'birthDate.date', revision: hqRevision },
      ],
    });
    expect(resolved.ok).toBe(true);
    expect(await listed(router)).toEqual([]);
    const current = await router.handle('records.get', { id: 'p1' });
    expect((current as { value: { body: unknown } }).value.body).toEqual({
      names: [{ value: 'Алесь Бяляцкі', lang: 'be' }],
      region: 'by-br',
      birthDate: { date: '1962-09', approximate: true },
    });
    const history = await router.handle('records.history', { id: 'p1' });
    const revisions = (
      history as { value: { revisions: { revision: string; parents: string[] }[] } }
    ).value.revisions;
    const last = revisions[revisions.length - 1]!;
    expect(last.revision).toBe((resolved as { value: { revision: string } }).value.revision);
    expect([...last.parents].sort()).toEqual([fieldRevision, hqRevision].sort());

    // What the CLI's `conflicts` lists is empty too.
    await router.handle('vault.lock', {});
    const vault = await Vault.unlock(folder, passphrase);
    try {
      expect([...vault.conflicts()]).toEqual([]);
    } finally {
      vault.lock();
    }
  });

  it('refuse a partial or stale choice, a body the model refuses, and a record with no conflict', async () => {
    const { router, fieldRevision, hqRevision } = await conflictedRouter();
    const code = (result: unknown) => (result as { error?: { code: string } }).error?.code;
    expect(
      code(
        await router.handle('conflicts.resolve', {
          id: 'p1',
          choices: [{ path: 'region', revision: fieldRevision }],
        }),
      ),
    ).toBe('invalid_input');
    expect(
      code(
        await router.handle('conflicts.resolve', {
          id: 'p1',
          choices: [
            { path: 'region', revision: fieldRevision },
            { path: 'birthDate.date', revision: 'f'.repeat(32) },
          ],
        }),
      ),
    ).toBe('invalid_input');
    expect(
      code(await router.handle('conflicts.resolve', { id: 'p1', body: { names: 'not a list' } })),
    ).toBe('validation_failed');
    expect(
      code(
        await router.handle('conflicts.resolve', {
          id: 'p1',
          choices: [{ path: 'region', revision: hqRevision }],
          body: { names: [{ value: 'A' }] },
        }),
      ),
    ).toBe('invalid_request');
    expect((await listed(router)).map((record) => record.id)).toEqual(['p1']);

    const edited = await router.handle('conflicts.resolve', {
      id: 'p1',
      body: { names: [{ value: 'Алесь Бяляцкі', lang: 'be' }], region: 'by-mi' },
    });
    expect(edited.ok).toBe(true);
    expect(await listed(router)).toEqual([]);
    expect(
      code(
        await router.handle('conflicts.resolve', { id: 'p1', body: { names: [{ value: 'A' }] } }),
      ),
    ).toBe('invalid_input');
  });

  it('read conflict paths back into their keys', () => {
    expect(pathKeys('notes')).toEqual(['notes']);
    expect(pathKeys('contacts.phone')).toEqual(['contacts', 'phone']);
    expect(pathKeys('a["odd key"].b')).toEqual(['a', 'odd key', 'b']);
    expect(pathKeys('["x.y"]')).toEqual(['x.y']);
    expect(pathKeys('(the whole record)')).toEqual([]);
    expect(pathKeys('.bad')).toBeNull();
    expect(pathKeys('a..b')).toBeNull();
  });
});
