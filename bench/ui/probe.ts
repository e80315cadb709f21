import type { Page } from 'playwright-core';

/**
 * Timing in the page itself, so that Playwright's own round trips are not counted: a probe
 * starts at the timestamp of the first input event an action causes (the browser's own
 * `event.timeStamp`) and stops at the first frame painted after what the user waits for is in
 * the document. Works the same on the app and on the plain list, which use the same roles.
 */

/** What the user waits to see: a page heading, or a row of a listbox. */
export type Shown =
  | { readonly heading: string }
  | {
      /** The listbox's accessible name (its aria-label). */
      readonly listbox: string;
      /** The row's place in the whole list, from 1 (aria-posinset, else its order). */
      readonly position: number;
      /** How many rows the list says it has (aria-setsize), when it matters. */
      readonly setSize?: number;
      /** Text the row shows. */
      readonly text: string;
    };

// The page's globals this file uses: the bench compiles without the DOM library.
interface Element {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<Element>;
  scrollTop: number;
  readonly clientHeight: number;
}
interface PageScope {
  document: Element;
  performance: { now(): number };
  addEventListener(
    type: string,
    listener: (event: { timeStamp: number }) => void,
    capture: boolean,
  ): void;
  removeEventListener(
    type: string,
    listener: (event: { timeStamp: number }) => void,
    capture: boolean,
  ): void;
  requestAnimationFrame(callback: (now: number) => void): void;
  MutationObserver: new (callback: () => void) => {
    observe(target: Element, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  __uiProbe?: Promise<number>;
}

/** Runs in the page: arms the probe as window.__uiProbe. Self-contained, as page code must be. */
function armProbe({ shown, timeoutMs }: { shown: Shown; timeoutMs: number }): void {
  const scope = globalThis as unknown as PageScope;
  const doc = scope.document;
  const inputEvents = ['keydown', 'beforeinput', 'input', 'change'];
  let startedAt: number | null = null;
  const onInput = (event: { timeStamp: number }) => {
    startedAt ??= event.timeStamp;
  };
  const holds = (): boolean => {
    if ('heading' in shown) {
      return [...doc.querySelectorAll('h1')].some((h) => h.textContent?.trim() === shown.heading);
    }
    const list = [...doc.querySelectorAll('[role="listbox"]')].find(
      (element) => element.getAttribute('aria-label') === shown.listbox,
    );
    if (!list) return false;
    const options = [...list.querySelectorAll('[role="option"]')];
    const row = options.find(
      (option, index) =>
        Number(option.getAttribute('aria-posinset') ?? index + 1) === shown.position,
    );
    if (!row) return false;
    const setSize = Number(row.getAttribute('aria-setsize') ?? options.length);
    if (shown.setSize !== undefined && setSize !== shown.setSize) return false;
    return (row.textContent ?? '').includes(shown.text);
  };
  if (holds()) {
    // Nothing would change, so nothing would be timed: a mistake in the benchmark.
    scope.__uiProbe = Promise.reject(
      new Error(`shown before the action: ${JSON.stringify(shown)}`),
    );
    return;
  }
  for (const type of inputEvents) scope.addEventListener(type, onInput, true);
  scope.__uiProbe = new Promise<number>((resolve, reject) => {
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of inputEvents) scope.removeEventListener(type, onInput, true);
    };
    const observer = new scope.MutationObserver(() => {
      if (startedAt === null || !holds()) return;
      const start = startedAt;
      stop();
      // In the document now; painted in the next frame; a task queued in that frame runs
      // after the paint.
      scope.requestAnimationFrame(() =>
        setTimeout(() => resolve(scope.performance.now() - start), 0),
      );
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`not shown within ${timeoutMs} ms: ${JSON.stringify(shown)}`));
    }, timeoutMs);
    observer.observe(doc, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

/** Milliseconds from the input `act` causes until `shown` is on screen. */
export async function timeUntilShown(
  page: Page,
  shown: Shown,
  act: () => Promise<void>,
  timeoutMs = 60_000,
): Promise<number> {
  await page.evaluate(armProbe, { shown, timeoutMs });
  await act();
  return page.evaluate(() => (globalThis as unknown as PageScope).__uiProbe!);
}

/**
 * Scrolls the listbox down one screen a frame, `frames` times, as a fast scroll does, and
 * returns the time between frames: a frame that took long is a stutter the user sees.
 */
export function scrollFrameTimes(page: Page, listbox: string, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ listbox, frames }) =>
      new Promise<number[]>((resolve, reject) => {
        const scope = globalThis as unknown as PageScope;
        const list = [...scope.document.querySelectorAll('[role="listbox"]')].find(
          (element) => element.getAttribute('aria-label') === listbox,
        );
        if (!list) return reject(new Error(`no listbox ${listbox}`));
        const intervals: number[] = [];
        let last: number | null = null;
        const step = (now: number) => {
          if (last !== null) intervals.push(now - last);
          last = now;
          if (intervals.length >= frames) return resolve(intervals);
          list.scrollTop += list.clientHeight;
          scope.requestAnimationFrame(step);
        };
        scope.requestAnimationFrame(step);
      }),
    { listbox, frames },
  );
}

/** The height of the listbox's scrolling area, to give the plain list the same. */
export function listboxHeight(page: Page, listbox: string): Promise<number> {
  return page.evaluate((listbox) => {
    const scope = globalThis as unknown as PageScope;
    const list = [...scope.document.querySelectorAll('[role="listbox"]')].find(
      (element) => element.getAttribute('aria-label') === listbox,
    );
    return list?.clientHeight ?? 0;
  }, listbox);
}
