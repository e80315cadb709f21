import { create } from 'zustand';

import type { CasebookError } from '../../shared/errors';
import type { LockReason } from '../../shared/ipc/contract';
import { casebookApi } from './api';

export type Screen =
  | { readonly name: 'starting' }
  | { readonly name: 'unavailable'; readonly error: CasebookError | null }
  | { readonly name: 'welcome' }
  | { readonly name: 'recovery'; readonly folder: string; readonly recoveryCode: string }
  | { readonly name: 'unlock'; readonly folder: string; readonly notice: LockReason | null }
  | { readonly name: 'home'; readonly folder: string };

interface AppState {
  readonly screen: Screen;
  readonly defaultFolder: string;
  readonly autoLockMinutes: number;
  /**
   * Counts unlocks and locks. Whatever a screen loaded belongs to one session: keyed on this,
   * it is thrown away (records, list pages, form input) when the vault locks.
   */
  readonly session: number;
  start(): Promise<void>;
  showWelcome(): void;
  showUnlock(folder: string): void;
  created(folder: string, recoveryCode: string): void;
  recoveryConfirmed(): void;
  unlocked(folder: string): void;
  locked(reason: LockReason): void;
  autoLockChanged(minutes: number): void;
}

export const useApp = create<AppState>()((set, get) => ({
  screen: { name: 'starting' },
  defaultFolder: '',
  autoLockMinutes: 5,
  session: 0,

  async start() {
    const api = casebookApi();
    if (!api) {
      set({ screen: { name: 'unavailable', error: null } });
      return;
    }
    api.on('vault.locked', ({ reason }) => get().locked(reason));
    const status = await api.vault.status();
    if (!status.ok) {
      set({ screen: { name: 'unavailable', error: status.error } });
      return;
    }
    const { state, folder, defaultFolder, autoLockMinutes } = status.value;
    set({ defaultFolder, autoLockMinutes });
    if (state === 'unlocked' && folder) set({ screen: { name: 'home', folder } });
    else if (state === 'locked' && folder)
      set({ screen: { name: 'unlock', folder, notice: null } });
    else set({ screen: { name: 'welcome' } });
  },

  showWelcome: () => set({ screen: { name: 'welcome' } }),
  showUnlock: (folder) => set({ screen: { name: 'unlock', folder, notice: null } }),

  created: (folder, recoveryCode) =>
    set((state) => ({
      screen: { name: 'recovery', folder, recoveryCode },
      session: state.session + 1,
    })),

  // The code is dropped from memory here: it has been shown and checked.
  recoveryConfirmed: () => {
    const screen = get().screen;
    if (screen.name === 'recovery') set({ screen: { name: 'home', folder: screen.folder } });
  },

  unlocked: (folder) =>
    set((state) => ({ screen: { name: 'home', folder }, session: state.session + 1 })),

  locked: (reason) => {
    const screen = get().screen;
    if (screen.name !== 'home' && screen.name !== 'recovery') return;
    set((state) => ({
      screen: { name: 'unlock', folder: screen.folder, notice: reason === 'user' ? null : reason },
      session: state.session + 1,
    }));
  },

  autoLockChanged: (minutes) => set({ autoLockMinutes: minutes }),
}));
