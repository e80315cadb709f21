import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page, Route } from 'playwright-core';
import { build } from 'vite';

import { fileSettingsStore } from '../../../main/ipc/appSettings';
import { createRouter, untrustedSender } from '../../../main/ipc/router';
import { createVaultServices } from '../../../main/ipc/services';
import { resolveAppUrl, responseHeaders } from '../../../main/shell/appProtocol';
import { APP_ORIGIN } from '../../../main/shell/origin';
import { AutoLock } from '../../../main/vaultHost/autoLock';
import { VaultHost } from '../../../main/vaultHost/vaultHost';
import { catalogs } from '../../../shared/i18n';
import type { EventPayload } from '../../../shared/ipc/contract';
import { ensureBundle, repoRoot } from '../../support/appBundles';
import { tempDir, testKdfCost } from '../../support/vaults';

/**
 * The e2e harness of docs/architecture.md: the built renderer in Chromium, talking through
 * the same contract, client and router as the app, to a real vault in a worker thread.
 *
 * - The page is served by page routes on a fixed origin from dist/renderer, with the headers
 *   (the CSP first) and the path checks of the app:// handler. Nothing listens on a port;
 *   every other request is refused and recorded.
 * - `casebookInvoke` is a Playwright binding into createRouter(createVaultServices(VaultHost)),
 *   the app's own wiring; only the folder dialog is replaced (it answers the test's folder).
 * - An init script (pageBridge.ts, bundled) sets window.casebook = createApi(binding).
 */

export const origin = 'https://casebook.test';
export const en = catalogs.en;
export const be = catalogs.be;

const workerPath = path.join(repoRoot, 'dist/main/vaultHost/worker.js');
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

let bridge: Promise<string> | undefined;

/** pageBridge.ts and the shared/ modules it imports, as one script for addInitScript. */
function bridgeScript(): Promise<string> {
  bridge ??= build({
    configFile: false,
    root: repoRoot,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      target: 'chrome120',
      lib: {
        entry: path.join(__dirname, 'pageBridge.ts'),
        formats: ['iife'],
        name: 'casebookBridge',
      },
    },
  }).then((result) => {
    const outputs = Array.isArray(result) ? result : [result];
    const chunk = outputs
      .flatMap((output) => ('output' in output ? output.output : []))
      .find((item) => item.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('the bridge build produced no script');
    return chunk.code;
  });
  return bridge;
}

/** The built renderer, with the app:// handler's path rules and headers. */
async function serve(route: Route, rendererRoot: string, refused: string[]): Promise<void> {
  const url = route.request().url();
  const file = url.startsWith(`${origin}/`)
    ? resolveAppUrl(`${APP_ORIGIN}/${url.slice(origin.length + 1)}`, rendererRoot)
    : undefined;
  if (!file) {
    refused.push(url);
    await route.abort('blockedbyclient');
    return;
  }
  await route.fulfill({
    status: 200,
    headers: responseHeaders(file.mimeType),
    body: readFileSync(file.filePath),
  });
}

export interface AppUnderTest {
  readonly page: Page;
  readonly host: VaultHost;
  /** Where the app proposes, and the folder dialog answers, the vault folder. */
  readonly vaultFolder: string;
  /** alert/confirm/prompt dialogs the page opened: hostile content must open none. */
  readonly dialogs: string[];
  /** Console errors and uncaught exceptions: a CSP violation shows up here. */
  readonly errors: string[];
  /** Requests the page made to anything but its own files. */
  readonly refused: string[];
  close(): Promise<void>;
}

export interface AppOptions {
  /** Idle time before the auto-lock, in milliseconds (the app's is minutes). */
  readonly autoLockMs?: number;
  readonly locale?: string;
}

export async function openApp(browser: Browser, options: AppOptions = {}): Promise<AppUnderTest> {
  const rendererRoot = path.dirname(ensureBundle('renderer'));
  const script = await bridgeScript();
  const dir = tempDir('casebook-e2e-');
  const vaultFolder = path.join(dir, 'Casebook');
  const host = new VaultHost({ workerPath, workerData: { kdfCost: testKdfCost } });
  const autoLock = new AutoLock({
    ...(options.autoLockMs ? { limitMs: options.autoLockMs } : {}),
    isUnlocked: () => host.isUnlocked,
    lock: () => void host.lock('idle'),
    checkEveryMs: 200,
  });
  autoLock.start();
  const errors: string[] = [];
  const router = createRouter(
    createVaultServices(host, autoLock, {
      defaultFolder: vaultFolder,
      settings: fileSettingsStore(path.join(dir, 'settings.json')),
      chooseFolder: async () => vaultFolder,
      setLanguage: () => {},
    }),
    { onUnexpected: (channel, what) => errors.push(`router: ${channel} ${what}`) },
  );

  const context = await browser.newContext({
    viewport: { width: 1100, height: 760 },
    locale: options.locale ?? 'en-US',
    serviceWorkers: 'block',
  });
  const refused: string[] = [];
  await context.route('**/*', (route) => serve(route, rendererRoot, refused));
  // The harness's sender check, as main/app.ts checks the IPC sender's frame.
  await context.exposeBinding('casebookInvoke', ({ frame }, channel: unknown, args: unknown) =>
    new URL(frame.url()).origin === origin ? router.handle(channel, args) : untrustedSender(),
  );
  await context.addInitScript({ content: script });

  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message} ${error.stack ?? ''}`));

  // What webContents.send('vault.locked') does in the app.
  host.onLocked((reason) => {
    const payload: EventPayload<'vault.locked'> = { reason };
    void page
      .evaluate(
        ([event, data]) =>
          (globalThis as unknown as { __casebookEmit(e: string, p: unknown): void }).__casebookEmit(
            event,
            data,
          ),
        ['vault.locked', payload] as const,
      )
      .catch(() => {});
  });

  await page.goto(`${origin}/`);
  return {
    page,
    host,
    vaultFolder,
    dialogs,
    errors,
    refused,
    async close() {
      autoLock.stop();
      await context.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot to test-results/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG 2.1 A/AA rules and best practices: the serious and critical findings. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/** Whether the element has the keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element: unknown) =>
      (element as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement ===
      element,
  );
}

/** The focused element's outline: visible focus means a style other than none. */
export function focusOutline(page: Page): Promise<string> {
  return page.evaluate(() => {
    const scope = globalThis as unknown as {
      document: { activeElement: unknown };
      getComputedStyle(element: unknown): { outlineStyle: string; outlineWidth: string };
    };
    const style = scope.getComputedStyle(scope.document.activeElement);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
}

/** The accessible name (or text) and role of the focused element, to follow a Tab walk. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = (
      globalThis as unknown as {
        document: {
          activeElement: {
            tagName: string;
            id: string;
            getAttribute(name: string): string | null;
            textContent: string | null;
            labels?: { textContent: string | null }[] | null;
          } | null;
        };
      }
    ).document.activeElement;
    if (!element) return '';
    const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label');
    return `${element.tagName.toLowerCase()}:${(label ?? element.textContent ?? '').trim()}`;
  });
}
