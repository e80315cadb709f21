import { describe, expect, it } from 'vitest';

import {
  allowDevicePermission,
  allowPermissionCheck,
  allowPermissionRequest,
  isAllowedNavigation,
  windowOpenDecision,
} from '../../../main/shell/navigationPolicy.js';

describe('navigation', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigation('app://casebook/index.html')).toBe(true);
    expect(isAllowedNavigation('app://casebook/')).toBe(true);
  });

  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://casebook.example.org/',
    'app://casebook:1/index.html',
    'app://me:pw@casebook/index.html',
    'javascript:alert(1)',
    'data:text/html,<p>x</p>',
    'blob:app://casebook/0b0c',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('new windows', () => {
  it('are always denied', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midi',
    'midiSysex',
    'pointerLock',
    'fullscreen',
    'openExternal',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'mediaKeySystem',
    'idle-detection',
    'window-management',
    'storage-access',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'unknown',
  ])('denies the request and the check for %s', (permission) => {
    expect(allowPermissionRequest(permission)).toBe(false);
    expect(allowPermissionCheck(permission)).toBe(false);
  });

  it.each(['hid', 'serial', 'usb'])('denies %s devices', (device) => {
    expect(allowDevicePermission(device)).toBe(false);
  });
});
