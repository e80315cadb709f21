import { describe, expect, it } from 'vitest';

import {
  VERSION_ARGUMENT_PREFIX,
  windowWebPreferences,
} from '../../../main/shell/webPreferences.js';

describe('windowWebPreferences', () => {
  const prefs = windowWebPreferences('/app/dist/main/preload.js', '1.2.3');

  it('isolates, sandboxes and keeps Node out of the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('disables <webview>, keeps web security on and the spellchecker off', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('uses the given preload and passes the version as an argument', () => {
    expect(prefs.preload).toBe('/app/dist/main/preload.js');
    expect(prefs.additionalArguments).toEqual([`${VERSION_ARGUMENT_PREFIX}1.2.3`]);
  });

  it('sets nothing that loosens the defaults', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('devTools');
  });
});
