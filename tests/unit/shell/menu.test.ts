import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';

import { appMenuTemplate, RESERVED_LOCK_ACCELERATOR } from '../../../main/shell/menu.js';

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
      const items = appMenuTemplate({ appName: 'Casebook', platform, isPackaged: true });
      expect(roles(items)).not.toContain('toggleDevTools');
      expect(roles(items)).not.toContain('reload');
      expect(roles(items)).not.toContain('forceReload');
    }
  });

  it('offers them during development', () => {
    const items = appMenuTemplate({ appName: 'Casebook', platform: 'linux', isPackaged: false });
    expect(roles(items)).toContain('toggleDevTools');
  });

  it('keeps the lock accelerator free', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = appMenuTemplate({ appName: 'Casebook', platform, isPackaged: false });
      expect(flatten(items).map((item) => item.accelerator)).not.toContain(
        RESERVED_LOCK_ACCELERATOR,
      );
    }
  });

  it('has a quit item on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const items = appMenuTemplate({ appName: 'Casebook', platform, isPackaged: true });
      expect(roles(items)).toContain('quit');
    }
  });
});
