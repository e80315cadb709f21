import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { launchChromium } from './browser';
import { openApp, type AppOptions, type AppUnderTest } from './harness';

export interface BrowserSession {
  /** Opens the app in the file's browser; it is closed and checked after the test. */
  open(options?: AppOptions): Promise<AppUnderTest>;
}

/**
 * One Chromium for a test file, and after each test the app it opened closed and checked:
 * nothing may have gone wrong quietly (no CSP violation, no exception, no request out, no
 * dialog). Call once at the top of the file.
 */
export function useBrowserSession(): BrowserSession {
  let browser: Browser | undefined;
  let app: AppUnderTest | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    const opened = app;
    app = undefined;
    if (!opened) return;
    await opened.close();
    expect(opened.errors).toEqual([]);
    expect(opened.refused).toEqual([]);
    expect(opened.dialogs).toEqual([]);
  });

  return {
    async open(options) {
      if (!browser) throw new Error('useBrowserSession: the browser is not launched yet');
      app = await openApp(browser, options);
      return app;
    },
  };
}

export type Reply = { ok: boolean; value?: unknown; error?: { code: string; fields?: unknown[] } };
type PageApi = {
  casebook: Record<string, Record<string, (args?: unknown) => Promise<Reply>>>;
};

/** Calls window.casebook in the page, as the renderer's own code would. */
export function callApi(page: Page, domain: string, method: string, args?: unknown) {
  return page.evaluate(
    ([domain, method, args]) =>
      (globalThis as unknown as PageApi).casebook[domain]![method]!(args ?? undefined),
    [domain, method, args] as const,
  );
}
