// Electron main entry. Every security decision is made by a pure function in ./shell/
// (unit-tested without Electron); this file only wires them to Electron's hooks.
import path from 'node:path';

import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerMonitor,
  protocol,
  session,
} from 'electron';

import { catalogs, type Language } from '../shared/i18n';
import type { EventPayload } from '../shared/ipc/contract';
import { fileSettingsStore } from './ipc/appSettings.js';
import { createRouter, untrustedSender, type Router } from './ipc/router.js';
import { createVaultServices } from './ipc/services.js';
import type { Caller, TaskSender } from './ipc/tasks.js';
import { electronSqliteBinaryPath } from './native/electronSqlite.js';
import { createElectronPdfPrinter, reportSchemePrivileges } from './reports/index.js';
import { createAppProtocolHandler } from './shell/appProtocol.js';
import { isTrustedSender } from './shell/ipcSender.js';
import { appMenuTemplate } from './shell/menu.js';
import {
  allowDevicePermission,
  allowPermissionCheck,
  allowPermissionRequest,
  isAllowedNavigation,
  windowOpenDecision,
} from './shell/navigationPolicy.js';
import { APP_ENTRY_URL, APP_SCHEME } from './shell/origin.js';
import { windowWebPreferences } from './shell/webPreferences.js';
import { AutoLock } from './vaultHost/autoLock.js';
import { VaultHost } from './vaultHost/vaultHost.js';

// dist/main/app.js -> dist/renderer and the bundled dist/preload/preload.js (inside app.asar
// when packaged). The vault's worker is dist/main/vaultHost/worker.js.
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'preload.js');

// Must happen before `ready`. `standard` gives app://casebook a real origin (relative
// URLs, module scripts, same-origin checks); `secure` makes it a secure context like
// https, without anything listening on a port. No bypassCSP, no corsEnabled, no fetch
// support: the page has no reason to fetch anything.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
  // The hidden, offline window reports are printed in (main/reports).
  reportSchemePrivileges,
]);

// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let language: Language = 'en';

// The vault lives in a worker thread (better-sqlite3 and Argon2id block); this thread only
// passes messages, so the window stays responsive and never holds a key.
const vaultHost = new VaultHost({
  workerData: {
    nativeBinding: electronSqliteBinaryPath(app.getAppPath(), process.versions.electron),
  },
});

/** Every lock, whatever its cause, tells the page to drop what it shows and holds. */
vaultHost.onLocked((reason) => {
  const payload: EventPayload<'vault.locked'> = { reason };
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send('vault.locked', payload);
});

function lockVault(reason: 'user' | 'system'): void {
  void vaultHost.lock(reason);
}

function installMenu(): void {
  const text = catalogs[language].menu;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        appName: app.getName(),
        platform: process.platform,
        isPackaged: app.isPackaged,
        vault: { label: text.vault, lockLabel: text.lock, onLock: () => lockVault('user') },
      }),
    ),
  );
}

function createIpcRouter(): Router {
  const settings = fileSettingsStore(path.join(app.getPath('userData'), 'settings.json'));
  const autoLock = new AutoLock({
    minutes: settings.read().autoLockMinutes,
    isUnlocked: () => vaultHost.isUnlocked,
    lock: () => void vaultHost.lock('idle'),
  });
  autoLock.start();
  const services = createVaultServices(vaultHost, autoLock, {
    defaultFolder: path.join(app.getPath('documents'), 'Casebook'),
    settings,
    chooseFolder: async (purpose, defaultPath) => {
      const options: Electron.OpenDialogOptions = {
        title: catalogs[language].folderDialog[purpose],
        defaultPath,
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    setLanguage: (chosen) => {
      language = chosen;
      installMenu();
    },
    chooseImportFile: async (kind) => {
      const text = catalogs[language].importer;
      const options: Electron.OpenDialogOptions = {
        title: kind === 'records' ? text.chooseRecords : text.chooseBundle,
        properties: ['openFile'],
        filters:
          kind === 'records'
            ? [{ name: text.recordsHeading, extensions: ['jsonl', 'ndjson', 'json'] }]
            : [{ name: text.bundleHeading, extensions: ['cbb', 'age'] }],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    attachments: {
      chooseEvidenceFile: async () => {
        const options: Electron.OpenDialogOptions = {
          title: catalogs[language].attachments.chooseTitle,
          properties: ['openFile'],
        };
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      chooseSaveFile: async (suggestedName) => {
        const options: Electron.SaveDialogOptions = {
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    reports: {
      printer: async () => createElectronPdfPrinter({ BrowserWindow, session }),
      chooseReportFile: async (suggestedName, format) => {
        const options: Electron.SaveDialogOptions = {
          defaultPath: path.join(app.getPath('documents'), suggestedName),
          filters: [{ name: format.toUpperCase(), extensions: [format] }],
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        };
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
  });
  // The channel and the exception's class only: its message may quote record content.
  return createRouter(services, {
    onUnexpected: (channel, what) =>
      console.error(`casebook: unexpected failure in ${channel} (${what})`),
  });
}

// One sender per frame, the same for each of its calls: a long task's progress goes only to
// the frame that started it, and only that frame may cancel it.
const taskSenders = new WeakMap<Electron.WebFrameMain, TaskSender>();
function callerOf(frame: Electron.WebFrameMain): Caller {
  let sender = taskSenders.get(frame);
  if (!sender) {
    sender = (progress) => {
      if (!frame.isDestroyed()) frame.send('task.progress', progress);
    };
    taskSenders.set(frame, sender);
  }
  return { sender };
}

function registerIpc(router: Router): void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, args: unknown) =>
      event.senderFrame && isTrustedSender(event.senderFrame)
        ? router.handle(channel, args, callerOf(event.senderFrame))
        : untrustedSender(),
    );
  }
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Casebook',
    width: 1100,
    height: 760,
    minWidth: 640,
    minHeight: 480,
    // Shown once painted, so the user never sees an empty white frame.
    show: false,
    webPreferences: windowWebPreferences(preloadPath, app.getVersion()),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowPermissionRequest(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => allowPermissionCheck(permission));
  ses.setDevicePermissionHandler((details) => allowDevicePermission(details.deviceType));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}

// Applied to every web contents, not just the main window's, so a future window (or
// DevTools) cannot be created without the same rules.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

// One process owns the vault: a second launch would open the same SQLite files and
// key material twice. It focuses the running window instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Quit on every platform, macOS included: closing the window must not leave a
  // process behind that could still hold an unlocked vault.
  app.on('window-all-closed', () => app.quit());

  // Lock (wiping the keys) before the process ends, however it was asked to.
  let vaultClosed = false;
  app.on('will-quit', (event) => {
    if (vaultClosed) return;
    event.preventDefault();
    void vaultHost.close().finally(() => {
      vaultClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession();
    registerIpc(createIpcRouter());
    // A laptop closed or a screen locked in a hurry must not leave the vault open.
    powerMonitor.on('suspend', () => lockVault('system'));
    powerMonitor.on('lock-screen', () => lockVault('system'));
    installMenu();
    mainWindow = createMainWindow();
  });
}
