// The People list over a real vault: hostile names stay text, a big vault scrolls without
// rendering every row, and an idle vault locks itself and empties the page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { Vault } from '../../db';
import { contentSecurityPolicy } from '../../main/shell/contentSecurityPolicy';
import { passphrase } from '../support/vaults';
import { en, screenshot, seriousAccessibilityProblems } from './support/harness';
import { callApi, useBrowserSession } from './support/session';

const session = useBrowserSession();

/** A vault made through the page's API (the create screen has its own test), then reloaded. */
async function unlockedApp(options: { autoLockMs?: number } = {}) {
  const app = await session.open(options);
  const created = await callApi(app.page, 'vault', 'create', {
    folder: app.vaultFolder,
    passphrase,
  });
  expect(created.ok).toBe(true);
  await app.page.reload();
  await app.page.getByRole('heading', { level: 1, name: en.people.title }).waitFor();
  return app;
}

const list = (page: Page) => page.getByRole('listbox', { name: en.people.listLabel });

describe('the page', () => {
  it("runs under the app's Content-Security-Policy: no inline script, no inline style", async () => {
    const app = await session.open();
    const { page } = app;
    const response = await page.reload();
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    // Not tested with eval(): page.evaluate itself is exempt from the eval check.
    const result = await page.evaluate(() => {
      const scope = globalThis as unknown as {
        document: {
          createElement(tag: string): { textContent: string };
          head: { append(node: unknown): void };
          body: unknown;
        };
        getComputedStyle(element: unknown): { marginInlineStart: string };
        __inlineRan?: boolean;
      };
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
    // The refusals were reported; they are this test's doing, not the app's.
    app.errors.length = 0;
  });
});

describe('the People list', () => {
  it('shows hostile names as text: no markup, no script, no dialog', async () => {
    const app = await unlockedApp();
    const { page } = app;
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(2)</script>',
      '"><svg onload=alert(3)>',
      '{{constructor.constructor("alert(4)")()}}',
      'جواد الحسيني',
    ];
    for (const [index, value] of hostile.entries()) {
      const put = await callApi(page, 'records', 'put', {
        type: 'person',
        id: `hostile-${index}`,
        body: { names: [{ value }] },
      });
      expect(put.ok).toBe(true);
    }
    // Through the UI too, so the "saved" message shows the name as well.
    await page.getByLabel(en.people.nameLabel, { exact: true }).fill(hostile[0]!);
    await page.getByRole('button', { name: en.people.add, exact: true }).click();
    await page.getByRole('status').filter({ hasText: hostile[0]! }).waitFor();

    const rows = list(page).getByRole('option');
    await rows.filter({ hasText: hostile[1]! }).waitFor();
    const texts = await rows.allTextContents();
    for (const value of hostile) expect(texts).toContain(value);
    expect(await page.locator('main img, main script, main svg:not(.icon)').count()).toBe(0);
    await page.waitForTimeout(200);
    expect(app.dialogs).toEqual([]);
    await screenshot(page, '12-hostile-names');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('refuses a record the model refuses, naming the fields', async () => {
    const { page } = await unlockedApp();
    const refused = await callApi(page, 'records', 'put', {
      type: 'person',
      body: { names: [{ value: ' ' }], sex: 'unknowable' },
    });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('validation_failed');
    expect(refused.error?.fields).toEqual([
      { path: 'names[0].value', message: 'must not be empty' },
      { path: 'sex', message: expect.stringMatching(/^must be one of/) },
    ]);
    const bad = await callApi(page, 'records', 'get', { id: '../../etc/passwd' });
    expect(bad.error?.code).toBe('invalid_request');
  });

  it('scrolls 100 000 people while rendering only the rows in view', async () => {
    const { page, vaultFolder, host } = await unlockedApp();
    await host.lock('user');
    await page.getByRole('heading', { level: 1, name: en.unlock.title }).waitFor();

    // Written straight into the vault file while the app has it locked.
    const total = 100_000;
    const vault = await Vault.unlock(vaultFolder, passphrase);
    vault.batch(() => {
      for (let i = 0; i < total; i++) {
        const id = `person-${String(i).padStart(6, '0')}`;
        vault.put('person', { names: [{ value: `Person ${String(i).padStart(6, '0')}` }] }, { id });
      }
    });
    vault.lock();

    await page.getByLabel(en.unlock.secretLabel).fill(passphrase);
    await page.getByRole('button', { name: en.unlock.submit }).click();
    await list(page).getByRole('option', { name: 'Person 000000' }).waitFor({ timeout: 30_000 });
    await page
      .getByText(en.people.count.replace('{{total}}', new Intl.NumberFormat('en').format(total)))
      .waitFor();
    expect(await list(page).getByRole('option').count()).toBeLessThan(60);

    // End jumps to the last person; the rows around it are fetched page by page.
    await list(page).focus();
    const started = Date.now();
    await page.keyboard.press('End');
    await list(page).getByRole('option', { name: 'Person 099999' }).waitFor();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await list(page).getAttribute('aria-activedescendant')).toBeTruthy();
    expect(
      await list(page).getByRole('option', { name: 'Person 099999' }).getAttribute('aria-posinset'),
    ).toBe(String(total));
    expect(await list(page).getByRole('option').count()).toBeLessThan(60);

    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await list(page).getByRole('option', { name: 'Person 000000' }).waitFor();
    await screenshot(page, '13-people-100k');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }, 120_000);

  it('locks by itself after the idle time, and the page drops what it showed', async () => {
    const app = await unlockedApp({ autoLockMs: 1_500 });
    const { page } = app;
    await page.getByLabel(en.people.nameLabel, { exact: true }).fill('Марыя Калеснікава');
    await page.getByRole('button', { name: en.people.add, exact: true }).click();
    await list(page).getByRole('option', { name: 'Марыя Калеснікава' }).waitFor();

    await page
      .getByRole('heading', { level: 1, name: en.unlock.title })
      .waitFor({ timeout: 10_000 });
    await page.getByRole('status').filter({ hasText: en.unlock.lockedIdle }).waitFor();
    expect(await page.content()).not.toContain('Калеснікава');
    expect(app.host.isUnlocked).toBe(false);
    await screenshot(page, '14-unlock-after-idle');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
