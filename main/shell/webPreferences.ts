import type { WebPreferences } from 'electron';

// The preload reads the version from argv because a sandboxed preload cannot
// require package.json or any file of ours; main/preload.ts repeats this prefix.
export const VERSION_ARGUMENT_PREFIX = '--casebook-version=';

/**
 * webPreferences for every window that shows the renderer.
 *
 * Options whose Electron default is already the safe value are still spelled out:
 * a future default change, or a copy-pasted override, must not weaken a window silently.
 */
export function windowWebPreferences(preloadPath: string, appVersion: string): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload get separate JavaScript worlds, so a compromised
    // page cannot reach ipcRenderer or patch the objects the preload uses.
    contextIsolation: true,
    // OS-level sandbox for the renderer process; the preload only gets `electron`.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // <webview> would let injected markup open a guest page with its own preferences.
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker can send words to a remote service and downloads
    // dictionaries; case notes must not leave the machine.
    spellcheck: false,
    additionalArguments: [`${VERSION_ARGUMENT_PREFIX}${appVersion}`],
  };
}
