// Electron main entry. Every security decision is made by a pure function in ./shell/
// (unit-tested without Electron); this file only wires them to Electron's hooks.
import path from 'node:path';

import { app, BrowserWindow, Menu, protocol, session } from 'electron';

import { createAppProtocolHandler } from './shell/appProtocol.js';
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

// dist/main/app.js -> dist/renderer and dist/main/preload.js (inside app.asar when packaged).
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, 'preload.js');

// Must happen before `ready`. `standard` gives app://casebook a real origin (relative
// URLs, module scripts, same-origin checks); `secure` makes it a secure context like
// https, without anything listening on a port. No bypassCSP, no corsEnabled, no fetch
// support: the page has no reason to fetch anything.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
]);

// Sandbox every renderer, including any a future change forgets to configure.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;

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

  void app.whenReady().then(() => {
    hardenSession();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate({
          appName: app.getName(),
          platform: process.platform,
          isPackaged: app.isPackaged,
        }),
      ),
    );
    mainWindow = createMainWindow();
  });
}
