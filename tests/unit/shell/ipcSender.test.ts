import { describe, expect, it } from 'vitest';

import { isTrustedSender } from '../../../main/shell/ipcSender.js';

describe('isTrustedSender', () => {
  it('accepts frames showing app://casebook', () => {
    expect(isTrustedSender({ url: 'app://casebook/index.html' })).toBe(true);
    expect(isTrustedSender({ url: 'app://casebook/' })).toBe(true);
  });

  it.each([
    'file:///opt/casebook/dist/renderer/index.html',
    'https://casebook/index.html',
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'app://other/index.html',
    'app://casebook.evil/index.html',
    'app://evil.casebook/index.html',
    'app://casebook:443/index.html',
    'app://x@casebook/index.html',
    'about:blank',
    'data:text/html,x',
    '',
  ])('rejects frames showing %s', (url) => {
    expect(isTrustedSender({ url })).toBe(false);
  });

  it('rejects a missing or destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
