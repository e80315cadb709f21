import path from 'node:path';

import { describe, expect, it } from 'vitest';

import {
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppUrl,
} from '../../../main/shell/appProtocol.js';
import { contentSecurityPolicy } from '../../../main/shell/contentSecurityPolicy.js';

const root = path.resolve('/opt/casebook/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps app://casebook/<path> into the renderer folder', () => {
    expect(resolveAppUrl('app://casebook/index.html', root)).toEqual({
      filePath: path.join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppUrl('app://casebook/assets/index-AbC_1-2.js?v=1#x', root)?.filePath).toBe(
      path.join(root, 'assets', 'index-AbC_1-2.js'),
    );
  });

  it('serves index.html for the bare origin', () => {
    expect(resolveAppUrl('app://casebook/', root)?.filePath).toBe(path.join(root, 'index.html'));
  });

  it.each([
    'app://casebook/../secret.html',
    'app://casebook/assets/../../secret.html',
    'app://casebook/./index.html',
    'app://casebook/%2e%2e/secret.html',
    'app://casebook/%2E%2E/secret.html',
    'app://casebook/assets/%2e%2e/%2e%2e/secret.html',
    'app://casebook/.%2e/secret.html',
    'app://casebook/%252e%252e/secret.html',
    'app://casebook/..%2fsecret.html',
    'app://casebook/..%2Fsecret.html',
    'app://casebook//etc/passwd.txt',
    'app://casebook/%2fetc/passwd.txt',
    'app://casebook/C:/Windows/win.ini.txt',
    'app://casebook/C%3a/Windows/win.ini.txt',
    'app://casebook/..\\secret.html',
    'app://casebook/assets\\index.js',
    'app://casebook/%5c..%5csecret.html',
    'app://casebook/index.html%00.js',
    'app://casebook/%E0%A4%A',
    'app://casebook/assets/',
  ])('refuses %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeUndefined();
  });

  it.each([
    'file:///opt/casebook/dist/renderer/index.html',
    'https://casebook/index.html',
    'app://other/index.html',
    'app://casebook.evil/index.html',
    'app://casebook:8080/index.html',
    'app://user@casebook/index.html',
    'app:casebook/index.html',
  ])('refuses other origins: %s', (url) => {
    expect(resolveAppUrl(url, root)).toBeUndefined();
  });

  it('refuses file types the build does not emit', () => {
    expect(resolveAppUrl('app://casebook/notes.sqlite', root)).toBeUndefined();
    expect(resolveAppUrl('app://casebook/keyslots', root)).toBeUndefined();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.PNG', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['a.webp', 'image/webp'],
    ['a.woff2', 'font/woff2'],
    ['a.woff', 'font/woff'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('knows no type for anything else', () => {
    expect(mimeTypeFor('a.exe')).toBeUndefined();
    expect(mimeTypeFor('Makefile')).toBeUndefined();
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map([[path.join(root, 'index.html'), new TextEncoder().encode('<p>hi</p>')]]);
  const read = async (filePath: string): Promise<Uint8Array> => {
    const body = files.get(filePath);
    if (!body) throw new Error('ENOENT');
    return body;
  };
  const handle = createAppProtocolHandler(root, read);

  it('serves a file with its type, the CSP and nosniff', async () => {
    const response = await handle(new Request('app://casebook/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<p>hi</p>');
  });

  it('answers 404 for a refused path and for a missing file alike', async () => {
    expect((await handle(new Request('app://casebook/%2e%2e/secret.html'))).status).toBe(404);
    expect((await handle(new Request('app://casebook/missing.js'))).status).toBe(404);
  });

  it('answers 405 to anything but GET', async () => {
    const response = await handle(new Request('app://casebook/index.html', { method: 'POST' }));
    expect(response.status).toBe(405);
  });
});
