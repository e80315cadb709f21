import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';

import { appOrigin, openAppInChromium, type AppInChromium } from '../../../bench/appInChromium';
import type { AttachmentPorts } from '../../../main/ipc/attachmentServices';
import type { ChooseImportFile } from '../../../main/ipc/importServices';
import type { ReportPorts } from '../../../main/ipc/reportServices';
import { catalogs } from '../../../shared/i18n';
import { ensureBundle, repoRoot } from '../../support/appBundles';
import { tempDir, testKdfCost } from '../../support/vaults';

/**
 * The e2e harness of docs/architecture.md: the app in Chromium (bench/appInChromium, which the
 * UI benchmark opens too), over a fresh folder, with Argon2id at the lowest cost. The built
 * renderer talks through the same contract, client and router as the app, to a real vault in
 * a worker thread.
 */

export const origin = appOrigin;
export const en = catalogs.en;
export const be = catalogs.be;

export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

export type AppUnderTest = AppInChromium;

export interface AppOptions {
  /** Idle time before the auto-lock, in milliseconds (the app's is minutes). */
  readonly autoLockMs?: number;
  readonly locale?: string;
  /** The report printer and save dialog; without them the app can preview reports only. */
  readonly reports?: ReportPorts;
  /** What the import file dialog answers (a file the test wrote); without it, cancelled. */
  readonly chooseImportFile?: ChooseImportFile;
  /** Permits for a long task's steps (VaultWorkerData.writeGate): see importGate(). */
  readonly writeGate?: SharedArrayBuffer;
  /** What the evidence-file open and save dialogs answer (files the test chose). */
  readonly attachments?: AttachmentPorts;
}

/**
 * A gate that holds an import before each write batch after its first (and an unlock before
 * its search index catch-up), until the test lets one more through: a cancel then lands
 * half-way, without any timing in the test.
 */
export function importGate(): { buffer: SharedArrayBuffer; allow(batches: number): void } {
  const buffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  return {
    buffer,
    allow(batches) {
      Atomics.add(new Int32Array(buffer), 0, batches);
      Atomics.notify(new Int32Array(buffer), 0);
    },
  };
}

export async function openApp(browser: Browser, options: AppOptions = {}): Promise<AppUnderTest> {
  const dir = tempDir('casebook-e2e-');
  const app = await openAppInChromium(browser, {
    rendererRoot: path.dirname(ensureBundle('renderer')),
    workDir: dir,
    vaultFolder: path.join(dir, 'Casebook'),
    workerData: {
      kdfCost: testKdfCost,
      ...(options.writeGate ? { writeGate: options.writeGate } : {}),
    },
    ...options,
  });
  return {
    ...app,
    async close() {
      await app.close();
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

/**
 * On the People screen: types into its search (a name in any script) and opens the first person
 * found, as a keyboard user would.
 */
export async function openFirstPersonFound(page: Page, typed: string, heading: RegExp) {
  await page.getByRole('searchbox', { name: en.search.people }).focus();
  await page.keyboard.type(typed);
  await page
    .getByRole('listbox', { name: en.search.results })
    .getByRole('option')
    .first()
    .waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
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
