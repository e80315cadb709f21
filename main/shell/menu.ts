import type { MenuItemConstructorOptions } from 'electron';

// The application menu: only standard roles for now. The vault menu arrives with the
// desktop-app work; "Lock vault" will be its first item, on CmdOrCtrl+L, which is why
// no item here takes that accelerator (a unit test keeps it free). Reload is left out
// of packaged builds: reloading would drop unsaved form input without a prompt.

export const RESERVED_LOCK_ACCELERATOR = 'CmdOrCtrl+L';

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
}

export function appMenuTemplate({
  appName,
  platform,
  isPackaged,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }];

  return [
    ...(isMac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { role: 'fileMenu', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...developerItems,
      ],
    },
    { role: 'windowMenu' },
  ];
}
