import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { appMenuTemplate, LOCK_ACCELERATOR, type MenuOptions } from '../../../main/shell/menu.js';

const vault: MenuOptions['vault'] = { label: 'Vault', lockLabel: 'Lock vault', onLock: () => {} };

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((item) => item.role);

describe('appMenuTemplate', () => {
  it('has no developer tools or reload in a packaged build', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = appMenuTemplate({ appName: 'Casebook', platform, isPackaged: true, vault });
      expect(roles(items)).not.toContain('toggleDevTools');
      expect(roles(items)).not.toContain('reload');
      expect(roles(items)).not.toContain('forceReload');
    }
  });

  it('offers them during development', () => {
    const items = appMenuTemplate({
      appName: 'Casebook',
      platform: 'linux',
      isPackaged: false,
      vault,
    });
    expect(roles(items)).toContain('toggleDevTools');
  });

  it('locks the vault on CmdOrCtrl+L, and nothing else takes that shortcut', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      let locked = 0;
      const items = appMenuTemplate({
        appName: 'Casebook',
        platform,
        isPackaged: true,
        vault: { ...vault, onLock: () => locked++ },
      });
      const onShortcut = flatten(items).filter((item) => item.accelerator === LOCK_ACCELERATOR);
      expect(onShortcut.map((item) => item.label)).toEqual(['Lock vault']);
      (onShortcut[0]?.click as () => void)();
      expect(locked).toBe(1);
    }
  });

  it('has a quit item on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = appMenuTemplate({ appName: 'Casebook', platform, isPackaged: true, vault });
      expect(roles(items)).toContain('quit');
    }
  });
});
