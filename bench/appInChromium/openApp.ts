import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type Frame, type Page, type Route } from 'playwright-core';

import { chromiumArgs, findChromium } from '../../db/reports/chromium';
import { fileSettingsStore } from '../../main/ipc/appSettings';
import type { ChooseImportFile } from '../../main/ipc/importServices';
import { createRouter, untrustedSender, type Router } from '../../main/ipc/router';
import type { ReportPorts } from '../../main/ipc/reportServices';
import type { AttachmentPorts } from '../../main/ipc/attachmentServices';
import { createVaultServices } from '../../main/ipc/services';
import type { Caller } from '../../main/ipc/tasks';
import { resolveAppUrl, responseHeaders } from '../../main/shell/appProtocol';
import { APP_ORIGIN } from '../../main/shell/origin';
import { AutoLock } from '../../main/vaultHost/autoLock';
import type { VaultWorkerData } from '../../main/vaultHost/protocol';
import { VaultHost } from '../../main/vaultHost/vaultHost';
import type { EventName, EventPayload } from '../../shared/ipc/contract';

/**
 * The app in Chromium, as docs/architecture.md describes the e2e harness: the built renderer
 * in a page, talking through the same contract, client and router as the app, to a real vault
 * in the real worker thread. The e2e tests (tests/e2e/support/harness.ts) and the UI benchmark
 * (bench/ui) both open it here, so they measure and test the same thing.
 *
 * - The page is served by page routes on a fixed origin from the renderer build, with the
 *   headers (the CSP first) and the path checks of the app:// handler. Nothing listens on a
 *   port; every other request is refused and recorded.
 * - `casebookInvoke` is a Playwright binding into createRouter(createVaultServices(VaultHost)),
 *   the app's own wiring; only the folder dialog is replaced (it answers the given folder).
 * - An init script (pageBridge.ts, bundled) sets window.casebook = createApi(binding).
 */

export const appOrigin = 'https://casebook.test';

/** The checkout: the folder with package.json above this file, whether run from source or dist/. */
export const repoRoot = ((): string => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

const workerPath = path.join(repoRoot, 'dist/main/vaultHost/worker.js');

/**
 * The Chromium to drive, found as the CLI finds the one it prints with: $CASEBOOK_CHROMIUM, the
 * system's (Debian's on CI), else playwright-core's own copy, downloaded the first time.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
}

let bridge: Promise<string> | undefined;

/** pageBridge.ts and the shared/ modules it imports, as one script for addInitScript. */
function bridgeScript(): Promise<string> {
  // A dynamic import: Vite is an ES module, and this file also runs compiled to CommonJS.
  bridge ??= import('vite')
    .then(({ build }) =>
      build({
        configFile: false,
        root: repoRoot,
        publicDir: false,
        logLevel: 'warn',
        build: {
          write: false,
          minify: false,
          target: 'chrome120',
          lib: {
            // The source, not dist/: Vite bundles TypeScript and ES modules.
            entry: path.join(repoRoot, 'bench/appInChromium/pageBridge.ts'),
            formats: ['iife'],
            name: 'casebookBridge',
          },
        },
      }),
    )
    .then((result) => {
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
  const file = url.startsWith(`${appOrigin}/`)
    ? resolveAppUrl(`${APP_ORIGIN}/${url.slice(appOrigin.length + 1)}`, rendererRoot)
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

/** What webContents.send does in the app: the event to the page's listeners (pageBridge.ts). */
function emit<E extends EventName>(
  target: Page | Frame,
  event: E,
  payload: EventPayload<E>,
): Promise<void> {
  return target
    .evaluate(
      ([name, data]) =>
        (globalThis as unknown as { __casebookEmit(e: string, p: unknown): void }).__casebookEmit(
          name,
          data,
        ),
      [event, payload] as const,
    )
    .catch(() => {});
}

export interface AppRouterOptions {
  /** Where the app keeps its settings file; the caller makes and removes it. */
  readonly workDir: string;
  /** The vault folder the app proposes and the folder dialog answers. */
  readonly vaultFolder: string;
  /** The vault opened last time, so the app starts at its unlock screen. */
  readonly lastVaultFolder?: string;
  readonly workerData?: VaultWorkerData;
  /** Idle time before the auto-lock, in milliseconds (the app's is minutes). */
  readonly autoLockMs?: number;
  /** What the import file dialog answers; without it the dialog is cancelled. */
  readonly chooseImportFile?: ChooseImportFile;
  /** The report printer and save dialog (main/ipc/reportServices.ts); none: no export. */
  readonly reports?: ReportPorts;
  /** The evidence files' open and save dialogs; none: files can be listed, not moved. */
  readonly attachments?: AttachmentPorts;
}

/** The main process's side of the app: the router over the vault's worker thread. */
export interface AppRouter {
  readonly router: Router;
  readonly host: VaultHost;
  /** Router bugs (a thrown non-VaultError, a result outside the contract). */
  readonly errors: string[];
  close(): Promise<void>;
}

/** createRouter(createVaultServices(VaultHost)), as main/app.ts wires it, minus the dialogs. */
export function openAppRouter(options: AppRouterOptions): AppRouter {
  const { vaultFolder } = options;
  const settings = fileSettingsStore(path.join(options.workDir, 'settings.json'));
  if (options.lastVaultFolder) settings.update({ lastVaultFolder: options.lastVaultFolder });
  const host = new VaultHost({ workerPath, workerData: options.workerData ?? {} });
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
      settings,
      chooseFolder: async () => vaultFolder,
      setLanguage: () => {},
      ...(options.chooseImportFile ? { chooseImportFile: options.chooseImportFile } : {}),
      ...(options.reports ? { reports: options.reports } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
    }),
    { onUnexpected: (channel, what) => errors.push(`router: ${channel} ${what}`) },
  );
  return {
    router,
    host,
    errors,
    async close() {
      autoLock.stop();
      await host.close();
    },
  };
}

export interface AppInChromium {
  readonly page: Page;
  readonly host: VaultHost;
  /** Where the app proposes, and the folder dialog answers, the vault folder. */
  readonly vaultFolder: string;
  /** alert/confirm/prompt dialogs the page opened: hostile content must open none. */
  readonly dialogs: string[];
  /** Console errors, uncaught exceptions and router bugs: a CSP violation shows up here. */
  readonly errors: string[];
  /** Requests the page made to anything but its own files. */
  readonly refused: string[];
  close(): Promise<void>;
}

export interface AppInChromiumOptions extends AppRouterOptions {
  /** The renderer's Vite build (the folder with index.html). */
  readonly rendererRoot: string;
  readonly locale?: string;
}

/** Opens the app's page in a new context of `browser`, at its first screen. */
export async function openAppInChromium(
  browser: Browser,
  options: AppInChromiumOptions,
): Promise<AppInChromium> {
  const script = await bridgeScript();
  const { router, host, errors, close } = openAppRouter(options);
  const context = await browser.newContext({
    viewport: { width: 1100, height: 760 },
    locale: options.locale ?? 'en-US',
    serviceWorkers: 'block',
  });
  const refused: string[] = [];
  await context.route('**/*', (route) => serve(route, options.rendererRoot, refused));
  // One caller per frame, as main/app.ts makes: a task's progress goes back to its frame only.
  const callers = new WeakMap<Frame, Caller>();
  const callerOf = (frame: Frame): Caller => {
    let caller = callers.get(frame);
    if (!caller) {
      caller = { sender: (progress) => void emit(frame, 'task.progress', progress) };
      callers.set(frame, caller);
    }
    return caller;
  };
  // The sender check, as main/app.ts checks the IPC sender's frame.
  await context.exposeBinding('casebookInvoke', ({ frame }, channel: unknown, args: unknown) =>
    new URL(frame.url()).origin === appOrigin
      ? router.handle(channel, args, callerOf(frame))
      : untrustedSender(),
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

  host.onLocked((reason) => void emit(page, 'vault.locked', { reason }));

  await page.goto(`${appOrigin}/`);
  return {
    page,
    host,
    vaultFolder: options.vaultFolder,
    dialogs,
    errors,
    refused,
    async close() {
      await context.close();
      await close();
    },
  };
}
