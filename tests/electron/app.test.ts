// Drives the real Electron app. Most build machines install Electron without its binary
// (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there this file skips, and says so loudly, rather
// than passing without having run. On Linux it needs a display (xvfb-run) and a
// non-root user (Chromium's sandbox refuses root; --no-sandbox would defeat the test).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { catalogs, languages } from '../../shared/i18n';
import { ensureBundle } from '../support/appBundles';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/**
 * The Electron binary, if installed. `require('electron')` tries to download a missing
 * binary, so the files it would read are checked first and it is only called when
 * they say the binary is there.
 */
function electronBinary(): string | undefined {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    if (!existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8'))))
      return undefined;
  }
  const binary: unknown = require('electron');
  return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
}

const executablePath = electronBinary();
const hasElectron = executablePath !== undefined;
if (!hasElectron) {
  console.warn('SKIPPED: Electron binary not installed — the shell e2e test did not run');
}

const appVersion = (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }
).version;

describe.skipIf(!hasElectron)('Electron shell', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    // The global setup ran tsc -b; the preload and renderer bundles are rebuilt whenever
    // their sources changed: the test must never pass against a stale build.
    ensureBundle('preload');
    ensureBundle('renderer');
    app = await _electron.launch({
      executablePath: executablePath as string,
      args: [repoRoot],
      cwd: repoRoot,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('loads the renderer from app://casebook, which reaches the vault through the preload', async () => {
    expect(page.url()).toBe('app://casebook/index.html');
    // The first-run or the unlock screen, in whichever language the system asks for.
    const titles = languages.flatMap((l) => [catalogs[l].welcome.title, catalogs[l].unlock.title]);
    await page.locator('main h1').waitFor();
    expect(titles).toContain(await page.locator('main h1').textContent());
  });

  it('creates the window with the hardened webPreferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      const p = contents.getLastWebPreferences();
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
        spellcheck: p.spellcheck,
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
    });
  });

  it('gives the page no Node: require and process are undefined', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return [typeof scope.require, typeof scope.process, typeof scope.module];
    });
    expect(globals).toEqual(['undefined', 'undefined', 'undefined']);
  });

  it('exposes the typed vault API and the version through the preload, nothing else', async () => {
    const casebook = await page.evaluate(() => {
      const api = (globalThis as { casebook?: Record<string, unknown> }).casebook;
      return api ? { keys: Object.keys(api).sort(), version: api.version } : undefined;
    });
    expect(casebook).toEqual({
      keys: ['app', 'on', 'records', 'vault', 'version'],
      version: appVersion,
    });
  });

  it('answers the vault status through ipcMain, the router and the worker', async () => {
    const status = await page.evaluate(() =>
      (
        globalThis as unknown as {
          casebook: { vault: { status(): Promise<{ ok: boolean; value?: { state: string } }> } };
        }
      ).casebook.vault.status(),
    );
    expect(status.ok).toBe(true);
    expect(['none', 'locked']).toContain(status.value?.state);
  });

  it('enforces the CSP: inline script and inline style are refused', async () => {
    // Not tested with eval(): code run through page.evaluate (CDP Runtime.evaluate) is
    // exempt from the eval check, so eval would "work" whatever the policy says.
    type PageScope = {
      document: {
        createElement(tag: string): { textContent: string };
        head: { append(node: unknown): void };
        body: unknown;
      };
      getComputedStyle(element: unknown): { marginInlineStart: string };
      __inlineRan?: boolean;
    };
    const result = await page.evaluate(() => {
      const scope = globalThis as unknown as PageScope;
      const script = scope.document.createElement('script');
      script.textContent = 'globalThis.__inlineRan = true';
      scope.document.head.append(script);
      const style = scope.document.createElement('style');
      style.textContent = 'body { margin-inline-start: 77px }';
      scope.document.head.append(style);
      return {
        inlineScriptRan: scope.__inlineRan === true,
        margin: scope.getComputedStyle(scope.document.body).marginInlineStart,
      };
    });
    expect(result).toEqual({ inlineScriptRan: false, margin: '0px' });
  });

  it('denies new windows and navigation away from the app', async () => {
    // The tests' tsconfig has no DOM types: the page's globals are reached through casts.
    type PageWindow = { open(url: string): unknown; location: { assign(url: string): void } };
    const opened = await page.evaluate(
      () => (globalThis as unknown as PageWindow).open('https://example.org/') === null,
    );
    expect(opened).toBe(true);
    await page.evaluate(() =>
      (globalThis as unknown as PageWindow).location.assign('https://example.org/'),
    );
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://casebook/index.html');
    expect(app.windows()).toHaveLength(1);
  });
});
