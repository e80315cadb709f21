import path from 'node:path';

import { afterEach, expect } from 'vitest';

import { fileSettingsStore } from '../../main/ipc/appSettings';
import { createRouter } from '../../main/ipc/router';
import { createVaultServices } from '../../main/ipc/services';
import { AutoLock } from '../../main/vaultHost/autoLock';
import { VaultHost } from '../../main/vaultHost/vaultHost';
import { passphrase, tempDir, testKdfCost } from './vaults';

const workerPath = path.resolve(__dirname, '../../dist/main/vaultHost/worker.js');

/**
 * The app's IPC router over a new vault in the real worker, unlocked and holding `records`;
 * the workers are closed after each test. Call at the top of a test file, then `open()`.
 */
export function useVaultRouter() {
  const hosts: VaultHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()));
  });
  return {
    async open(records: readonly unknown[]) {
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
      expect((await router.handle('records.putMany', { records })).ok).toBe(true);
      return router;
    },
  };
}
