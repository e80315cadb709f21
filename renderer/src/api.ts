import type { CasebookApi } from '../../shared/ipc/client';

/** What the preload (or the e2e harness) puts on `window.casebook`. */
export type CasebookBridge = CasebookApi & { readonly version: string };

let cached: CasebookBridge | null | undefined;

/**
 * The vault API, or null when the page runs without one (opened outside the app). The page
 * never talks to the vault any other way.
 */
export function casebookApi(): CasebookBridge | null {
  if (cached === undefined) {
    const value = (window as unknown as { casebook?: unknown }).casebook;
    cached =
      typeof value === 'object' && value !== null && 'vault' in value && 'records' in value
        ? (value as CasebookBridge)
        : null;
  }
  return cached;
}

/** The API where the app cannot have started without it (every screen after the first). */
export function api(): CasebookBridge {
  const bridge = casebookApi();
  if (!bridge) throw new Error('window.casebook is missing');
  return bridge;
}
