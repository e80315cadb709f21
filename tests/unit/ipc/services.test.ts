import { existsSync, readFileSync } from 'node:fs';
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

/** The router as the app builds it, over a real worker, with a folder dialog that answers `picked`. */
function app(options: { picked?: string | null } = {}) {
  const dir = tempDir();
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost } });
  hosts.push(host);
  const autoLock = new AutoLock({ isUnlocked: () => host.isUnlocked, lock: () => {} });
  const settingsFile = path.join(dir, 'settings', 'settings.json');
  const languages: string[] = [];
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: path.join(dir, 'Casebook'),
      settings: fileSettingsStore(settingsFile),
      chooseFolder: async () => options.picked ?? null,
      setLanguage: (language) => languages.push(language),
    }),
  );
  return { dir, router, settingsFile, languages, autoLock };
}

describe('the vault services behind the router', () => {
  it('walk a first run: no vault, create in the default folder, unlocked, locked, remembered', async () => {
    const { dir, router, settingsFile } = app();
    const folder = path.join(dir, 'Casebook');
    expect(await router.handle('vault.status', {})).toEqual({
      ok: true,
      value: { state: 'none', folder: null, defaultFolder: folder, autoLockMinutes: 5 },
    });
    const created = await router.handle('vault.create', { folder, passphrase });
    expect(created.ok).toBe(true);
    expect((await router.handle('vault.status', {})).ok && existsSync(folder)).toBe(true);
    expect(await router.handle('vault.status', {})).toMatchObject({
      value: { state: 'unlocked', folder },
    });
    await router.handle('vault.lock', {});
    expect(await router.handle('vault.status', {})).toMatchObject({
      value: { state: 'locked', folder },
    });
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ lastVaultFolder: folder });
  });

  it('open only folders the user chose or the app proposed', async () => {
    const picked = path.join(tempDir(), 'picked');
    const { dir, router } = app({ picked });
    const elsewhere = path.join(dir, 'elsewhere');
    const refused = await router.handle('vault.create', { folder: elsewhere, passphrase });
    expect(!refused.ok && refused.error.code).toBe('invalid_request');
    expect(existsSync(elsewhere)).toBe(false);
    const relative = await router.handle('vault.create', { folder: 'Casebook', passphrase });
    expect(!relative.ok && relative.error.code).toBe('invalid_request');

    expect(await router.handle('vault.chooseFolder', { purpose: 'create' })).toEqual({
      ok: true,
      value: { folder: picked },
    });
    expect((await router.handle('vault.create', { folder: picked, passphrase })).ok).toBe(true);
  });

  it('say what a wrong passphrase is, by code', async () => {
    const { dir, router } = app();
    const folder = path.join(dir, 'Casebook');
    await router.handle('vault.create', { folder, passphrase });
    await router.handle('vault.lock', {});
    const reply = await router.handle('vault.unlock', { folder, secret: 'not the passphrase' });
    expect(!reply.ok && reply.error.code).toBe('wrong_secret');
  });

  it('keep the auto-lock setting and pass the language to the shell', async () => {
    const { router, settingsFile, languages, autoLock } = app();
    expect(await router.handle('vault.setAutoLock', { minutes: 15 })).toEqual({
      ok: true,
      value: { autoLockMinutes: 15 },
    });
    expect(autoLock.minutes).toBe(15);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ autoLockMinutes: 15 });
    await router.handle('app.setLanguage', { language: 'be' });
    expect(languages).toEqual(['be']);
  });
});
