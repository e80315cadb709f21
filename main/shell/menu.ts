import type { MenuItemConstructorOptions } from 'electron';

// The application menu: standard roles, and the Vault menu whose first item locks the vault on
// CmdOrCtrl+L, the quick-lock shortcut (a unit test keeps every other item off it). Reload is
// left out of packaged builds: reloading would drop unsaved form input without a prompt.

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

export interface MenuOptions {
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  readonly isPackaged: boolean;
  /** The Vault menu, in the UI's language. */
  readonly vault: {
    readonly label: string;
    readonly lockLabel: string;
    readonly onLock: () => void;
  };
}

export function appMenuTemplate({
  appName,
  platform,
  isPackaged,
  vault,
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
    {
      label: vault.label,
      submenu: [{ label: vault.lockLabel, accelerator: LOCK_ACCELERATOR, click: vault.onLock }],
    },
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
